// exceljs modules imported by path, not by the package name. Its bare entry (lib/exceljs.bare.js:
// the Workbook and its enums, no polyfills), which wrangler bundles from source; it has the package's types.
declare module 'exceljs/lib/exceljs.bare.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}

// Its XML writer, as patched (./patches/), which test/formats/xml-stream.test.ts compares with the
// original; the Worker reaches it only through exceljs.
declare module 'exceljs/lib/utils/xml-stream.js' {
  type Attributes = Record<string, { toString(): string } | undefined>;

  class XmlStream {
    static StdDocAttributes: Attributes;
    readonly tos: string | undefined;
    readonly cursor: number;
    leaf: boolean | undefined;
    open: boolean | undefined;
    openXml(docAttributes?: Attributes): void;
    openNode(name: string, attributes?: Attributes): void;
    addAttribute(name: string, value: { toString(): string } | undefined): void;
    addAttributes(attributes?: Attributes): void;
    writeText(text: { toString(): string }): void;
    writeXml(xml: string): void;
    closeNode(): void;
    leafNode(name: string, attributes?: Attributes, text?: { toString(): string }): void;
    closeAll(): void;
    addRollback(): number;
    commit(): void;
    rollback(): void;
    readonly xml: string;
  }

  export = XmlStream;
}

// Its row and shared-string writers, as patched (./patches/): render() writes the common cases as
// one string, renderEach() is exceljs's original; test/formats/xform-fast-paths.test.ts compares them.
declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  import type XmlStream from 'exceljs/lib/utils/xml-stream.js';

  class RowXform {
    render(xmlStream: XmlStream, model: object, options?: unknown): void;
    renderEach(xmlStream: XmlStream, model: object, options?: unknown): void;
  }

  export = RowXform;
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  import type XmlStream from 'exceljs/lib/utils/xml-stream.js';

  class SharedStringsXform {
    render(xmlStream: XmlStream, model: { values: unknown[]; count: number }): void;
    renderEach(xmlStream: XmlStream, model: { values: unknown[]; count: number }): void;
  }

  export = SharedStringsXform;
}
