// The Worker as it deploys: the bundle `wrangler deploy --dry-run` wrote (./global-setup.ts), with
// exceljs's substitutes and its patched writers, run in Miniflare. Runs in Node, outside the
// workerd test pool, which loads exceljs's CommonJS through its own module loader and so applies
// only some of wrangler.toml's [alias] entries. A substitute that breaks makes the workbook request
// fail here; one that changes the XML changes the cells read back.
import ExcelJS from 'exceljs';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Comparison, ScenarioTotal } from '../../src/domain/comparison.ts';
import { SHEETS, sheetRef, workbookLayout } from '../../src/formats/xlsx/layout.ts';
import { FormulaEvaluator } from '../formats/formula.ts';
import { bundleWorker } from './worker.ts';

// The seeds of test/helpers.ts, which imports cloudflare:workers and so cannot load in Node.
const SEED_IDS = ['anchorage-2025-08', 'donetsk-swap-2025-10', 'ceasefire-current-lines-2025-10'];
const query = `scenarios=${SEED_IDS.join(',')}&baseline=2026-01-01`;

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string } | null)?.formula;
// exceljs writes a zero result as <v>0</v> but reads it back as undefined, so a missing result reads as 0.
const resultOf = (cell: ExcelJS.Cell) => (cell.value as { result?: number } | null)?.result ?? 0;

let worker: Miniflare;
let json: Comparison;
let workbook: ExcelJS.Workbook;

async function get(path: string): Promise<Response> {
  const response = await worker.dispatchFetch(`http://localhost${path}`);
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response as unknown as Response;
}

describe('the deployed bundle’s workbook', () => {
  // In the suite, so that a failing request (a broken substitute) fails the suite by name.
  beforeAll(async () => {
    worker = bundleWorker(inject('bundleDir'));
    json = (await (await get(`/v1/compare?${query}`)).json()) as Comparison;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get(`/v1/compare?${query}&format=xlsx`)).arrayBuffer());
  }, 60_000);

  afterAll(() => worker?.dispose());

  it('has every sheet, with formulas and cached results equal to the JSON in every territory cell', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...SHEETS, 'About']);
    const territory = workbook.getWorksheet('Territory') as ExcelJS.Worksheet;
    const layout = workbookLayout(SEED_IDS.length, json.territory.regions.length);
    SEED_IDS.forEach((id, k) => {
      json.territory.regions.forEach((region, i) => {
        const row = territory.getRow(layout.territory.regionRow(k, i));
        const outcome = region.scenarios[id];
        expect([row.getCell(1).value, row.getCell(2).value]).toEqual([id, region.region]);
        expect(formulaOf(row.getCell(7))).toBe(`${sheetRef('Baseline')}!C${layout.baseline.regionRow(i)}`);
        expect(formulaOf(row.getCell(11))).toBe(`G${row.number}*I${row.number}`);
        expect(resultOf(row.getCell(11))).toBe(outcome?.russianKm2.low);
        expect(formulaOf(row.getCell(14))).toBe(`L${row.number}-H${row.number}`);
        expect(resultOf(row.getCell(14))).toBe(outcome?.changeKm2.high);
      });
      const total = json.territory.totals[id] as ScenarioTotal;
      const totals = territory.getRow(layout.territory.totalRow(k));
      expect(totals.getCell(1).value).toBe(id);
      const first = layout.territory.regionRow(k, 0);
      const last = layout.territory.regionRow(k, json.territory.regions.length - 1);
      expect(formulaOf(totals.getCell(11))).toBe(`SUM(K${first}:K${last})`);
      expect(resultOf(totals.getCell(11))).toBe(total.russianKm2.low);
      expect(resultOf(totals.getCell(10))).toBe(total.shareOfUkraine.high);
    });
  });

  it('recomputes, from its formulas alone, the JSON totals and pairwise gaps', () => {
    const evaluator = new FormulaEvaluator(workbook);
    const layout = workbookLayout(SEED_IDS.length, json.territory.regions.length);
    SEED_IDS.forEach((id, k) => {
      const total = json.territory.totals[id] as ScenarioTotal;
      const row = layout.territory.totalRow(k);
      expect(evaluator.cell('Territory', `K${row}`)).toBeCloseTo(total.russianKm2.low, 6);
      expect(evaluator.cell('Territory', `N${row}`)).toBeCloseTo(total.changeKm2.high, 6);
    });
    json.pairwise.forEach((pair, i) => {
      expect(evaluator.cell('Pairwise', `C${i + 2}`)).toBeCloseTo(pair.territoryGapKm2, 6);
    });
  });

  it('writes the text, styles and links a reader sees', () => {
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getRow(1).values).toEqual([undefined, 'Scenario', ...SEED_IDS]);
    expect(summary.getRow(2).values).toEqual([undefined, 'Title', ...json.scenarios.map((s) => s.title)]);
    const territory = workbook.getWorksheet('Territory') as ExcelJS.Worksheet;
    expect(territory.getCell('K2').numFmt).toBe('#,##0');
    expect(territory.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFDDE6F0' } });
    const sources = workbook.getWorksheet('Sources') as ExcelJS.Worksheet;
    expect(sources.getCell('A2').value).toBe(json.sources[0]?.id);
    expect(workbook.title).toContain(json.scenarios[0]?.title);
  });

  it('writes a party’s timeline with its Changes sheet', async () => {
    const timeline = new ExcelJS.Workbook();
    await timeline.xlsx.load(await (await get('/v1/parties/russia/timeline?format=xlsx')).arrayBuffer());
    const changes = timeline.getWorksheet('Changes') as ExcelJS.Worksheet;
    expect(changes.getRow(1).getCell(1).value).toBe('From');
    expect(changes.rowCount).toBeGreaterThan(1);
  });
});
