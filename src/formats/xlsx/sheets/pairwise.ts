import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { TERRITORY_COLUMN as COLUMN, type WorkbookLayout } from '../layout.ts';
import { fillTable, formula, KM2, text } from '../table.ts';

/** One row per pair of scenarios: the territory gap, a live formula over their blocks of share cells. */
export function addPairwiseSheet(sheet: Worksheet, comparison: Comparison, layout: WorkbookLayout): void {
  const ids = comparison.scenarios.map((scenario) => scenario.id);
  const { blockRange } = layout.territory;
  fillTable(
    sheet,
    [
      { header: 'Scenario A', width: 30 },
      { header: 'Scenario B', width: 30 },
      { header: 'Territory gap km² (Σ area × |midpoint share difference|)', width: 22, format: KM2 },
      { header: 'Number of differing issues', width: 12 },
      { header: 'Differing issues', width: 60, wrap: true },
    ],
    comparison.pairwise.map((pair) => {
      const a = ids.indexOf(pair.a);
      const b = ids.indexOf(pair.b);
      const midpoint = (k: number) =>
        `(${blockRange(COLUMN.shareLow, k)}+${blockRange(COLUMN.shareHigh, k)})/2`;
      const gap = `SUMPRODUCT(${blockRange(COLUMN.area, a)},ABS(${midpoint(a)}-${midpoint(b)}))`;
      return [
        text(pair.a),
        text(pair.b),
        formula(gap, pair.territoryGapKm2),
        pair.differingIssues.length,
        text(pair.differingIssues.join(', ')),
      ];
    }),
  );
}
