// The test-only binding vitest.config.ts adds: the migrations to apply before the tests.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
