// Tells @cloudflare/workers-types what the Worker's main module exports, so that
// `exports.default.fetch()` from `cloudflare:workers` is typed in tests.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index.ts');
  }
}
