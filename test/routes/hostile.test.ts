import { describe, expect, it } from 'vitest';
import { call, SEED_IDS } from '../helpers.ts';
import { VALID_INLINE } from './hostile-fixtures.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const validScenario = {
  ...VALID_INLINE,
  territory: [{ ...VALID_INLINE.territory[0], russianShare: { low: 0.5, high: 0.6 } }],
};
const withShare = (low: unknown, high: unknown) => ({
  ...validScenario,
  territory: [{ ...validScenario.territory[0], russianShare: { low, high } }],
});
const CONTROL = '\u0000\u0007\u001b\u007f';

interface HostileCase {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** A field the problem must name, as `in:path`. */
  field?: string;
}

const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
const cases: HostileCase[] = [
  { name: 'malformed JSON', body: '{"scenarios": [', status: 400, field: 'body:' },
  { name: 'JSON that is not an object', body: '[1, 2, 3]', status: 422, field: 'body:' },
  { name: 'a JSON string', body: '"anchorage-2025-08"', status: 422 },
  { name: 'JSON null', body: 'null', status: 422 },
  { name: 'deep nesting', body: `{"scenarios": ${deep}}`, status: 422, field: 'body:scenarios[0]' },
  { name: 'a 10 MB body', body: `{"scenarios": ["${'a'.repeat(10 * 1024 * 1024)}"]}`, status: 413 },
  { name: 'an empty body', body: '', status: 400 },
  {
    name: 'duplicate ids (POST)',
    body: JSON.stringify({ scenarios: [SEED_IDS[0], SEED_IDS[0]] }),
    status: 422,
    field: 'body:scenarios[1]',
  },
  {
    name: 'duplicate ids (GET)',
    path: `/v1/compare?scenarios=${SEED_IDS[0]},${SEED_IDS[0]}`,
    method: 'GET',
    status: 400,
    field: 'query:scenarios',
  },
  {
    name: '21 ids (GET)',
    path: `/v1/compare?scenarios=${Array.from({ length: 21 }, (_, i) => `s${i}`).join(',')}`,
    method: 'GET',
    status: 400,
    field: 'query:scenarios',
  },
  {
    name: '21 ids (POST)',
    body: JSON.stringify({ scenarios: Array.from({ length: 21 }, () => SEED_IDS[0]) }),
    status: 422,
    field: 'body:scenarios',
  },
  {
    name: '11 inline scenarios',
    body: JSON.stringify({
      scenarios: Array.from({ length: 11 }, (_, i) => ({ ...validScenario, id: `w-${i}` })),
    }),
    status: 422,
    field: 'body:scenarios',
  },
  {
    name: 'unknown baseline (GET)',
    path: `/v1/compare?scenarios=${SEED_IDS[0]}&baseline=1999-01-01`,
    method: 'GET',
    status: 404,
  },
  {
    name: 'unknown baseline (POST)',
    body: JSON.stringify({ scenarios: [SEED_IDS[0]], baseline: '1999-01-01' }),
    status: 422,
    field: 'body:baseline',
  },
  {
    name: 'a baseline that is not a date',
    body: JSON.stringify({ scenarios: [SEED_IDS[0]], baseline: 'yesterday' }),
    status: 422,
    field: 'body:baseline',
  },
  {
    name: 'NaN share (as a string)',
    body: JSON.stringify({ scenarios: [withShare('NaN', 0.5)] }),
    status: 422,
    field: 'body:scenarios[0].territory[0].russianShare.low',
  },
  {
    name: 'NaN share (as a bare token)',
    body: `{"scenarios": [${JSON.stringify(validScenario).replace('"low":0.5', '"low":NaN')}]}`,
    status: 400,
  },
  {
    name: 'a negative share',
    body: JSON.stringify({ scenarios: [withShare(-0.1, 0.5)] }),
    status: 422,
    field: 'body:scenarios[0].territory[0].russianShare.low',
  },
  {
    name: 'a share above 1',
    body: JSON.stringify({ scenarios: [withShare(0.5, 1.5)] }),
    status: 422,
    field: 'body:scenarios[0].territory[0].russianShare.high',
  },
  {
    name: 'low > high',
    body: JSON.stringify({ scenarios: [withShare(0.9, 0.1)] }),
    status: 422,
    field: 'body:scenarios[0].territory[0].russianShare.low',
  },
  {
    name: 'a huge exponent',
    body: `{"scenarios": [${JSON.stringify(validScenario).replace('"low":0.5', '"low":1e400')}]}`,
    status: 422,
  },
  {
    name: 'control characters in the title',
    body: JSON.stringify({ scenarios: [{ ...validScenario, title: `A${CONTROL}` }] }),
    status: 422,
    field: 'body:scenarios[0].title',
  },
  {
    name: 'control characters in a note',
    body: JSON.stringify({
      scenarios: [{ ...validScenario, territory: [{ ...validScenario.territory[0], note: CONTROL }] }],
    }),
    status: 422,
    field: 'body:scenarios[0].territory[0].note',
  },
  {
    name: 'control characters in an id',
    body: JSON.stringify({ scenarios: [`anchorage${CONTROL}`] }),
    status: 422,
    field: 'body:scenarios[0]',
  },
  {
    name: 'an over-long title',
    body: JSON.stringify({ scenarios: [{ ...validScenario, title: 'x'.repeat(201) }] }),
    status: 422,
    field: 'body:scenarios[0].title',
  },
  {
    name: 'an unknown key',
    body: JSON.stringify({ scenarios: [SEED_IDS[0]], extra: true }),
    status: 422,
    field: 'body:',
  },
  {
    name: 'a wrong type',
    body: JSON.stringify({ scenarios: 'anchorage-2025-08' }),
    status: 422,
    field: 'body:scenarios',
  },
  {
    name: 'an unknown format',
    body: JSON.stringify({ scenarios: [SEED_IDS[0]], format: 'pdf' }),
    status: 422,
    field: 'body:format',
  },
  {
    name: 'a text/plain Content-Type',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ scenarios: [SEED_IDS[0]] }),
    status: 415,
    field: 'header:Content-Type',
  },
  {
    name: 'no Content-Type',
    headers: {},
    body: JSON.stringify({ scenarios: [SEED_IDS[0]] }),
    status: 415,
    field: 'header:Content-Type',
  },
  {
    name: 'a form body',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'scenarios=anchorage-2025-08',
    status: 415,
  },
  {
    name: 'an over-long query string',
    path: `/v1/compare?scenarios=${'a'.repeat(5000)}`,
    method: 'GET',
    status: 414,
  },
  {
    name: 'a formula-injection id (GET)',
    path: '/v1/compare?scenarios==HYPERLINK("x")',
    method: 'GET',
    status: 400,
    field: 'query:scenarios',
  },
  {
    name: 'unicode in an id',
    path: '/v1/compare?scenarios=%D0%B4%D0%BE%D0%BD%D0%B5%D1%86%D1%8C%D0%BA',
    method: 'GET',
    status: 400,
    field: 'query:scenarios',
  },
  {
    name: 'a percent-encoded NUL in an id',
    path: '/v1/compare?scenarios=anchorage%00',
    method: 'GET',
    status: 400,
    field: 'query:scenarios',
  },
  { name: 'a broken percent-encoding', path: '/v1/compare?scenarios=%E0%A4%A', method: 'GET', status: 400 },
  {
    name: 'an unknown scenario path with unicode',
    path: '/v1/scenarios/%F0%9F%92%A5',
    method: 'GET',
    status: 404,
  },
  { name: 'a wrong method', path: '/v1/compare', method: 'DELETE', status: 405 },
  // The catalogue's rules hold for inline scenarios too (each a 422 naming the field).
  ...ruleCases(),
];

/** Inline scenarios that break one of the data rules the catalogue obeys. */
function ruleCases(): HostileCase[] {
  const territory = validScenario.territory[0];
  const stance = validScenario.stances[0];
  const post = (...scenarios: unknown[]) => JSON.stringify({ scenarios });
  const reading = {
    outcome: 'frozen-at-line',
    russianShare: { low: 0.5, high: 0.6 },
    note: 'One.',
    sources: territory?.sources,
  };
  return [
    // Characters XML 1.0 does not allow would make the workbook's shared strings unreadable.
    ...(
      [
        ['U+FFFE', '\uFFFE'],
        ['U+FFFF', '\uFFFF'],
        ['a lone high surrogate', '\uD800'],
        ['a lone low surrogate', 'a\uDC00b'],
        ['U+0000', '\u0000'],
      ] as const
    ).map(([what, character]) => ({
      name: `a title with ${what} (not allowed in XML)`,
      body: post({ ...validScenario, title: `Plan ${character} B` }),
      status: 422,
      field: 'body:scenarios[0].title',
    })),
    {
      name: 'a source publisher with U+FFFF',
      body: JSON.stringify({
        scenarios: [validScenario],
        sources: [
          { id: 'own-note', publisher: 'Me\uFFFF', title: 'Note', date: '2026-01-01', kind: 'analysis' },
        ],
      }),
      status: 422,
      field: 'body:sources[0].publisher',
    },
    {
      name: 'readings on a share called quantified',
      body: post({
        ...validScenario,
        territory: [{ ...territory, quantified: true, readings: [reading, reading] }],
      }),
      status: 422,
      field: 'body:scenarios[0].territory[0].quantified',
    },
    {
      name: 'a silent region bounded without a note',
      body: post({
        ...validScenario,
        territory: [{ ...territory, outcome: 'not-addressed', quantified: false, note: undefined }],
      }),
      status: 422,
      field: 'body:scenarios[0].territory[0].note',
    },
    {
      name: 'a region taking a position without saying whether it is quantified',
      body: post({ ...validScenario, territory: [{ ...territory, quantified: undefined }] }),
      status: 422,
      field: 'body:scenarios[0].territory[0].quantified',
    },
    {
      name: 'a quote without its kind',
      body: post({ ...validScenario, stances: [{ ...stance, quote: { text: 'No.' } }] }),
      status: 422,
      field: 'body:scenarios[0].stances[0].quote.kind',
    },
    {
      name: 'a quote as a bare string',
      body: post({ ...validScenario, stances: [{ ...stance, quote: 'No.' }] }),
      status: 422,
      field: 'body:scenarios[0].stances[0].quote',
    },
    {
      name: 'a translation without its language',
      body: post({ ...validScenario, stances: [{ ...stance, quote: { text: 'No.', kind: 'translation' } }] }),
      status: 422,
      field: 'body:scenarios[0].stances[0].quote.language',
    },
    {
      name: 'a supersedes naming another party’s position',
      body: post({ ...validScenario, supersedes: 'anchorage-2025-08' }),
      status: 422,
      field: 'body:scenarios[0].supersedes',
    },
    {
      name: 'a supersedes naming a later position',
      body: post({
        ...validScenario,
        proposers: ['russia'],
        date: '2025-01-01',
        supersedes: 'anchorage-2025-08',
      }),
      status: 422,
      field: 'body:scenarios[0].supersedes',
    },
    {
      name: 'a supersedes cycle between two inline scenarios',
      body: post(
        { ...validScenario, id: 'cycle-a', supersedes: 'cycle-b' },
        { ...validScenario, id: 'cycle-b', supersedes: 'cycle-a' },
      ),
      status: 422,
      field: 'body:scenarios[1].supersedes',
    },
    {
      name: 'a share interval empty against a catalogue baseline',
      // Donetsk is 0.76 at the 2025-08-18 baseline: [0.77, baseline] is empty there.
      body: post({
        ...validScenario,
        territory: [{ ...territory, russianShare: { low: 0.77, high: 'baseline' } }],
      }),
      status: 422,
      field: 'body:scenarios[0].territory[0].russianShare',
    },
  ];
}

describe('hostile inputs', () => {
  it.each(cases)('$name → $status problem+json', async ({ path, method, headers, body, status, field }) => {
    const response = await call(path ?? '/v1/compare', {
      method: method ?? 'POST',
      headers: headers ?? JSON_HEADERS,
      ...(body !== undefined && (method ?? 'POST') === 'POST' && { body }),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
    const text = await response.text();
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/);
    const problem = JSON.parse(text) as {
      status: number;
      title: string;
      detail: string;
      errors?: { in: string; path: string }[];
    };
    expect(problem.status).toBe(status);
    expect(problem.title && problem.detail).toBeTruthy();
    if (field) expect(problem.errors?.map((e) => `${e.in}:${e.path}`)).toContain(field);
  });

  it('keeps unicode and formula-looking text in an inline scenario as data', async () => {
    const title = '=1+1 «Донецьк» 🕊️ \u202Eright-to-left';
    const response = await call('/v1/compare', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ scenarios: [{ ...validScenario, title }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { scenarios: { title: string }[] };
    expect(body.scenarios[0]?.title).toBe(title);
  });
});
