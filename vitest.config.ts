import { resolve } from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { unstable_readConfig } from 'wrangler';

// The Worker's module substitutions ([alias] in wrangler.toml), so tests run the modules it ships.
const alias: Record<string, string> = unstable_readConfig({ config: './wrangler.toml' }).alias ?? {};

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  resolve: {
    alias: Object.entries(alias).map(([find, path]) => ({ find, replacement: resolve(path) })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    silent: 'passed-only',
  },
});
