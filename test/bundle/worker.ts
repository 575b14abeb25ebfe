// The built bundle (./global-setup.ts) in Miniflare, with wrangler.toml's compatibility settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertV4MiniflareOptions, Miniflare, NoOpLog } from 'miniflare';
import { readCompatibility } from '../../bench/worker.ts';

const compatibility = readCompatibility(fileURLToPath(new URL('../../wrangler.toml', import.meta.url)));

/**
 * The bundle in `dir` as a Miniflare Worker. With `entry`, that source is the Worker's main module
 * and the bundle's index.js a second module it can import (`./index.js`).
 */
export function bundleWorker(dir: string, entry?: string): Miniflare {
  const main = join(dir, 'index.js');
  const code = entry
    ? {
        modulesRoot: dir,
        modules: [
          { type: 'ESModule' as const, path: join(dir, 'entry.mjs'), contents: entry },
          { type: 'ESModule' as const, path: main, contents: readFileSync(main, 'utf8') },
        ],
      }
    : { modules: true, scriptPath: main, modulesRoot: dir };
  return new Miniflare(
    convertV4MiniflareOptions({
      ...code,
      compatibilityDate: compatibility.date,
      compatibilityFlags: compatibility.flags,
      log: new NoOpLog(),
      handleStructuredLogs: () => {},
    }),
  );
}
