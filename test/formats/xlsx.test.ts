import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Comparison, ScenarioTotal } from '../../src/domain/comparison.ts';
import { workbookLayout } from '../../src/formats/xlsx/layout.ts';
import { call, callJson, SEED_IDS } from '../helpers.ts';
import { FormulaEvaluator } from './formula.ts';

const query = `scenarios=${SEED_IDS.join(',')}&baseline=2026-01-01`;

async function fetchWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const response = await call(path);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string } | null)?.formula;
// exceljs writes a zero result as <v>0</v> but reads it back as undefined, so a missing result reads as 0.
const resultOf = (cell: ExcelJS.Cell) => (cell.value as { result?: number } | null)?.result ?? 0;

describe('the XLSX workbook', async () => {
  const { body: json } = await callJson<Comparison>(`/v1/compare?${query}`);
  const workbook = await fetchWorkbook(`/v1/compare?${query}&format=xlsx`);
  const territory = workbook.getWorksheet('Territory') as ExcelJS.Worksheet;
  const layout = workbookLayout(SEED_IDS.length, json.territory.regions.length);

  it('has every sheet, in reading order, and its properties set', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Territory',
      'Baseline',
      'Issues',
      'Stances',
      'Pairwise',
      'Sources',
      'About',
    ]);
    expect(workbook.creator).toContain('negotiation-scenarios');
    expect(workbook.title).toContain(json.scenarios[0]?.title);
  });

  it('holds formulas (not only values) in every km², change and total cell, with cached results equal to the JSON', () => {
    SEED_IDS.forEach((id, k) => {
      json.territory.regions.forEach((region, i) => {
        const row = territory.getRow(layout.territory.regionRow(k, i));
        expect(row.getCell(1).value).toBe(id);
        expect(row.getCell(2).value).toBe(region.region);
        const o = region.scenarios[id];
        for (const [column, expected] of [
          [11, o?.russianKm2.low],
          [12, o?.russianKm2.high],
          [13, o?.changeKm2.low],
          [14, o?.changeKm2.high],
        ] as const) {
          const cell = row.getCell(column);
          expect(formulaOf(cell), `${id} ${region.region} col ${column}`).toBeTruthy();
          expect(resultOf(cell), `${id} ${region.region} col ${column}`).toBe(expected);
        }
        expect(formulaOf(row.getCell(7))).toMatch(/^'Baseline'!C\d+$/);
      });
    });
    SEED_IDS.forEach((id, k) => {
      const row = territory.getRow(layout.territory.totalRow(k));
      const t = json.territory.totals[id] as ScenarioTotal;
      expect(row.getCell(1).value).toBe(id);
      for (const [column, expected] of [
        [9, t.shareOfUkraine.low],
        [10, t.shareOfUkraine.high],
        [11, t.russianKm2.low],
        [12, t.russianKm2.high],
        [13, t.changeKm2.low],
        [14, t.changeKm2.high],
      ] as const) {
        expect(formulaOf(row.getCell(column)), `${id} total col ${column}`).toBeTruthy();
        expect(resultOf(row.getCell(column))).toBe(expected);
      }
    });
  });

  it('recomputes, from its formulas alone, the JSON totals', () => {
    const evaluator = new FormulaEvaluator(workbook);
    SEED_IDS.forEach((id, k) => {
      const t = json.territory.totals[id] as ScenarioTotal;
      const r = layout.territory.totalRow(k);
      expect(evaluator.cell('Territory', `K${r}`)).toBeCloseTo(t.russianKm2.low, 6);
      expect(evaluator.cell('Territory', `L${r}`)).toBeCloseTo(t.russianKm2.high, 6);
      expect(evaluator.cell('Territory', `N${r}`)).toBeCloseTo(t.changeKm2.high, 6);
      expect(evaluator.cell('Territory', `J${r}`)).toBeCloseTo(t.shareOfUkraine.high, 12);
    });
    const pairwise = workbook.getWorksheet('Pairwise') as ExcelJS.Worksheet;
    json.pairwise.forEach((pair, i) => {
      expect(evaluator.cell('Pairwise', `C${i + 2}`)).toBeCloseTo(pair.territoryGapKm2, 6);
      expect(resultOf(pairwise.getCell(`C${i + 2}`))).toBe(pair.territoryGapKm2);
    });
  });

  it('recomputes live when an analyst corrects a baseline share', () => {
    const donetsk = json.territory.regions.findIndex((r) => r.region === 'donetsk');
    const area = json.territory.regions[donetsk]?.areaKm2 as number;
    const oldShare = json.territory.regions[donetsk]?.baseline.russianShare as number;
    const edited = new FormulaEvaluator(workbook, {
      [`Baseline!D${layout.baseline.regionRow(donetsk)}`]: 0.9,
    });
    const r = layout.territory.totalRow(SEED_IDS.indexOf('ceasefire-current-lines-2025-10'));
    const before = (json.territory.totals['ceasefire-current-lines-2025-10'] as ScenarioTotal).russianKm2.low;
    // A freeze on the line follows the baseline: its total moves by area × (0.9 − old share).
    expect(edited.cell('Territory', `K${r}`)).toBeCloseTo(before + area * (0.9 - oldShare), 6);
    // Anchorage cedes Donetsk outright (share 1): its total does not move, but its change does.
    const anchorage = layout.territory.totalRow(SEED_IDS.indexOf('anchorage-2025-08'));
    const t = json.territory.totals['anchorage-2025-08'] as ScenarioTotal;
    expect(edited.cell('Territory', `K${anchorage}`)).toBeCloseTo(t.russianKm2.low, 6);
    expect(edited.cell('Territory', `M${anchorage}`)).toBeCloseTo(
      t.changeKm2.low - area * (0.9 - oldShare),
      6,
    );
  });

  it('formats as an analyst expects: frozen headers, filters, number formats, highlights, links', () => {
    expect(territory.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(territory.autoFilter).toBeTruthy();
    expect(territory.getCell('K2').numFmt).toBe('#,##0');
    expect(territory.getCell('I2').numFmt).toBe('0.0%');
    expect(territory.getColumn(15).width).toBeGreaterThan(30);
    const issues = workbook.getWorksheet('Issues') as ExcelJS.Worksheet;
    let highlighted = 0;
    issues.eachRow((row, n) => {
      if (n > 1 && row.getCell(4).value === true) {
        expect((row.getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC');
        highlighted++;
      }
    });
    expect(highlighted).toBeGreaterThan(0);
    const sources = workbook.getWorksheet('Sources') as ExcelJS.Worksheet;
    const linked: string[] = [];
    sources.eachRow((row, n) => {
      const v = row.getCell(9).value as { hyperlink?: string } | null;
      if (n > 1 && v?.hyperlink) linked.push(v.hyperlink);
    });
    expect(linked.length).toBeGreaterThan(5);
    for (const url of linked) expect(url).toMatch(/^https?:\/\//);
    const about = workbook.getWorksheet('About') as ExcelJS.Worksheet;
    const aboutText = about.getSheetValues().flat().join(' ');
    expect(aboutText).toContain(json.datasetVersion);
    expect(aboutText).toContain('How to cite');
    // What changed since a reader last downloaded: each compared scenario's corrections and the
    // dataset's own changelog.
    const corrections = json.scenarios.flatMap((s) =>
      (s.corrections ?? []).map((c) => `${s.id}: ${c.change}`),
    );
    expect(corrections.length).toBeGreaterThan(0);
    for (const correction of corrections) expect(aboutText).toContain(correction);
    expect(aboutText).toContain('Dataset change, ');
  });

  it('puts the scenarios side by side on the Summary sheet', () => {
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.getRow(1).values).toEqual([undefined, 'Scenario', ...SEED_IDS]);
    const labels = summary.getColumn(1).values.filter(Boolean);
    const issueLabels = json.issues.map((i) => i.label);
    const partyNames = json.stances.map((s) => s.name);
    for (const label of [
      'Title',
      'Proposed by',
      'Date',
      'Status',
      'km² under Russian control (low)',
      ...issueLabels,
      ...partyNames,
    ]) {
      expect(
        labels.some((l) => String(l).startsWith(label)),
        label,
      ).toBe(true);
    }
  });
});
