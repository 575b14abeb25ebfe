import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog.ts';
import { compareScenarios } from '../../src/domain/compare.ts';
import type { Quote } from '../../src/domain/scenario.ts';
import { renderComparePage } from '../../src/pages/compare/page.tsx';
import { call, csvRecords } from '../helpers.ts';
import { VALID_INLINE } from '../routes/hostile-fixtures.ts';

const QUOTES: Record<string, Quote> = {
  russia: { text: 'Spoken words in English.', kind: 'verbatim' },
  ukraine: { text: 'Words translated from Ukrainian.', kind: 'translation', language: 'uk' },
  'united-states': { text: 'An outlet rendering of what was said.', kind: 'paraphrase' },
};

/** A what-if whose three stances carry one quote of each kind. */
const quoting = {
  ...VALID_INLINE,
  id: 'quote-kinds',
  stances: Object.entries(QUOTES).map(([party, quote]) => ({ ...VALID_INLINE.stances[0], party, quote })),
};

async function postCompare(format: 'csv' | 'xlsx'): Promise<Response> {
  const response = await call('/v1/compare', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenarios: [quoting], format }),
  });
  expect(response.status).toBe(200);
  return response;
}

const paraphrase = QUOTES['united-states'] as Quote;

describe('quotes by kind', () => {
  it('shows quotation marks only around a speaker’s words, with the kind, on the comparison page', () => {
    const comparison = compareScenarios(
      [quoting as never],
      catalog.latestBaseline,
      catalog.comparisonReference,
    );
    const html = renderComparePage(comparison, catalog);
    expect(html).toContain('“Spoken words in English.” <span class="meta">(verbatim)</span>');
    expect(html).toContain(
      '“Words translated from Ukrainian.” <span class="meta">(translated from Ukrainian)</span>',
    );
    expect(html).toContain(`<span class="meta">Paraphrase: </span>${paraphrase.text}`);
    expect(html).not.toMatch(new RegExp(`[“"«]${paraphrase.text}`));
  });

  it('writes the kind beside the words in the workbook, and never quotes a paraphrase', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await postCompare('xlsx')).arrayBuffer());
    const cells: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(
      'opposes: Paraphrase: An outlet rendering of what was said. (Someone, 2026-02-01)',
    );
    expect(cells).toContain(
      'opposes: “Words translated from Ukrainian.” (translated from Ukrainian) (Someone, 2026-02-01)',
    );
    expect(cells.some((c) => c.includes(`“${paraphrase.text}`))).toBe(false);
    // The Stances sheet: the words as given, and their kind in the next column.
    const stances = workbook.getWorksheet('Stances') as ExcelJS.Worksheet;
    const row = stances
      .getSheetValues()
      .find((values) => Array.isArray(values) && values.includes(paraphrase.text)) as unknown[];
    expect(row[row.indexOf(paraphrase.text) + 1]).toBe('paraphrase');
  });

  it('gives each quote’s kind and language as rows of the CSV, without adding quotation marks', async () => {
    const records = csvRecords(await (await postCompare('csv')).text());
    const stance = (party: string, field: string) =>
      records.find((r) => r.section === 'stance' && r.key === `${party}.${field}`)?.value;
    for (const [party, quote] of Object.entries(QUOTES)) {
      expect(stance(party, 'quote')).toBe(quote.text);
      expect(stance(party, 'quoteKind')).toBe(quote.kind);
      expect(stance(party, 'quoteLanguage')).toBe(quote.language);
    }
  });
});

describe('source addresses', () => {
  it('normalises a source URL once, at validation, so every format carries the same address', async () => {
    const source = {
      id: 'upper-case',
      publisher: 'Me',
      title: 'Report',
      date: '2026-01-01',
      kind: 'analysis',
    };
    const post = async (format: string) => {
      const response = await call('/v1/compare', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          scenarios: [{ ...VALID_INLINE, sources: ['upper-case'] }],
          sources: [{ ...source, url: 'HTTPS://EXAMPLE.ORG/report' }],
          format,
        }),
      });
      expect(response.status).toBe(200);
      return response;
    };
    const json = (await (await post('json')).json()) as { sources: { id: string; url?: string }[] };
    expect(json.sources.find((s) => s.id === 'upper-case')?.url).toBe('https://example.org/report');
    const csv = csvRecords(await (await post('csv')).text());
    expect(csv.find((r) => r.section === 'source' && r.key === 'upper-case')?.value).toContain(
      'https://example.org/report',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await post('xlsx')).arrayBuffer());
    const sheet = workbook.getWorksheet('Sources') as ExcelJS.Worksheet;
    const row = sheet
      .getSheetValues()
      .find((values) => Array.isArray(values) && values[1] === 'upper-case') as unknown[];
    expect(row[9]).toEqual({ text: 'https://example.org/report', hyperlink: 'https://example.org/report' });
  });
});
