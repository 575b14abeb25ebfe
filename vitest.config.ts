import { resolve } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { unstable_readConfig } from 'wrangler';

// Two projects. `workerd`: the tests in workerd, on the Worker's source. The Worker's module
// substitutions ([alias] in wrangler.toml) are passed to Vite; they reach zod's locales and the
// bare specifiers exceljs requires (jszip, saxes, readable-stream, uuid, fs, crypto), but not its
// require('events') and require('buffer'), which resolve to workerd's own node:events and
// node:buffer (what those two substitutes return too). exceljs's XML, row and shared-string
// writers are patched in place (src/formats/xlsx/patches/), so they are the same here as in the
// bundle. `bundle`: in Node, builds the bundle that deploys and requests workbooks from it in
// Miniflare, every substitute included.
const alias: Record<string, string> = unstable_readConfig({ config: './wrangler.toml' }).alias ?? {};

// The D1 schema, read in Node and applied inside workerd by test/setup/apply-migrations.ts.
const migrations = await readD1Migrations(resolve('migrations'));

export default defineConfig({
  // At the root: Vite ignores a project's own resolve.alias here; the bundle project opts out below.
  resolve: {
    alias: Object.entries(alias).map(([find, path]) => ({ find, replacement: resolve(path) })),
  },
  test: {
    silent: 'passed-only',
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['test/**/*.test.ts'],
          exclude: ['test/bundle/**'],
          setupFiles: ['./test/setup/apply-migrations.ts'],
          // A file's first request loads and validates the catalogue; on a busy 2-core machine
          // that has taken more than vitest's default 5 s.
          testTimeout: 15_000,
        },
      },
      {
        // Not the root's aliases: this project reads workbooks with the whole exceljs, in Node.
        extends: false,
        test: {
          name: 'bundle',
          include: ['test/bundle/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/bundle/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
