// Bundled in place of readable-stream, exceljs's copy of Node's stream module (see [alias] in
// wrangler.toml): the runtime's own node:stream, fetched when exceljs is evaluated (on the first
// workbook) rather than imported at the top of the bundle, where every start-up would load it.
module.exports = process.getBuiltinModule('node:stream');
