// Serialises an exceljs Workbook to XLSX bytes. exceljs renders every part's XML, as its own
// `xlsx.writeBuffer()` does; ./zip.ts packs the parts, deflating with the runtime's native zlib
// where exceljs would hand them to its bundled JSZip and pure-JavaScript deflate. That takes most
// of the time out of writing a workbook, and JSZip out of the Worker (see [alias] in wrangler.toml).
import type { Cell, Workbook } from 'exceljs';
import { type ZipEntry, zip } from './zip.ts';

/** What exceljs's part writers append to (its ZipWriter's interface, as they use it). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type PartWriter = (sink: PartSink, model: WorkbookModel) => Promise<void>;

interface WorkbookModel {
  modified?: Date;
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

type StyleHolder = { style: Cell['style'] };

/**
 * Gives cells (and rows) with equal styles one style object. exceljs files a cell's style by
 * rendering its number format, font, fill and the whole style to XML, unless it has seen that very
 * object before; every cell and row gets its own object (a cell's merged from its row's and
 * column's), so without this it renders four XML fragments per cell, the largest single cost of
 * writing a workbook. Run just before writing: a shared object must not be edited through one of
 * its cells.
 */
function shareEqualStyles(workbook: Workbook): void {
  const shared = new Map<string, Cell['style']>();
  const share = (holder: StyleHolder) => {
    const key = JSON.stringify(holder.style);
    const style = shared.get(key);
    if (style) holder.style = style;
    else shared.set(key, holder.style);
  };
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      share(row as unknown as StyleHolder); // a Row has a style at run time; its type omits it
      row.eachCell(share);
    });
  }
}

/** The workbook as an XLSX file: exceljs's `write()` step for step, into ./zip.ts. */
export async function workbookToXlsx(workbook: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  shareEqualStyles(workbook);
  const xlsx = workbook.xlsx as unknown as XlsxWriter;
  const model = (workbook as unknown as { model: WorkbookModel }).model;
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
