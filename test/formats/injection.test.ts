import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertText } from '../../src/formats/cell-text.ts';
import { toCsv } from '../../src/formats/csv.ts';
import { TIDY_COLUMNS, type TidyRow } from '../../src/formats/tidy-rows.ts';
import { call, csvRecords, parseCsv } from '../helpers.ts';

/**
 * A cell a spreadsheet would evaluate: it starts like a formula (after any tabs or carriage
 * returns, which some applications strip) and is not a plain number.
 */
const isFormula = (cell: string) => {
  const start = cell.replace(/^[\t\r]+/, '');
  return /^[=+\-@]/.test(start) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(start);
};
/** Undoes the neutralisation: the apostrophe before a formula trigger at the start or after a separator. */
const restore = (cell: string) =>
  cell.replace(/^'(?=[=+\-@\t\r])/, '').replace(/([,;\t\r\n])'(?="*[=+\-@])/g, '$1');
const SEPARATORS = [',', ';', '\t'] as const;

const HOSTILE = [
  '=HYPERLINK("http://example.invalid","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\tleading tab',
  '\rleading CR',
];

const maliciousScenario = {
  id: 'hostile-what-if',
  title: HOSTILE[0],
  summary: HOSTILE[1],
  proposers: ['ukraine'],
  date: '2026-03-01',
  venue: HOSTILE[3],
  status: 'what-if',
  sources: ['hostile-source'],
  territory: [
    {
      region: 'sumy',
      outcome: 'returned-to-ukraine',
      legalStatus: 'none',
      russianShare: { low: 0, high: 0 },
      quantified: true,
      note: HOSTILE[2],
      sources: ['hostile-source'],
    },
  ],
  terms: [{ issue: 'amnesty', position: 'none', detail: HOSTILE[4], sources: ['hostile-source'] }],
  stances: [
    {
      party: 'russia',
      stance: 'opposes',
      quote: { text: HOSTILE[5], kind: 'paraphrase' },
      speaker: HOSTILE[0],
      date: '2026-03-01',
      sources: ['hostile-source'],
    },
  ],
};
const hostileSource = {
  id: 'hostile-source',
  publisher: HOSTILE[0],
  title: HOSTILE[3],
  date: '2026-03-01',
  kind: 'analysis',
};

async function postCompare(format: 'csv' | 'xlsx'): Promise<Response> {
  const response = await call('/v1/compare', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      scenarios: ['anchorage-2025-08', maliciousScenario],
      sources: [hostileSource],
      format,
    }),
  });
  expect(response.status).toBe(200);
  return response;
}

describe('formula injection', () => {
  it('prefixes a leading = + - @ tab or CR with an apostrophe, and leaves other text alone', () => {
    for (const s of HOSTILE) expect(inertText(s)).toBe(`'${s}`);
    for (const s of ['Donetsk', '100%', 'a=b', "'already"]) expect(inertText(s)).toBe(s);
  });

  it('keeps hostile strings inert in the CSV', async () => {
    const records = csvRecords(await (await postCompare('csv')).text());
    const cells = records.flatMap((r) => Object.values(r));
    for (const s of HOSTILE) {
      expect(cells, s).toContain(`'${s}`);
      expect(cells, s).not.toContain(s);
    }
    for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('has no formula cell whichever of , ; or tab a spreadsheet splits on', async () => {
    // Found by an outside test: "Plan A;=1+41;" was written unquoted, and LibreOffice splitting on
    // ";" evaluated =1+41.
    const response = await call('/v1/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        scenarios: [{ ...maliciousScenario, title: 'Plan A;=1+41;', summary: 'a\t=2+2\tb', venue: 'x,=3+3' }],
        sources: [hostileSource],
        format: 'csv',
      }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const separator of SEPARATORS) {
      const cells = parseCsv(text, separator).flat();
      expect(cells.filter(isFormula), `split on ${JSON.stringify(separator)}`).toEqual([]);
    }
    expect(csvRecords(text).some((r) => r.value === "Plan A;'=1+41;")).toBe(true);
  });

  it('writes no formula cell for any text, whichever separator splits it (property)', () => {
    const piece = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      ',',
      ';',
      '"',
      ' ',
      'a',
      '1',
      'SUM(A1)',
      '=1+1',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (values) => {
        const rows = values.map(
          (value) => Object.fromEntries(TIDY_COLUMNS.map((column) => [column, value])) as TidyRow,
        );
        const csv = toCsv(rows);
        for (const separator of SEPARATORS) {
          for (const cell of parseCsv(csv, separator).flat())
            expect(isFormula(cell), JSON.stringify(cell)).toBe(false);
        }
        // And read as intended (split on commas), every value comes back, only neutralised.
        const back = parseCsv(csv).slice(1);
        back.forEach((row, i) => {
          for (const cell of row) expect(restore(cell)).toBe(values[i]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps hostile strings inert in the XLSX: text cells, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await postCompare('xlsx')).arrayBuffer());
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          if (typeof value === 'string') texts.push(value);
          if (value && typeof value === 'object' && 'formula' in value) {
            expect(value.formula).not.toMatch(/HYPERLINK|SUM\(A1/);
          }
        }),
      );
    }
    expect(texts).toContain(`'${HOSTILE[0]}`);
    for (const s of HOSTILE) expect(texts, s).not.toContain(s);
    for (const t of texts) expect(t).not.toMatch(/^[=+@\t\r]/);
    expect(workbook.title?.startsWith('=')).toBe(false);
  });
});
