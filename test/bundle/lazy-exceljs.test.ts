// Issue 16 §8: exceljs is never evaluated before the first workbook request. The bench shows it as
// a ratio of start-up times, which this machine's noise moves by several points; this shows it
// directly, on the bundle that deploys. Evaluating exceljs runs its substitutes for
// require('readable-stream'), require('events') and require('buffer') (src/formats/xlsx/
// substitutes/), and those are the bundle's only fetches of node:stream, node:events and
// node:buffer. A main module in front of the bundle records every process.getBuiltinModule() call:
// none of the three may come before the first workbook, and all three must come with it (else the
// check has lost its signal). An eager build (bench/build.ts) fetches them at start-up.
import type { Miniflare, RequestInit } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleWorker } from './worker.ts';

const EXCELJS_BUILTINS = ['node:buffer', 'node:events', 'node:stream'];
const FETCHED = '/__fetched-builtins';

// Loads the bundle on the first request (as workerd does at start-up) and answers FETCHED itself.
const entry = `
const fetched = [];
const getBuiltinModule = process.getBuiltinModule;
process.getBuiltinModule = function (id) {
  fetched.push(id);
  return getBuiltinModule.apply(this, arguments);
};
let worker;
export default {
  async fetch(request, env, ctx) {
    worker ??= (await import('./index.js')).default;
    if (new URL(request.url).pathname === ${JSON.stringify(FETCHED)}) return Response.json(fetched);
    return worker.fetch(request, env, ctx);
  },
};`;

const seeds = 'scenarios=anchorage-2025-08,donetsk-swap-2025-10';

let worker: Miniflare;

async function status(path: string, init?: RequestInit): Promise<number> {
  const response = await worker.dispatchFetch(`http://localhost${path}`, init);
  await response.arrayBuffer();
  return response.status;
}

async function fetchedBuiltins(): Promise<string[]> {
  return (await (await worker.dispatchFetch(`http://localhost${FETCHED}`)).json()) as string[];
}

describe('the deployed bundle’s start-up', () => {
  beforeAll(() => {
    worker = bundleWorker(inject('bundleDir'), entry);
  });

  afterAll(() => worker?.dispose());

  it('evaluates exceljs on the first workbook request, not at start-up or for any other answer', async () => {
    const others: [string, RequestInit?][] = [
      ['/health'],
      ['/v1/scenarios'],
      ['/v1/scenarios/anchorage-2025-08'],
      [`/v1/compare?${seeds}`],
      [`/v1/compare?${seeds}&format=csv`],
      [
        '/v1/compare',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ scenarios: ['anchorage-2025-08'] }),
        },
      ],
      ['/v1/parties/russia/timeline'],
      ['/v1/parties/russia/timeline?format=csv'],
      ['/openapi.json'],
      ['/docs'],
      ['/'],
      [`/compare?${seeds}`],
      ['/what-if/new'],
    ];
    for (const [path, init] of others) expect([path, await status(path, init)]).toEqual([path, 200]);
    expect(await status('/no-such-page')).toBe(404);
    expect((await fetchedBuiltins()).filter((id) => EXCELJS_BUILTINS.includes(id))).toEqual([]);

    expect(await status(`/v1/compare?${seeds}&format=xlsx`)).toBe(200);
    expect((await fetchedBuiltins()).filter((id) => EXCELJS_BUILTINS.includes(id)).sort()).toEqual(
      EXCELJS_BUILTINS,
    );
  });
});
