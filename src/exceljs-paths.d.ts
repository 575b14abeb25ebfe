// exceljs modules imported by path, not by the package name. Its bare entry (lib/exceljs.bare.js:
// the Workbook and its enums, no polyfills), which wrangler bundles from source; it has the package's types.
declare module 'exceljs/lib/exceljs.bare.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}

// Its XML writer, which test/formats/xml-stream.test.ts compares src/substitutes/xml-stream.cjs with.
declare module 'exceljs/lib/utils/xml-stream.js';
