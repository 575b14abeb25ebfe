import type { Cell, Worksheet } from 'exceljs';
import type { Comparison, ScenarioTotal } from '../../../domain/comparison.ts';
import { isSilence } from '../../../domain/scenario.ts';
import { quoteLine } from '../../quote-text.ts';
import { sheetRef, TERRITORY_COLUMN, type WorkbookLayout } from '../layout.ts';
import { type CellValue, DIFFERS_FILL, formula, HEADER_FILL, KM2, SHARE, text } from '../table.ts';

/** The Summary rows that show a scenario's territory total: label, Territory totals column, value. */
const TOTAL_ROWS: readonly [string, string, string, (total: ScenarioTotal) => number][] = [
  ['km² under Russian control (low)', TERRITORY_COLUMN.russianKm2Low, KM2, (t) => t.russianKm2.low],
  ['km² under Russian control (high)', TERRITORY_COLUMN.russianKm2High, KM2, (t) => t.russianKm2.high],
  ['Change km² (low)', TERRITORY_COLUMN.changeLow, KM2, (t) => t.changeKm2.low],
  ['Change km² (high)', TERRITORY_COLUMN.changeHigh, KM2, (t) => t.changeKm2.high],
  ['Share of Ukraine (low)', TERRITORY_COLUMN.shareLow, SHARE, (t) => t.shareOfUkraine.low],
  ['Share of Ukraine (high)', TERRITORY_COLUMN.shareHigh, SHARE, (t) => t.shareOfUkraine.high],
];

/** The scenarios side by side, a column each: what they are, their territory totals, issues and stances. */
export function addSummarySheet(sheet: Worksheet, comparison: Comparison, layout: WorkbookLayout): void {
  const { scenarios, territory } = comparison;
  const ids = scenarios.map((scenario) => scenario.id);
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.columns = [{ width: 34 }, ...ids.map(() => ({ width: 42 }))];
  const addRow = (
    label: string,
    values: CellValue[],
    options: { format?: string; fill?: boolean; bold?: boolean } = {},
  ) => {
    const row = sheet.addRow([text(label), ...values]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (options.bold) row.font = { bold: true };
    row.eachCell((cell: Cell, column: number) => {
      if (options.format && column > 1) cell.numFmt = options.format;
      if (options.fill) cell.fill = DIFFERS_FILL;
    });
    return row;
  };

  const head = addRow('Scenario', ids.map(text), { bold: true });
  head.eachCell((cell: Cell) => (cell.fill = HEADER_FILL));
  addRow(
    'Title',
    scenarios.map((s) => text(s.title)),
    { bold: true },
  );
  addRow(
    'Proposed by',
    scenarios.map((s) => text(s.proposers.join(', '))),
  );
  addRow(
    'Date',
    scenarios.map((s) => text(s.date)),
  );
  addRow(
    'Venue',
    scenarios.map((s) => text(s.venue)),
  );
  addRow(
    'Status',
    scenarios.map((s) => text(s.status)),
  );
  addRow(
    'Supersedes',
    scenarios.map((s) => text(s.supersedes)),
  );
  addRow(
    'Summary',
    scenarios.map((s) => text(s.summary)),
  );

  addRow(`Territory against the ${comparison.baseline.id} baseline`, [], { bold: true });
  const territoryTotals = sheetRef('Territory');
  for (const [label, column, format, pick] of TOTAL_ROWS) {
    addRow(
      label,
      ids.map((id, k) => {
        const total = territory.totals[id];
        return total
          ? formula(`${territoryTotals}!${column}${layout.territory.totalRow(k)}`, pick(total))
          : '';
      }),
      { format },
    );
  }
  addRow(
    'Regions whose share is only bounded',
    ids.map((id) => text(territory.totals[id]?.unquantified.join(', '))),
  );
  addRow(
    'Regions not addressed (at the baseline share unless bounded)',
    ids.map((id) => text(territory.totals[id]?.notAddressed.join(', '))),
  );
  addRow(
    'Regions not reported (at the baseline share unless bounded)',
    ids.map((id) => text(territory.totals[id]?.notReported.join(', '))),
  );

  addRow('Issues (shaded: the scenarios differ)', [], { bold: true });
  for (const issue of comparison.issues) {
    addRow(
      issue.label,
      ids.map((id) => {
        const position = issue.positions[id];
        if (!position) return '';
        return text(
          isSilence(position.position)
            ? `— (${position.position.replace('-', ' ')})`
            : `${position.position}: ${position.detail}`,
        );
      }),
      { fill: issue.differs },
    );
  }

  addRow('Stances', [], { bold: true });
  for (const party of comparison.stances) {
    addRow(
      party.name,
      ids.map((id) => {
        const stance = party.positions[id];
        if (!stance || stance.stance === 'not-recorded') return '—';
        const attribution = [stance.speaker, stance.date].filter(Boolean).join(', ');
        return text(
          `${stance.stance}${stance.quote ? `: ${quoteLine(stance.quote)}` : ''}${attribution ? ` (${attribution})` : ''}`,
        );
      }),
    );
  }
}
