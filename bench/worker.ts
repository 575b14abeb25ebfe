// Miniflare plumbing: load a bundle on loopback, time requests from outside.
// miniflare 5 takes a new options shape; convertV4MiniflareOptions() accepts the familiar
// { modules, scriptPath, compatibilityDate } form. Persistence is left unset, so the Cache API
// lives in an ephemeral directory that dispose() removes: every run starts with an empty cache.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The process ids of the running workerd processes (Linux: /proc/<pid>/comm), or undefined where
 * there is no /proc. A Miniflare instance runs its Workers in one workerd process; the id that
 * appears when one starts is its process.
 */
export function workerdPids(): Set<number> | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'workerd') pids.add(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/**
 * CPU time, in ns, that a workerd process's main thread (the one that runs the isolates) has had
 * so far: the first field of /proc/<pid>/task/<pid>/schedstat. Threads V8 runs beside it (garbage
 * collection, compilation) are not counted.
 */
export function mainThreadCpuNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
}
