import { resolve } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { unstable_readConfig } from 'wrangler';

// The Worker's module substitutions ([alias] in wrangler.toml). Vite applies them to the imports it
// resolves (zod's locales), not to the require() calls inside CommonJS packages, which the plugin
// loads itself: in tests exceljs runs with its own modules. The shipped bundle, substitutes and
// all, is checked by check:libreoffice and test:e2e (on wrangler dev); see README, Performance.
const alias: Record<string, string> = unstable_readConfig({ config: './wrangler.toml' }).alias ?? {};

// The D1 schema, read in Node and applied inside workerd by test/setup/apply-migrations.ts.
const migrations = await readD1Migrations(resolve('migrations'));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
    }),
  ],
  resolve: {
    alias: Object.entries(alias).map(([find, path]) => ({ find, replacement: resolve(path) })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup/apply-migrations.ts'],
    silent: 'passed-only',
  },
});
