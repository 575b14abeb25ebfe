// Builds the Worker as it deploys (`wrangler deploy --dry-run`, as Cloudflare's templates do in
// their tests): exceljs from its source with the substitutes of wrangler.toml's [alias] and the
// patched writers. test/bundle/workbook.test.ts runs that bundle in Miniflare.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding the built Worker's index.js. */
    bundleDir: string;
  }
}

export default function buildBundle(project: TestProject): () => void {
  const outDir = mkdtempSync(join(tmpdir(), 'negotiation-bundle-'));
  const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outDir], {
    encoding: 'utf8',
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      NO_COLOR: '1',
    },
  });
  if (result.status !== 0)
    throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  project.provide('bundleDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
