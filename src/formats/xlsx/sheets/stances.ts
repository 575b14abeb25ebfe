import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { quoteKindText } from '../../quote-text.ts';
import { fillTable, text } from '../table.ts';

/** One row per party × scenario: the stance, the quote and what kind of quote it is. */
export function addStancesSheet(sheet: Worksheet, comparison: Comparison): void {
  const ids = comparison.scenarios.map((scenario) => scenario.id);
  fillTable(
    sheet,
    [
      { header: 'Party id', width: 16 },
      { header: 'Party', width: 20 },
      { header: 'Scenario', width: 30 },
      { header: 'Stance', width: 16 },
      { header: 'Quote (words as given; see Quote kind)', width: 70, wrap: true },
      { header: 'Quote kind', width: 16 },
      { header: 'Speaker', width: 26, wrap: true },
      { header: 'Date', width: 12 },
      { header: 'Note', width: 50, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    comparison.stances.flatMap((party) =>
      ids.map((id) => {
        const stance = party.positions[id];
        return [
          text(party.party),
          text(party.name),
          text(id),
          text(stance?.stance),
          text(stance?.quote?.text),
          text(stance?.quote && quoteKindText(stance.quote)),
          text(stance?.speaker),
          text(stance?.date),
          text(stance?.note),
          text(stance?.sources.join(' ')),
        ];
      }),
    ),
  );
}
