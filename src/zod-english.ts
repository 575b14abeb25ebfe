// Bundled in place of zod's locales index (see [alias] in wrangler.toml): the API speaks English,
// and the other locales' messages would add ~20 KiB to the gzipped Worker.
export { default as en } from 'zod/v4/locales/en.js';
