// Content negotiation: which format a request asks for. It throws HTTP problems (406), so it lives
// with the routes; the formats themselves only render.
import { FORMATS, type Format, MEDIA_TYPES } from '../formats/media-types.ts';
import { type FieldError, ProblemError } from '../problem.ts';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.trim().split(';');
      const [type = '', subtype = ''] = range.trim().toLowerCase().split('/');
      const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
    })
    .filter((r) => r.type !== '' && r.subtype !== '');
}

/** The quality the Accept ranges give a media type (most specific range wins, per RFC 9110). */
function qualityOf(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best = -1;
  let specificity = -1;
  for (const r of ranges) {
    const s =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*'
            ? 0
            : -1;
    if (s > specificity) {
      specificity = s;
      best = r.q;
    }
  }
  return best;
}

/**
 * Picks the response format: the explicit `format` parameter wins; without it, the Accept header
 * chooses (JSON when it allows anything or is absent). A format nobody can serve is a 406.
 */
export function chooseFormat(
  formatParam: string | undefined,
  accept: string | undefined,
  where: FieldError['in'] = 'query',
): Format {
  if (formatParam !== undefined) {
    if ((FORMATS as readonly string[]).includes(formatParam)) return formatParam as Format;
    throw new ProblemError(
      'not-acceptable',
      `Format "${formatParam.slice(0, 40)}" is not available. Use one of: ${FORMATS.join(', ')}.`,
      { errors: [{ in: where, path: 'format', message: `must be one of ${FORMATS.join(', ')}` }] },
    );
  }
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = parseAccept(accept);
  let chosen: Format | undefined;
  let bestQ = 0;
  for (const format of FORMATS) {
    const q = qualityOf(MEDIA_TYPES[format], ranges);
    if (q > bestQ) {
      bestQ = q;
      chosen = format;
    }
  }
  if (!chosen) {
    throw new ProblemError(
      'not-acceptable',
      `None of the media types in the Accept header can be produced. Available: ${Object.values(MEDIA_TYPES).join(', ')} (or use ?format=${FORMATS.join('|')}).`,
    );
  }
  return chosen;
}
