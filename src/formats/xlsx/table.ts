// What every sheet is written with: cell values, formats, fills, and the table a sheet is laid out as.
import type { Worksheet } from 'exceljs';
import { inertText } from '../cell-text.ts';

export const KM2 = '#,##0';
export const SHARE = '0.0%';
export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } } as const;
export const DIFFERS_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

export type CellValue =
  | string
  | number
  | boolean
  | { formula: string; result: number }
  | { text: string; hyperlink: string };

/** Text for a cell: neutralised against formula injection. */
export const text = (value: string | undefined): string => inertText(value ?? '');

/** A live formula with its cached result, so readers that do not recalculate see the value. */
export const formula = (expression: string, result: number) => ({ formula: expression, result });

export interface Column {
  header: string;
  width: number;
  format?: string;
  wrap?: boolean;
}

/** Fills a sheet as a table: bold shaded header, frozen, filterable, with column widths and formats. */
export function fillTable(sheet: Worksheet, columns: Column[], rows: CellValue[][]): Worksheet {
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: {
      ...(column.format && { numFmt: column.format }),
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const row of rows) sheet.addRow(row);
  if (rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return sheet;
}
