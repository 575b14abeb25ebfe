// Bundled in place of modules that exceljs requires but the Worker never runs (see [alias] in
// wrangler.toml): JSZip (for reading; ../zip.ts writes the archive), saxes (XML parsing,
// for reading), exceljs's CSV module (with fast-csv and dayjs; src/formats/csv.ts writes CSV), fs
// (reading and writing files) and crypto (sheet passwords). Reading a workbook, writing a file,
// protecting a sheet or calling `workbook.csv` in the Worker fails with a TypeError.
// CommonJS, because exceljs's CommonJS source requires it.
module.exports = {};
