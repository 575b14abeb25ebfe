import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { DIFFERS_FILL, fillTable, text } from '../table.ts';

/** One row per issue × scenario (long form), shaded where the scenarios differ. */
export function addIssuesSheet(sheet: Worksheet, comparison: Comparison): void {
  const ids = comparison.scenarios.map((scenario) => scenario.id);
  fillTable(
    sheet,
    [
      { header: 'Issue id', width: 22 },
      { header: 'Issue', width: 28 },
      { header: 'Scenario', width: 30 },
      { header: 'Scenarios differ', width: 10 },
      { header: 'Position', width: 22 },
      { header: 'Value', width: 12, format: '#,##0.##' },
      { header: 'Unit', width: 10 },
      { header: 'Detail', width: 70, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    comparison.issues.flatMap((issue) =>
      ids.map((id) => {
        const position = issue.positions[id];
        return [
          text(issue.issue),
          text(issue.label),
          text(id),
          issue.differs,
          text(position?.position),
          position?.value?.amount ?? '',
          text(position?.value?.unit),
          text(position?.detail),
          text(position?.sources.join(' ')),
        ];
      }),
    ),
  );
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1 && row.getCell(4).value === true) row.eachCell((cell) => (cell.fill = DIFFERS_FILL));
  });
}
