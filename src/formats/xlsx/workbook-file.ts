// Serialises an exceljs Workbook to XLSX bytes. exceljs renders every part's XML, as its own
// `xlsx.writeBuffer()` does; ./zip.ts packs the parts, deflating with the runtime's native zlib
// where exceljs would hand them to its bundled JSZip and pure-JavaScript deflate. That takes most
// of the time out of writing a workbook, and JSZip out of the Worker (see [alias] in wrangler.toml).
import type { Workbook } from 'exceljs';
import { type ZipEntry, zip } from './zip.ts';

/** What exceljs's part writers append to (its ZipWriter's interface, as they use it). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type PartWriter = (sink: PartSink, model: WorkbookModel) => Promise<void>;

/** A style, as exceljs keeps it on a cell, row or column: its parts by name. */
type Style = Record<string, unknown>;

/** The parts of exceljs's workbook model that the writer reads and this file touches. */
interface WorkbookModel {
  modified?: Date;
  worksheets: { cols?: { style?: Style }[]; rows: { style?: Style; cells: { style?: Style }[] }[] }[];
}

/** exceljs 4.4.0's XLSX writer methods (lib/xlsx/xlsx.js), which `write()` calls in this order. */
interface XlsxWriter {
  prepareModel(model: WorkbookModel, options: object): void;
  addContentTypes: PartWriter;
  addOfficeRels: PartWriter;
  addWorkbookRels: PartWriter;
  addWorksheets: PartWriter;
  addSharedStrings: PartWriter;
  addDrawings: PartWriter;
  addTables: PartWriter;
  addThemes: PartWriter;
  addStyles: PartWriter;
  addMedia: PartWriter;
  addApp: PartWriter;
  addCore: PartWriter;
  addWorkbook: PartWriter;
}

/**
 * Gives columns, rows and cells with equal styles one style object, in the workbook's model (what
 * the writer reads; each one's `style` there is the column's, row's or cell's own object). exceljs
 * files a style by rendering its number format, font, fill and the whole style to XML, unless it
 * has seen that very object before; every cell and row has its own object (a cell's merged from its
 * row's and column's), so without this it renders four XML fragments per cell.
 *
 * The parts of those objects (font, fill, alignment, …) are few and shared by reference (a row's
 * or column's font is the same object in each of its cells), so each distinct part object is
 * replaced once by the first part with the same JSON, and styles are looked up in a tree of maps,
 * by each part's name and canonical part in turn. Serialising every cell's whole style instead took
 * about a tenth of the time of writing a workbook.
 */
function shareEqualStyles(model: WorkbookModel): void {
  const canonicalParts = new Map<unknown, unknown>();
  const partsByJson = new Map<string | undefined, unknown>();
  const canonical = (part: unknown): unknown => {
    const known = canonicalParts.get(part);
    if (known !== undefined) return known;
    const json = JSON.stringify(part);
    let same = partsByJson.get(json);
    if (same === undefined) {
      same = part;
      partsByJson.set(json, part);
    }
    canonicalParts.set(part, same);
    return same;
  };
  interface Node {
    next: Map<unknown, Node>;
    style?: Style;
  }
  const root: Node = { next: new Map() };
  const child = (node: Node, key: unknown): Node => {
    let next = node.next.get(key);
    if (!next) {
      next = { next: new Map() };
      node.next.set(key, next);
    }
    return next;
  };
  const share = (style: Style | undefined): Style | undefined => {
    if (!style) return style;
    let node = root;
    for (const name in style) node = child(child(node, name), canonical(style[name]));
    node.style ??= style;
    return node.style;
  };
  for (const sheet of model.worksheets) {
    for (const column of sheet.cols ?? []) column.style = share(column.style);
    for (const row of sheet.rows) {
      row.style = share(row.style);
      for (const cell of row.cells) cell.style = share(cell.style);
    }
  }
}

/** The workbook as an XLSX file: exceljs's `write()` step for step, into ./zip.ts. */
export async function workbookToXlsx(workbook: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const xlsx = workbook.xlsx as unknown as XlsxWriter;
  const model = (workbook as unknown as { model: WorkbookModel }).model;
  shareEqualStyles(model);
  const entries: ZipEntry[] = [];
  const sink: PartSink = {
    append(data, { name, base64 }) {
      if (base64)
        throw new Error(`workbook-file: base64 part ${name} is not supported (no images are written)`);
      entries.push({ name, data });
    },
  };
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(sink, model);
  await xlsx.addOfficeRels(sink, model);
  await xlsx.addWorkbookRels(sink, model);
  await xlsx.addWorksheets(sink, model);
  await xlsx.addSharedStrings(sink, model); // after the worksheets, which fill the shared strings
  await xlsx.addDrawings(sink, model);
  await xlsx.addTables(sink, model);
  await xlsx.addThemes(sink, model);
  await xlsx.addStyles(sink, model);
  await xlsx.addMedia(sink, model);
  await xlsx.addApp(sink, model);
  await xlsx.addCore(sink, model);
  await xlsx.addWorkbook(sink, model);
  return zip(entries, model.modified ?? new Date());
}
