import type { Worksheet } from 'exceljs';
import type { Timeline } from '../../../domain/timeline.ts';
import { describeChange } from '../../change-text.ts';
import { fillTable, KM2, text } from '../table.ts';

/** One row per typed change between a party's consecutive positions, the km² delta as numbers. */
export function addChangesSheet(sheet: Worksheet, timeline: Timeline): void {
  fillTable(
    sheet,
    [
      { header: 'From', width: 30 },
      { header: 'To', width: 30 },
      { header: 'To date', width: 12 },
      { header: 'Subject', width: 9 },
      { header: 'Key', width: 20 },
      { header: 'Label', width: 28 },
      { header: 'Kind', width: 10 },
      { header: 'Change', width: 70, wrap: true },
      { header: 'km² under Russian control, change (low)', width: 14, format: KM2 },
      { header: 'km² under Russian control, change (high)', width: 14, format: KM2 },
      { header: 'Direction', width: 24 },
      { header: 'Sources', width: 40, wrap: true },
    ],
    timeline.steps.flatMap((step) =>
      step.changes.map((change) => [
        text(step.from),
        text(step.to),
        text(step.toDate),
        change.subject,
        text(change.subject === 'region' ? change.region : change.issue),
        text(change.label),
        change.kind,
        text(describeChange(change)),
        'russianKm2Delta' in change ? change.russianKm2Delta.low : '',
        'russianKm2Delta' in change ? change.russianKm2Delta.high : '',
        'direction' in change ? change.direction : '',
        text(change.sources.join(' ')),
      ]),
    ),
  );
}
