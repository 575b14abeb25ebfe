// Tells @cloudflare/workers-types what the Worker's main module exports, so that
// `exports.default.fetch()` from `cloudflare:workers` is typed in tests.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index.ts');
  }
}

// The bindings in wrangler.toml, as `env` from `cloudflare:workers` sees them.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    SAVED_WRITES: RateLimit;
  }
}
