import type { Comparison } from '../domain/comparison.ts';
import type { ChangelogEntry } from '../domain/reference.ts';
import type { Timeline } from '../domain/timeline.ts';
import { comparisonToCsv, timelineToCsv } from './csv.ts';
import { CONTENT_TYPES, type Format } from './media-types.ts';
import { comparisonToXlsx } from './xlsx/index.ts';

export const GENERATOR = 'negotiation-scenarios API v1';

/** A file name for a comparison: comparison-<ids joined by -vs->-<baseline>.<ext>, kept short. */
export function comparisonFileName(
  scenarioIds: readonly string[],
  baselineId: string,
  format: Format,
): string {
  const shown =
    scenarioIds.length > 4 ? [...scenarioIds.slice(0, 3), `and-${scenarioIds.length - 3}-more`] : scenarioIds;
  const stem = `comparison-${shown.join('-vs-')}-${baselineId}`.replace(/[^a-z0-9.-]+/gi, '-').slice(0, 180);
  return `${stem}.${format}`;
}

type Rendered = { body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> };

/** Renders one of the three formats, with Content-Type and, for files, a Content-Disposition name. */
async function render(
  format: Format,
  fileName: string,
  renderers: { json: () => string; csv: () => string; xlsx: () => Promise<Uint8Array<ArrayBuffer>> },
): Promise<Rendered> {
  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[format] };
  if (format !== 'json') headers['Content-Disposition'] = `attachment; filename="${fileName}"`;
  return { body: format === 'xlsx' ? await renderers.xlsx() : renderers[format](), headers };
}

/** Renders a comparison in the chosen format as a response body with its headers. */
export function renderComparison(
  comparison: Comparison,
  format: Format,
  options: { fileName: string; requestPath: string; changelog: readonly ChangelogEntry[] },
): Promise<Rendered> {
  return render(format, options.fileName, {
    json: () => JSON.stringify(comparison),
    csv: () => comparisonToCsv(comparison),
    xlsx: () =>
      comparisonToXlsx(comparison, {
        generator: GENERATOR,
        requestPath: options.requestPath,
        changelog: options.changelog,
      }),
  });
}

/** Renders a party's timeline: JSON and CSV of the timeline; XLSX = its positions compared, plus a Changes sheet. */
export function renderTimeline(
  timeline: Timeline,
  comparison: () => Comparison,
  format: Format,
  options: { fileName: string; requestPath: string; changelog: readonly ChangelogEntry[] },
): Promise<Rendered> {
  return render(format, options.fileName, {
    json: () => JSON.stringify(timeline),
    csv: () => timelineToCsv(timeline),
    xlsx: () =>
      comparisonToXlsx(comparison(), {
        generator: GENERATOR,
        requestPath: options.requestPath,
        timeline,
        changelog: options.changelog,
      }),
  });
}
