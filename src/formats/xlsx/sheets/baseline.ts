import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { BASELINE_COLUMN as COLUMN, type WorkbookLayout } from '../layout.ts';
import { fillTable, formula, KM2, SHARE, text } from '../table.ts';

/** One row per region (area, share and km² under Russian control), then the total and Ukraine's area. */
export function addBaselineSheet(sheet: Worksheet, comparison: Comparison, layout: WorkbookLayout): void {
  const { baseline } = layout;
  fillTable(
    sheet,
    [
      { header: 'Region id', width: 16 },
      { header: 'Region', width: 28 },
      { header: 'Area km²', width: 12, format: KM2 },
      { header: 'Share under Russian control', width: 14, format: SHARE },
      { header: 'km² under Russian control', width: 14, format: KM2 },
      { header: 'Basis', width: 10 },
      { header: 'Note', width: 60, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    comparison.territory.regions.map((region, i) => {
      const row = baseline.regionRow(i);
      return [
        text(region.region),
        text(region.name),
        region.areaKm2,
        region.baseline.russianShare,
        formula(`${COLUMN.area}${row}*${COLUMN.share}${row}`, region.baseline.russianKm2),
        text(region.baseline.basis),
        text(region.baseline.note),
        text(region.baseline.sources.join(' ')),
      ];
    }),
  );
  const totals = comparison.territory.totals;
  sheet.addRow([
    '',
    'Total of these regions',
    '',
    formula(
      `${COLUMN.russianKm2}${baseline.totalRow}/${COLUMN.area}${baseline.ukraineRow}`,
      totals.baseline.shareOfUkraine,
    ),
    formula(
      `SUM(${COLUMN.russianKm2}${baseline.firstRegionRow}:${COLUMN.russianKm2}${baseline.lastRegionRow})`,
      totals.baseline.russianKm2,
    ),
  ]).font = { bold: true };
  sheet.addRow(['ukraine', 'Ukraine (total area)', comparison.ukraineAreaKm2]).font = { bold: true };
}
