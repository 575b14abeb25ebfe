// What the browser tests (scripts/e2e.ts, scripts/e2e-what-if.ts) share: the pass/fail log and the
// run around their flows (a local wrangler dev, Debian's Chromium, a scratch folder for downloads,
// screenshots in test-results/), torn down whatever happens, with the exit code CI reads.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { type DevServer, startDevServer } from './dev-server.ts';

/** Where screenshots go (ignored by git). */
export const RESULTS = 'test-results';

let failures = 0;

/** Logs one check as `ok` or `FAIL`, with an optional detail; a failure fails the run. */
export function check(name: string, ok: boolean, detail = ''): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

/** What a suite's flows get: the browser, the dev server's origin and a scratch folder for downloads. */
export interface BrowserRun {
  browser: Browser;
  origin: string;
  downloads: string;
}

/**
 * Starts wrangler dev and Chromium, runs the flows, tears both down and exits: 0 when every check
 * passed, 1 otherwise. An exception in a flow is logged as a failed check, with its stack.
 */
export async function runBrowserSuite(
  name: string,
  flows: (run: BrowserRun) => Promise<void>,
): Promise<never> {
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  const downloads = await mkdtemp(join(tmpdir(), `${name.replaceAll(' ', '-')}-downloads-`));
  try {
    await mkdir(RESULTS, { recursive: true });
    server = await startDevServer({ quiet: true });
    console.log(`wrangler dev at ${server.url}`);
    browser = await launchChromium();
    await flows({ browser, origin: server.url, downloads });
  } catch (error) {
    check(
      'the browser test ran to the end',
      false,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await rm(downloads, { recursive: true, force: true });
  }
  console.log(failures === 0 ? `${name}: all checks passed` : `${name}: ${failures} check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}
