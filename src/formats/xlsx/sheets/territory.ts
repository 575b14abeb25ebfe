import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { BASELINE_COLUMN, TERRITORY_COLUMN as COLUMN, sheetRef, type WorkbookLayout } from '../layout.ts';
import { type CellValue, fillTable, formula, KM2, SHARE, text } from '../table.ts';

const BASELINE = sheetRef('Baseline');

/**
 * One row per scenario × region, km² and change as live formulas over the Baseline sheet and the
 * row's share cells; below the table, a totals row per scenario summing its block of rows.
 */
export function addTerritorySheet(sheet: Worksheet, comparison: Comparison, layout: WorkbookLayout): void {
  const ids = comparison.scenarios.map((scenario) => scenario.id);
  const rows: CellValue[][] = [];
  ids.forEach((id, k) => {
    comparison.territory.regions.forEach((region, i) => {
      const outcome = region.scenarios[id];
      if (!outcome) return;
      const row = layout.territory.regionRow(k, i);
      const baselineRow = layout.baseline.regionRow(i);
      // A bound that equals the baseline share follows the Baseline sheet, so corrections there flow through.
      const addressedBound = (value: number) =>
        value === region.baseline.russianShare
          ? formula(`${BASELINE}!${BASELINE_COLUMN.share}${baselineRow}`, value)
          : value;
      rows.push([
        text(id),
        text(region.region),
        text(region.name),
        text(outcome.outcome),
        text(outcome.legalStatus),
        outcome.quantified,
        formula(`${BASELINE}!${BASELINE_COLUMN.area}${baselineRow}`, region.areaKm2),
        formula(`${BASELINE}!${BASELINE_COLUMN.russianKm2}${baselineRow}`, region.baseline.russianKm2),
        addressedBound(outcome.russianShare.low),
        addressedBound(outcome.russianShare.high),
        formula(`${COLUMN.area}${row}*${COLUMN.shareLow}${row}`, outcome.russianKm2.low),
        formula(`${COLUMN.area}${row}*${COLUMN.shareHigh}${row}`, outcome.russianKm2.high),
        formula(`${COLUMN.russianKm2Low}${row}-${COLUMN.baselineKm2}${row}`, outcome.changeKm2.low),
        formula(`${COLUMN.russianKm2High}${row}-${COLUMN.baselineKm2}${row}`, outcome.changeKm2.high),
        text(outcome.note),
        text(outcome.sources.join(' ')),
      ]);
    });
  });
  fillTable(
    sheet,
    [
      { header: 'Scenario', width: 30 },
      { header: 'Region id', width: 14 },
      { header: 'Region', width: 26 },
      { header: 'Outcome', width: 22 },
      { header: 'Legal status', width: 12 },
      { header: 'Share given by a source', width: 12 },
      { header: 'Area km²', width: 12, format: KM2 },
      { header: 'Baseline km² under Russian control', width: 14, format: KM2 },
      { header: 'Share after (low)', width: 11, format: SHARE },
      { header: 'Share after (high)', width: 11, format: SHARE },
      { header: 'km² under Russian control (low)', width: 14, format: KM2 },
      { header: 'km² under Russian control (high)', width: 14, format: KM2 },
      { header: 'Change km² (low)', width: 13, format: KM2 },
      { header: 'Change km² (high)', width: 13, format: KM2 },
      { header: 'Note', width: 60, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    rows,
  );
  addTotals(sheet, comparison, layout);
}

/** Totals below the table: a row per scenario, summing its block of rows. */
function addTotals(sheet: Worksheet, comparison: Comparison, layout: WorkbookLayout): void {
  const totals = comparison.territory.totals;
  const ukraineArea = `${BASELINE}!$${BASELINE_COLUMN.area}$${layout.baseline.ukraineRow}`;
  const header = sheet.getRow(layout.territory.totalsHeaderRow);
  header.values = [
    'Totals',
    '',
    '',
    'Regions not addressed',
    'Regions not reported',
    'Unquantified regions',
    '',
    'Baseline km²',
    'Share of Ukraine (low)',
    'Share of Ukraine (high)',
    'km² (low)',
    'km² (high)',
    'Change km² (low)',
    'Change km² (high)',
  ];
  header.font = { bold: true };
  comparison.scenarios.forEach((scenario, k) => {
    const total = totals[scenario.id];
    if (!total) return;
    const first = layout.territory.regionRow(k, 0);
    const last = layout.territory.regionRow(k, comparison.territory.regions.length - 1);
    const rowNumber = layout.territory.totalRow(k);
    const sum = (column: string, result: number) =>
      formula(`SUM(${column}${first}:${column}${last})`, result);
    const row = sheet.getRow(rowNumber);
    row.values = [
      text(scenario.id),
      '',
      text(scenario.title),
      text(total.notAddressed.join(', ')),
      text(total.notReported.join(', ')),
      text(total.unquantified.join(', ')),
      '',
      sum(COLUMN.baselineKm2, totals.baseline.russianKm2),
      formula(`${COLUMN.russianKm2Low}${rowNumber}/${ukraineArea}`, total.shareOfUkraine.low),
      formula(`${COLUMN.russianKm2High}${rowNumber}/${ukraineArea}`, total.shareOfUkraine.high),
      sum(COLUMN.russianKm2Low, total.russianKm2.low),
      sum(COLUMN.russianKm2High, total.russianKm2.high),
      sum(COLUMN.changeLow, total.changeKm2.low),
      sum(COLUMN.changeHigh, total.changeKm2.high),
    ];
    row.font = { bold: true };
  });
}
