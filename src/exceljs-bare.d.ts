// exceljs's bare browser build (no polyfills, which workerd does not need) has the package's types.
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
