// Start-up profile of a Worker bundle, taken the way `wrangler check startup` takes it, but in
// this process so that it can be repeated many times cheaply. wrangler 4's own (analyseBundle()
// and summarizeStartupProfile() in wrangler-dist/cli.js):
//   - loads the bundle's modules in Miniflare next to a wrapper module whose fetch handler does
//     `await import(<main module>)`, with the inspector on;
//   - connects to workerd's `/core:user:<worker>` inspector target, sends Profiler.enable and
//     Profiler.start (default sampling interval), dispatches one request, sends Profiler.stop;
//   - reports "Active" as the sum of the profile's time deltas less those of "(idle)" samples.
// This file does the same, with the bundle's index.js as the one user module.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare, NoOpLog } from 'miniflare';
import type { Bundle } from './build.ts';
import type { Compatibility } from './worker.ts';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface StartupProfile {
  /** Sampled time less idle, in ms: wrangler's "Active". */
  activeMs: number;
  /** Of which "(garbage collector)" samples, in ms. */
  gcMs: number;
}

/** wrangler's summarizeStartupProfile(), in ms. */
export function summarize(profile: CpuProfile): StartupProfile {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  const samples = profile.samples ?? [];
  let active = 0;
  let gc = 0;
  for (const [i, delta] of (profile.timeDeltas ?? []).entries()) {
    const name = names.get(samples[i] ?? 0);
    if (name === '(idle)') continue;
    active += delta;
    if (name === '(garbage collector)') gc += delta;
  }
  return { activeMs: active / 1000, gcMs: gc / 1000 };
}

const WORKER_NAME = 'startup-profile';
const WRAPPER = 'startup-profile-wrapper.mjs';

/** Sends inspector commands over one WebSocket and resolves each with its result. */
function inspector(socket: WebSocket) {
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`inspector: ${JSON.stringify(message.error)}`));
    else waiter.resolve(message.result);
  });
  socket.addEventListener('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('inspector connection closed'));
    pending.clear();
  });
  return (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      socket.send(JSON.stringify({ id: nextId, method }));
    });
}

/** One start-up profile of `bundle` (a fresh workerd each time). */
export async function profileStartup(bundle: Bundle, compat: Compatibility): Promise<StartupProfile> {
  const main = basename(bundle.script);
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      name: WORKER_NAME,
      compatibilityDate: compat.date,
      compatibilityFlags: compat.flags,
      modulesRoot: bundle.dir,
      modules: [
        {
          type: 'ESModule',
          path: join(bundle.dir, WRAPPER),
          contents: `async function startup() { await import(${JSON.stringify(`./${main}`)}); }
export default { async fetch() { await startup(); return new Response("ok"); } };`,
        },
        { type: 'ESModule', path: bundle.script, contents: readFileSync(bundle.script, 'utf8') },
      ],
      inspectorPort: 0,
      log: new NoOpLog(),
      handleStructuredLogs: () => {},
    }),
  );
  let socket: WebSocket | undefined;
  try {
    await mf.ready;
    const url = await mf.getInspectorURL();
    socket = new WebSocket(new URL(`/core:user:${WORKER_NAME}`, url.href).href);
    const opened = socket;
    await new Promise<void>((resolve, reject) => {
      opened.addEventListener('open', () => resolve(), { once: true });
      opened.addEventListener('error', () => reject(new Error('inspector connection failed')), {
        once: true,
      });
    });
    const send = inspector(socket);
    await send('Profiler.enable');
    await send('Profiler.start');
    const response = await mf.dispatchFetch('https://example.com');
    const body = await response.text();
    if (!response.ok) throw new Error(`start-up failed: status ${response.status}: ${body.slice(0, 200)}`);
    const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
    return summarize(profile);
  } finally {
    socket?.close();
    await mf.dispose();
  }
}
