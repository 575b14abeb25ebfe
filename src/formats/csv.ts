import type { Comparison } from '../domain/comparison.ts';
import type { Timeline } from '../domain/timeline.ts';
import { inertCsvText } from './cell-text.ts';
import { comparisonRows, TIDY_COLUMNS, type TidyRow, timelineRows } from './tidy-rows.ts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

const BOM = '\uFEFF';

/**
 * A field per RFC 4180, neutralised against formula injection wherever a spreadsheet might start a
 * cell in it (see inertCsvText), and quoted when it holds a quote, a line break or a separator.
 */
function field(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = inertCsvText(value);
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Encodes rows as RFC 4180 CSV (CRLF line ends), UTF-8 with a BOM so that Excel detects the encoding. */
export function toCsv(rows: readonly TidyRow[]): string {
  const lines = [TIDY_COLUMNS.join(',')];
  for (const row of rows) lines.push(TIDY_COLUMNS.map((column) => field(row[column])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The comparison as one tidy CSV table. */
export function comparisonToCsv(comparison: Comparison): string {
  return toCsv(comparisonRows(comparison));
}

/** A party's timeline as one tidy CSV table. */
export function timelineToCsv(timeline: Timeline): string {
  return toCsv(timelineRows(timeline));
}
