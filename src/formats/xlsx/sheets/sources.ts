import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../../domain/comparison.ts';
import { fillTable, text } from '../table.ts';

/** Every cited source once, its URL a link (http and https only). */
export function addSourcesSheet(sheet: Worksheet, comparison: Comparison): void {
  fillTable(
    sheet,
    [
      { header: 'Source id', width: 34 },
      { header: 'Publisher', width: 24, wrap: true },
      { header: 'Title', width: 50, wrap: true },
      { header: 'Date', width: 12 },
      { header: 'Kind', width: 13 },
      { header: 'Read via', width: 30, wrap: true },
      { header: 'Sourcing note', width: 40, wrap: true },
      { header: 'Confidence', width: 12 },
      { header: 'URL', width: 50 },
    ],
    comparison.sources.map((source) => [
      text(source.id),
      text(source.publisher),
      text(source.title),
      text(source.date),
      text(source.kind),
      text(source.via),
      text(source.note),
      text(source.confidence),
      source.url && /^https?:\/\//.test(source.url) ? { text: source.url, hyperlink: source.url } : '',
    ]),
  );
  sheet.getColumn(9).font = { color: { argb: 'FF0B5CAD' }, underline: true };
}
