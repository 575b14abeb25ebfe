// Bundled in place of exceljs's require('events') (see [alias] in wrangler.toml): the runtime's own
// node:events, fetched when exceljs is evaluated (on the first workbook) rather than imported at
// the top of the bundle, where every start-up would load it.
module.exports = process.getBuiltinModule('node:events');
