// Miniflare plumbing: load a bundle on loopback, time requests from outside.
// miniflare 5 takes a new options shape; convertV4MiniflareOptions() accepts the familiar
// { modules, scriptPath, compatibilityDate } form. Persistence is left unset, so the Cache API
// lives in an ephemeral directory that dispose() removes: every run starts with an empty cache.
import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare, NoOpLog } from 'miniflare';

export interface Compatibility {
  date: string;
  flags: string[];
}

/** compatibility_date and compatibility_flags from wrangler.toml. */
export function readCompatibility(wranglerToml: string): Compatibility {
  const text = readFileSync(wranglerToml, 'utf8');
  const date = /^\s*compatibility_date\s*=\s*"([^"]+)"/m.exec(text)?.[1];
  if (!date) throw new Error(`no compatibility_date in ${wranglerToml}`);
  const flags = /^\s*compatibility_flags\s*=\s*(\[[^\]]*\])/m.exec(text)?.[1];
  return { date, flags: flags ? (JSON.parse(flags) as string[]) : [] };
}

/** A silent Miniflare on 127.0.0.1 (random port) running one module Worker. */
export function startWorker(
  source: { scriptDir: string; scriptPath: string } | { script: string },
  compat: Compatibility,
  /** Bindings and other options on top (e.g. the product's D1 database). */
  extra: Record<string, unknown> = {},
): Miniflare {
  const code =
    'script' in source
      ? { modules: true, script: source.script }
      : { modules: true, scriptPath: source.scriptPath, modulesRoot: source.scriptDir };
  return new Miniflare(
    convertV4MiniflareOptions({
      ...code,
      compatibilityDate: compat.date,
      compatibilityFlags: compat.flags,
      host: '127.0.0.1',
      port: 0,
      log: new NoOpLog(),
      // The Worker writes one JSON log line per request; keep them off the bench's output.
      handleStructuredLogs: () => {},
      ...extra,
    }),
  );
}

export interface Timed {
  ms: number;
  status: number;
  xCache: string | null;
  bytes: number;
}

/**
 * Wall time of one dispatchFetch, including reading the whole body. Sends `Accept-Encoding:
 * identity` unless told otherwise: Miniflare's entry worker gzips JSON and HTML for a client that
 * accepts it, as Cloudflare's edge does after the Worker has answered, and that compression (and
 * undici's decompression here) is not the Worker's time.
 */
export async function timedFetch(
  mf: Miniflare,
  url: string,
  headers: Record<string, string> = {},
): Promise<Timed> {
  const start = performance.now();
  const response = await mf.dispatchFetch(url, { headers: { 'Accept-Encoding': 'identity', ...headers } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  return { ms, status: response.status, xCache: response.headers.get('X-Cache'), bytes: body.byteLength };
}

/** A trivial module Worker: the Miniflare/workerd boot floor with no application code. */
export const EMPTY_WORKER = 'export default { fetch() { return new Response("ok"); } };';
