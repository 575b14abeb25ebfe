// Bundled in place of uuid (see [alias] in wrangler.toml): exceljs needs only v4, for conditional
// formatting ids, and the runtime's crypto.randomUUID() is one.
module.exports = { v4: () => crypto.randomUUID() };
