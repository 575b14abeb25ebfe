// Benchmark: builds the Worker with `wrangler deploy --dry-run`, loads it in Miniflare on
// loopback, and measures side by side, interleaved, in one run: compareScenarios() in Node, GET
// /v1/compare as JSON, CSV and XLSX (uncached and cached), XLSX scaling with the scenario count,
// start-up CPU profiles (as `wrangler check startup` takes them) and cold boots with exceljs lazy
// and eager, and the bundle size. Prints one table, writes it to bench/RESULTS.md with the machine
// and versions, and exits 1 when a budget is missed.
// Run: npm run bench [-- --rounds 240 --heavy-every 3 --warmup 20 --boots 10 --startup-runs 31
//   --check-startup-runs 5]
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Miniflare } from 'miniflare';
import {
  type Bundle,
  buildEager,
  buildProduct,
  buildStartupFloors,
  buildWithExtraScenarios,
  exceljsSpecifier,
  wrangler,
} from './build.ts';
import { comparisonIds, makeVariants, readDataFiles, SEED_IDS } from './data.ts';
import { loadDomain } from './domain.ts';
import {
  fmtKiB,
  fmtMs,
  fmtPercent,
  fmtRatio,
  fmtUs,
  machineLine,
  type Row,
  renderTable,
  versionsLine,
} from './report.ts';
import { applyMigrations, createSaved, SAVED_BINDINGS, timeCreate, timeUpdate } from './saved.ts';
import { profileStartup } from './startup.ts';
import { linearFit, median, percentile, prng, ratioOfMediansInterval, shuffled } from './stats.ts';
import {
  type Compatibility,
  EMPTY_WORKER,
  mainThreadCpuNs,
  readCompatibility,
  startWorker,
  timedFetch,
  workerdPids,
} from './worker.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '240' },
    'heavy-every': { type: 'string', default: '3' },
    warmup: { type: 'string', default: '20' },
    boots: { type: 'string', default: '10' },
    'startup-runs': { type: 'string', default: '31' },
    'check-startup-runs': { type: 'string', default: '5' },
  },
});
const ROUNDS = Number(args.rounds);
const HEAVY_EVERY = Number(args['heavy-every']);
const WARMUP = Number(args.warmup);
const BOOTS = Number(args.boots);
const STARTUP_RUNS = Number(args['startup-runs']);
const CHECK_STARTUP_RUNS = Number(args['check-startup-runs']);

const BUDGET = {
  jsonVsHealth: 1.5,
  xlsxHandlerMs: 8,
  cachedVsHealth: 1.5,
  linearR2: 0.9,
  // Budget 4, start-up (issue 16 restated issue 5's, which asked for lazy ≤ 40 % of eager and also
  // for the catalogue to be validated at module load, which alone takes most of that): exceljs is
  // never evaluated before the first workbook request, so lazy ≤ 75 % of eager; and the rest of
  // start-up stays near the catalogue-only floor. Ratios from one run, because this machine class
  // varies about twofold between runs.
  lazyOverEager: 0.75,
  lazyOverCatalogue: 1.5,
  // Saved what-ifs (issue 17): a read of a shared link ≤ 2 × /health; a comparison with one saved
  // scenario ≤ 1.5 × the same comparison with catalogue scenarios only.
  savedReadVsHealth: 2,
  savedCompareVsCatalogue: 1.5,
  gzipKiB: 350,
};
const SCALING_NS = [1, 3, 10, 20] as const;
// The CPU cross-check of the XLSX handler (Linux): blocks of uncached workbooks and of /health.
const CPU_BLOCKS = 15;
const CPU_BLOCK_REQUESTS = 10;
const PREBUILT_EXCELJS = 'exceljs/dist/exceljs.bare.min.js';
const BENCH_SCENARIOS = 20;

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface Case {
  key: string;
  label: string;
  unit: 'ms' | 'µs';
  /** Measured only every HEAVY_EVERY-th round (warmed up every round). */
  heavy: boolean;
  /** The /health case whose median is this case's floor. */
  floor?: string;
  sample: () => Promise<number>;
  samples: number[];
}

const live = new Set<Miniflare>();
const tmp = mkdtempSync(join(tmpdir(), 'negotiation-bench-'));

async function cleanup(): Promise<void> {
  await Promise.allSettled([...live].map((mf) => mf.dispose()));
  live.clear();
  rmSync(tmp, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});

function start(
  source: Parameters<typeof startWorker>[0],
  compat: Compatibility,
  extra: Record<string, unknown> = {},
): Miniflare {
  const mf = startWorker(source, compat, extra);
  live.add(mf);
  return mf;
}
async function stop(mf: Miniflare): Promise<void> {
  live.delete(mf);
  await mf.dispose();
}
const fromBundle = (bundle: Bundle) => ({ scriptDir: bundle.dir, scriptPath: bundle.script });

/** `wrangler check startup` on a prebuilt upload bundle: the profiled "Active" CPU ms, or why not. */
function checkStartup(bundle: Bundle, index: number): number | string {
  try {
    const output = wrangler(
      [
        'check',
        'startup',
        '--worker',
        bundle.uploadFile,
        '--outfile',
        join(tmp, `startup-${index}.cpuprofile`),
      ],
      root,
      120_000,
    );
    const active = /Active:\s*([\d.]+)\s*ms/.exec(output)?.[1];
    return active ? Number(active) : 'no "Active" figure in its output';
  } catch (error) {
    return `failed: ${String(error).split('\n')[0]}`;
  }
}

async function main(): Promise<number> {
  const compat = readCompatibility(join(root, 'wrangler.toml'));

  // --- Data, checked in Node -------------------------------------------------------------
  const productFiles = readDataFiles(join(root, 'scenarios'));
  const domain = await loadDomain();
  const productCatalog = domain.catalog.loadCatalog(productFiles);
  const productIds = productCatalog.scenarios.map((s) => s.id);
  const extraCount = Math.max(12, BENCH_SCENARIOS - productIds.length);
  const variants = makeVariants(productFiles, extraCount);
  const benchCatalog = domain.catalog.loadCatalog({ ...productFiles, ...variants });
  const variantIds = Object.keys(variants).map((file) => file.replace(/\.json$/, ''));
  for (const id of variantIds) {
    const scenario = benchCatalog.scenariosById.get(id);
    if (!scenario) throw new Error(`variant ${id} missing from the bench catalogue`);
    for (const baseline of benchCatalog.baselines) {
      const problems = domain.integrity.checkSharesAgainstBaseline(scenario, baseline);
      if (problems.length > 0) throw new Error(`variant ${id}: ${JSON.stringify(problems)}`);
    }
  }
  const benchIds = (n: number) => comparisonIds([...productIds, ...variantIds], n);

  // --- Bundles -----------------------------------------------------------------------------
  log(`building bundles with wrangler deploy --dry-run into ${tmp}`);
  const product = buildProduct(root, tmp);
  const specifier = exceljsSpecifier(root);
  const eager = buildEager(root, tmp, specifier);
  // For reference only: the prebuilt bundle the Worker imported before it bundled exceljs from source.
  const prebuilt = buildEager(root, tmp, PREBUILT_EXCELJS, 'prebuilt');
  const catalogue = buildWithExtraScenarios(root, tmp, variants);
  // For reference only: partial Workers showing what start-up cannot go below.
  const floors = buildStartupFloors(root, tmp);
  const rawBytes = statSync(product.script).size;
  const gzipBytes = gzipSync(readFileSync(product.script), { level: 9 }).length;
  const eagerBytes = statSync(eager.script).size;

  // --- Start-up profiles: the Worker's own start-up CPU (budget 4) ---------------------------
  // bench/startup.ts profiles start-up as `wrangler check startup` does, in this process, so that
  // each bundle gets enough runs for a steady median (one run varies by ±10 ms here); the CLI
  // itself runs a few times on the product and the eager bundle as a cross-check.
  log(`start-up profiles, ${STARTUP_RUNS} per bundle, interleaved in a shuffled order per round`);
  const profiled = {
    lazy: { bundle: product, active: [] as number[], gc: [] as number[] },
    eager: { bundle: eager, active: [] as number[], gc: [] as number[] },
    prebuilt: { bundle: prebuilt, active: [] as number[], gc: [] as number[] },
    zod: { bundle: floors.zod, active: [] as number[], gc: [] as number[] },
    catalogue: { bundle: floors.catalogue, active: [] as number[], gc: [] as number[] },
  };
  const startupOrder = prng(20_261_127);
  for (let i = 0; i < STARTUP_RUNS; i++) {
    for (const entry of shuffled(Object.values(profiled), startupOrder)) {
      const { activeMs, gcMs } = await profileStartup(entry.bundle, compat);
      entry.active.push(activeMs);
      entry.gc.push(gcMs);
    }
  }
  log(`wrangler check startup, ${CHECK_STARTUP_RUNS} runs each of the product and the eager bundle`);
  const checkLazy: number[] = [];
  const checkEager: number[] = [];
  let checkProblem: string | undefined;
  for (let i = 0; i < CHECK_STARTUP_RUNS; i++) {
    for (const [bundle, into] of [
      [product, checkLazy],
      [eager, checkEager],
    ] as const) {
      const result = checkStartup(bundle, i);
      if (typeof result === 'number') into.push(result);
      else checkProblem ??= result;
    }
  }

  // --- Cold boot ---------------------------------------------------------------------------
  log(`cold boots: ${BOOTS} (+1 discarded) each of lazy, eager and an empty Worker, interleaved`);
  const random = prng(20_260_101);
  const boots = [
    { key: 'lazy', source: fromBundle(product), path: '/health', samples: [] as number[] },
    { key: 'eager', source: fromBundle(eager), path: '/health', samples: [] as number[] },
    { key: 'empty', source: { script: EMPTY_WORKER }, path: '/', samples: [] as number[] },
  ];
  for (let i = 0; i <= BOOTS; i++) {
    for (const boot of shuffled(boots, random)) {
      const begin = performance.now();
      const mf = start(boot.source, compat);
      try {
        const first = await timedFetch(mf, `http://localhost${boot.path}`);
        const ms = performance.now() - begin;
        if (first.status !== 200) throw new Error(`cold boot ${boot.key}: status ${first.status}`);
        if (i > 0) boot.samples.push(ms);
      } finally {
        await stop(mf);
      }
    }
  }
  const bootMedian = (key: string) => median(boots.find((b) => b.key === key)?.samples ?? []);

  // --- Requests ----------------------------------------------------------------------------
  const pidsBefore = workerdPids();
  const productMf = start(fromBundle(product), compat, SAVED_BINDINGS);
  await applyMigrations(productMf, root);
  // The product's workerd process, for the CPU cross-check (Linux only): the one that appeared.
  const productPid = pidsBefore && [...(workerdPids() ?? [])].find((pid) => !pidsBefore.has(pid));
  const benchMf = start(fromBundle(catalogue), compat);

  const health = async (mf: Miniflare) => {
    const response = await mf.dispatchFetch('http://localhost/health');
    return (await response.json()) as { datasetVersion: string; scenarios: number };
  };
  const productHealth = await health(productMf);
  const benchHealth = await health(benchMf);
  if (benchHealth.scenarios !== productIds.length + extraCount) {
    throw new Error(
      `bench catalogue has ${benchHealth.scenarios} scenarios, expected ${productIds.length + extraCount}`,
    );
  }
  const versionMatches = productHealth.datasetVersion === productCatalog.version;

  const comparePath = (ids: readonly string[], format: string) =>
    `/v1/compare?scenarios=${ids.join(',')}&format=${format}`;
  const seeds = [...SEED_IDS];

  // The cache check: the first XLSX is built (MISS) and its repeat comes from this isolate's memory
  // (MEMO). The Cache API layer behind it (HIT) is proven by test/routes/caching.test.ts.
  const cachedPath = comparePath(seeds, 'xlsx');
  const firstXlsx = await timedFetch(productMf, `http://localhost${cachedPath}`);
  const repeatXlsx = await timedFetch(productMf, `http://localhost${cachedPath}`);
  if (firstXlsx.xCache !== 'MISS' || repeatXlsx.xCache !== 'MEMO') {
    throw new Error(`cache check: X-Cache ${firstXlsx.xCache} then ${repeatXlsx.xCache}, not MISS then MEMO`);
  }
  await timedFetch(productMf, `http://localhost${comparePath(seeds, 'json')}`); // primes the JSON repeat

  // Saved what-ifs: one to read and compare, one to revise; the catalogue-only comparison they are
  // held against swaps the saved scenario for a fourth catalogue scenario.
  const readable = await createSaved(productMf, 'Bench what-if to read');
  const revised = await createSaved(productMf, 'Bench what-if to revise');
  const fourth = productIds.find((id) => !seeds.includes(id as (typeof seeds)[number]));
  if (!fourth) throw new Error('the catalogue has no fourth scenario');
  const seedsPlusCatalogue = comparePath([...seeds, fourth], 'json');
  const seedsPlusSaved = comparePath([...seeds, `saved:${readable.id}`], 'json');
  for (const path of [seedsPlusCatalogue, seedsPlusSaved])
    await timedFetch(productMf, `http://localhost${path}`);

  let misses = 0;
  const http = (
    key: string,
    label: string,
    mf: Miniflare,
    path: string,
    options: {
      floor?: string;
      heavy?: boolean;
      cache?: 'HIT' | 'MISS' | 'MEMO';
      /** An uncached request lets the Worker store what it built (no-cache without no-store). */
      stored?: boolean;
      /** Accept gzip, so that Miniflare's entry worker compresses the response as the edge would. */
      gzip?: boolean;
    } = {},
  ): Case => ({
    key,
    label,
    unit: 'ms',
    heavy: options.heavy ?? false,
    floor: options.floor,
    samples: [],
    sample: async () => {
      // An uncached request sends Cache-Control: no-cache, which makes the Worker skip its memory
      // and the edge cache and rebuild (asserted below: X-Cache MISS), and no-store, so that it
      // keeps nothing, unless `stored`; a unique host per request keeps edge-cache keys distinct.
      const origin = options.cache === 'MISS' ? `http://miss-${++misses}.localhost` : 'http://localhost';
      const headers: Record<string, string> = options.gzip ? { 'Accept-Encoding': 'gzip' } : {};
      if (options.cache === 'MISS')
        headers['Cache-Control'] = options.stored ? 'no-cache' : 'no-cache, no-store';
      const result = await timedFetch(mf, `${origin}${path}`, headers);
      if (result.status !== 200) throw new Error(`${label}: status ${result.status}`);
      if (options.cache && result.xCache !== options.cache) {
        throw new Error(`${label}: X-Cache ${result.xCache}, expected ${options.cache}`);
      }
      return result.ms;
    },
  });

  let sink = 0;
  const inNode = (
    key: string,
    label: string,
    catalog: typeof productCatalog,
    ids: readonly string[],
  ): Case => {
    const scenarios = ids.map((id) => {
      const scenario = catalog.scenariosById.get(id);
      if (!scenario) throw new Error(`unknown scenario ${id}`);
      return scenario;
    });
    return {
      key,
      label,
      unit: 'µs',
      heavy: false,
      floor: 'health',
      samples: [],
      sample: async () => {
        const begin = performance.now();
        const comparison = domain.compare.compareScenarios(
          scenarios,
          catalog.latestBaseline,
          catalog.comparisonReference,
        );
        const us = (performance.now() - begin) * 1000;
        sink += comparison.pairwise.length;
        return us;
      },
    };
  };

  const B = '[bench catalogue]';
  const cases: Case[] = [
    http('health', 'GET /health (routing floor)', productMf, '/health'),
    inNode('node3', 'compareScenarios(), 3 seeds, in Node', productCatalog, seeds),
    inNode('node20', `${B} compareScenarios(), 20 scenarios, in Node`, benchCatalog, benchIds(20)),
    http(
      'json3',
      'GET /v1/compare JSON, 3 seeds (repeat: X-Cache MEMO)',
      productMf,
      comparePath(seeds, 'json'),
      {
        floor: 'health',
        cache: 'MEMO',
      },
    ),
    http(
      'json3miss',
      'GET /v1/compare JSON, 3 seeds, uncached (no-cache, no-store)',
      productMf,
      comparePath(seeds, 'json'),
      {
        floor: 'health',
        cache: 'MISS',
      },
    ),
    http(
      'json3gz',
      'For reference: the JSON repeat with Accept-Encoding: gzip (compressed by Miniflare’s entry worker, as by Cloudflare’s edge, outside the Worker)',
      productMf,
      comparePath(seeds, 'json'),
      { floor: 'health', cache: 'MEMO', gzip: true },
    ),
    http('csv3', 'GET /v1/compare CSV, 3 seeds', productMf, comparePath(seeds, 'csv'), { floor: 'health' }),
    http(
      'xlsx3',
      'GET /v1/compare XLSX, 3 seeds, uncached (no-cache, no-store)',
      productMf,
      comparePath(seeds, 'xlsx'),
      { floor: 'health', heavy: true, cache: 'MISS' },
    ),
    http(
      'xlsx3stored',
      'For reference: XLSX, 3 seeds, uncached and stored (no-cache: adds the memory copy and Miniflare’s emulated cache.put)',
      productMf,
      comparePath(seeds, 'xlsx'),
      { floor: 'health', heavy: true, cache: 'MISS', stored: true },
    ),
    http('xlsx3hit', 'GET /v1/compare XLSX, 3 seeds, cached repeat (X-Cache: MEMO)', productMf, cachedPath, {
      floor: 'health',
      cache: 'MEMO',
    }),
    {
      key: 'savedCreate',
      label: 'POST /v1/saved-scenarios (create: validate, hash the token, one D1 batch)',
      unit: 'ms',
      heavy: false,
      floor: 'health',
      samples: [],
      sample: () => timeCreate(productMf),
    },
    http(
      'savedRead',
      'GET /v1/saved-scenarios/{id}: a shared link read again and again (from this isolate’s reads of the last 2 s, else one D1 query)',
      productMf,
      `/v1/saved-scenarios/${readable.id}`,
      {
        floor: 'health',
      },
    ),
    http(
      'savedReadFresh',
      'For reference: the same read with Cache-Control: no-cache (always a D1 query in Miniflare’s local D1)',
      productMf,
      `/v1/saved-scenarios/${readable.id}`,
      { floor: 'health', cache: 'MISS' },
    ),
    {
      key: 'savedUpdate',
      label: 'PUT /v1/saved-scenarios/{id} (update with If-Match: read, validate, one conditional D1 batch)',
      unit: 'ms',
      heavy: false,
      floor: 'health',
      samples: [],
      sample: () => timeUpdate(productMf, revised, 100),
    },
    http(
      'json4cat',
      `GET /v1/compare JSON, 3 seeds + ${fourth} (repeat: X-Cache MEMO)`,
      productMf,
      seedsPlusCatalogue,
      {
        floor: 'health',
        cache: 'MEMO',
      },
    ),
    http(
      'json4saved',
      'GET /v1/compare JSON, 3 seeds + 1 saved scenario (D1 read, then X-Cache MEMO)',
      productMf,
      seedsPlusSaved,
      {
        floor: 'health',
        cache: 'MEMO',
      },
    ),
    http('bhealth', `${B} GET /health (its routing floor)`, benchMf, '/health'),
    http('bjson20', `${B} GET /v1/compare JSON, 20 scenarios`, benchMf, comparePath(benchIds(20), 'json'), {
      floor: 'bhealth',
    }),
    http('bcsv20', `${B} GET /v1/compare CSV, 20 scenarios`, benchMf, comparePath(benchIds(20), 'csv'), {
      floor: 'bhealth',
    }),
    ...SCALING_NS.map((n) =>
      http(
        `bxlsx${n}`,
        `${B} GET /v1/compare XLSX, ${n} scenario${n === 1 ? '' : 's'}, uncached`,
        benchMf,
        comparePath(benchIds(n), 'xlsx'),
        { floor: 'bhealth', heavy: true, cache: 'MISS' },
      ),
    ),
  ];

  const heavyRounds = Math.ceil(ROUNDS / HEAVY_EVERY);
  log(
    `requests: ${WARMUP} warm-up rounds, then ${ROUNDS} measured rounds over ${cases.length} cases in a shuffled order per round (uncached XLSX in 1 round of ${HEAVY_EVERY}: ${heavyRounds} samples)`,
  );
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const measuring = round >= WARMUP;
    const due = cases.filter((c) => !(measuring && c.heavy) || (round - WARMUP) % HEAVY_EVERY === 0);
    for (const c of shuffled(due, random)) {
      const value = await c.sample();
      if (measuring) c.samples.push(value);
    }
    if (measuring && (round - WARMUP + 1) % 60 === 0) log(`  ${round - WARMUP + 1}/${ROUNDS} rounds`);
  }
  // Cross-check of the XLSX handler figure, as CPU time rather than wall time: the product
  // workerd's main thread, read before and after blocks of uncached 3-seed workbooks and of
  // /health, interleaved; per request, each block's mean; the figure is the difference of medians.
  const cpu = { xlsx: [] as number[], health: [] as number[] };
  if (productPid !== undefined) {
    let cpuMisses = 0;
    for (let block = 0; block < CPU_BLOCKS + 2; block++) {
      const before = mainThreadCpuNs(productPid);
      for (let i = 0; i < CPU_BLOCK_REQUESTS; i++) {
        const result = await timedFetch(
          productMf,
          `http://cpu-${++cpuMisses}.localhost${comparePath(seeds, 'xlsx')}`,
          {
            'Cache-Control': 'no-cache, no-store',
          },
        );
        if (result.status !== 200 || result.xCache !== 'MISS')
          throw new Error(`CPU cross-check: ${result.status}`);
      }
      const middle = mainThreadCpuNs(productPid);
      for (let i = 0; i < CPU_BLOCK_REQUESTS; i++) await timedFetch(productMf, 'http://localhost/health');
      const after = mainThreadCpuNs(productPid);
      if (block < 2) continue; // warm-up
      cpu.xlsx.push((middle - before) / CPU_BLOCK_REQUESTS / 1e6);
      cpu.health.push((after - middle) / CPU_BLOCK_REQUESTS / 1e6);
    }
  }
  await stop(productMf);
  await stop(benchMf);
  if (sink < 0) log('unreachable');

  // --- Figures and budgets -----------------------------------------------------------------
  const byKey = new Map(cases.map((c) => [c.key, c]));
  const med = (key: string) => median(byKey.get(key)?.samples ?? []);
  const rows: Row[] = [];
  let failures = 0;
  const verdict = (pass: boolean) => {
    if (!pass) failures++;
    return pass ? 'PASS' : 'FAIL';
  };

  const budgetFor: Record<string, { budget: string; pass: () => boolean }> = {
    json3: {
      budget: `≤ ${BUDGET.jsonVsHealth}× /health`,
      pass: () => med('json3') <= BUDGET.jsonVsHealth * med('health'),
    },
    xlsx3hit: {
      budget: `≤ ${BUDGET.cachedVsHealth}× /health`,
      pass: () => med('xlsx3hit') <= BUDGET.cachedVsHealth * med('health'),
    },
    savedRead: {
      budget: `≤ ${BUDGET.savedReadVsHealth}× /health`,
      pass: () => med('savedRead') <= BUDGET.savedReadVsHealth * med('health'),
    },
    json4saved: {
      budget: `≤ ${BUDGET.savedCompareVsCatalogue}× the catalogue-only row above`,
      pass: () => med('json4saved') <= BUDGET.savedCompareVsCatalogue * med('json4cat'),
    },
  };
  for (const c of cases) {
    const m = median(c.samples);
    const floorMs = c.floor ? med(c.floor) : Number.NaN;
    const ratio = c.floor ? (c.unit === 'µs' ? m / 1000 : m) / floorMs : Number.NaN;
    const budget = budgetFor[c.key];
    const fmt = c.unit === 'µs' ? fmtUs : fmtMs;
    rows.push({
      measure: c.label,
      samples: c.samples.length,
      median: fmt(m),
      p99: fmt(percentile(c.samples, 99)),
      ratio: Number.isNaN(ratio) ? '' : fmtRatio(ratio),
      budget: budget?.budget,
      result: budget ? verdict(budget.pass()) : undefined,
    });
    if (c.key === 'xlsx3') {
      const handlerMs = m - med('health');
      rows.push({
        measure: '↳ XLSX 3 seeds: handler CPU-bound time = median uncached XLSX − median /health',
        median: fmtMs(handlerMs),
        budget: `≤ ${BUDGET.xlsxHandlerMs} ms`,
        result: verdict(handlerMs <= BUDGET.xlsxHandlerMs),
      });
      if (cpu.xlsx.length > 0) {
        rows.push({
          measure: `↳ For reference, the same as CPU time: workerd main-thread CPU per uncached XLSX request − per /health request (${CPU_BLOCKS} blocks of ${CPU_BLOCK_REQUESTS} each; medians of the block means)`,
          samples: `${CPU_BLOCKS} + ${CPU_BLOCKS}`,
          median: `${fmtMs(median(cpu.xlsx))} − ${fmtMs(median(cpu.health))} = ${fmtMs(median(cpu.xlsx) - median(cpu.health))}`,
        });
      }
    }
  }

  const fit = linearFit(
    [...SCALING_NS],
    SCALING_NS.map((n) => med(`bxlsx${n}`)),
  );
  rows.push({
    measure: `${B} XLSX scaling, least squares of median vs n = ${SCALING_NS.join(', ')}: slope (per added scenario), intercept`,
    median: `${fmtMs(fit.slope)} / scenario, intercept ${fmtMs(fit.intercept)}`,
  });
  rows.push({
    measure: `${B} XLSX scaling: R² of that fit (linearity)`,
    median: fit.r2.toFixed(4),
    budget: `R² ≥ ${BUDGET.linearR2}`,
    result: verdict(fit.r2 >= BUDGET.linearR2),
  });

  for (const boot of boots) {
    const label = {
      lazy: 'Cold boot, product bundle (exceljs lazy): new Miniflare() → first /health',
      eager: 'Cold boot, eager bundle (exceljs evaluated at startup): new Miniflare() → first /health',
      empty: 'Cold boot, empty Worker (Miniflare/workerd floor, for reference)',
    }[boot.key];
    rows.push({
      measure: label ?? boot.key,
      samples: boot.samples.length,
      median: fmtMs(median(boot.samples)),
      p99: fmtMs(percentile(boot.samples, 99)),
    });
  }
  const lazyOverEager = bootMedian('lazy') / bootMedian('eager');
  rows.push({
    measure: 'Startup, for reference: lazy cold boot / eager cold boot (medians; mostly workerd’s own boot)',
    median: fmtPercent(lazyOverEager),
  });
  const overFloor = (bootMedian('lazy') - bootMedian('empty')) / (bootMedian('eager') - bootMedian('empty'));
  rows.push({
    measure: 'Startup, for reference: (lazy − empty) / (eager − empty) cold boots, i.e. over the boot floor',
    median: fmtPercent(overFloor),
  });
  const lazyMs = median(profiled.lazy.active);
  const eagerMs = median(profiled.eager.active);
  const catalogueMs = median(profiled.catalogue.active);
  const startupRatio = lazyMs / eagerMs;
  const interval = ratioOfMediansInterval(profiled.lazy.active, profiled.eager.active, prng(20_261_128));
  rows.push({
    measure:
      'Startup (budget 4, exceljs deferred): Active CPU of the start-up profile (taken as `wrangler check startup` takes it), lazy / eager (medians; 95 % bootstrap interval of the ratio)',
    samples: `${profiled.lazy.active.length} + ${profiled.eager.active.length}`,
    median: `${fmtMs(lazyMs)} / ${fmtMs(eagerMs)} = ${fmtPercent(startupRatio)} (${fmtPercent(interval.low)}–${fmtPercent(interval.high)})`,
    p99: `${fmtMs(percentile(profiled.lazy.active, 99))} / ${fmtMs(percentile(profiled.eager.active, 99))}`,
    budget: `≤ ${BUDGET.lazyOverEager * 100} %`,
    result: verdict(startupRatio <= BUDGET.lazyOverEager),
  });
  const floorRatio = lazyMs / catalogueMs;
  const floorInterval = ratioOfMediansInterval(
    profiled.lazy.active,
    profiled.catalogue.active,
    prng(20_261_129),
  );
  rows.push({
    measure:
      'Startup (budget 4, near the floor): Active CPU, lazy / a Worker that only loads the catalogue (medians; 95 % bootstrap interval of the ratio)',
    samples: `${profiled.lazy.active.length} + ${profiled.catalogue.active.length}`,
    median: `${fmtMs(lazyMs)} / ${fmtMs(catalogueMs)} = ${fmtRatio(floorRatio)} (${fmtRatio(floorInterval.low)}–${fmtRatio(floorInterval.high)})`,
    budget: `≤ ${BUDGET.lazyOverCatalogue}×`,
    result: verdict(floorRatio <= BUDGET.lazyOverCatalogue),
  });
  rows.push({
    measure: 'Startup, of which garbage collection, lazy / eager (medians)',
    median: `${fmtMs(median(profiled.lazy.gc))} / ${fmtMs(median(profiled.eager.gc))}`,
  });
  rows.push({
    measure: 'Startup, cross-check: `wrangler check startup` itself, Active, lazy / eager (medians)',
    samples: `${checkLazy.length} + ${checkEager.length}`,
    median:
      checkLazy.length > 0 && checkEager.length > 0
        ? `${fmtMs(median(checkLazy))} / ${fmtMs(median(checkEager))} = ${fmtPercent(median(checkLazy) / median(checkEager))}`
        : (checkProblem ?? 'no figures'),
  });
  rows.push({
    measure: `Startup, for reference: the product with exceljs’s prebuilt bundle (${PREBUILT_EXCELJS}, used before) imported eagerly; lazy / that`,
    samples: profiled.prebuilt.active.length,
    median: `${fmtMs(median(profiled.prebuilt.active))}; ${fmtPercent(lazyMs / median(profiled.prebuilt.active))}`,
  });
  rows.push({
    measure: 'Startup, for reference: what evaluating exceljs costs at start-up (eager − lazy, medians)',
    median: fmtMs(eagerMs - lazyMs),
  });
  for (const [label, samples] of [
    ['a Worker that only imports zod and builds one schema', profiled.zod.active],
    [
      'a Worker that only loads the catalogue (src/catalog.ts: zod, the data schemas, validating, indexing, the dataset version), without the HTTP app; budget 4’s floor',
      profiled.catalogue.active,
    ],
  ] as const) {
    rows.push({
      measure: `Startup floor, for reference: ${label}`,
      samples: samples.length,
      median: fmtMs(median(samples)),
    });
  }

  rows.push({ measure: 'Bundle index.js, raw', median: fmtKiB(rawBytes) });
  rows.push({
    measure: 'Bundle index.js, gzip -9 (node:zlib)',
    median: fmtKiB(gzipBytes),
    budget: `≤ ${BUDGET.gzipKiB} KiB`,
    result: verdict(gzipBytes / 1024 <= BUDGET.gzipKiB),
  });

  // --- Report ------------------------------------------------------------------------------
  const budgetCount = rows.filter((r) => r.result === 'PASS' || r.result === 'FAIL').length;
  const summary =
    failures === 0
      ? `All ${budgetCount} budgets pass.`
      : `${failures} of ${budgetCount} budgets FAIL; ${budgetCount - failures} pass.`;
  const report = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineLine()}`,
    `- Versions: ${versionsLine(root)}`,
    `- Run: ${WARMUP} warm-up rounds, ${ROUNDS} measured rounds; every round runs each case once, in a freshly shuffled (seeded) order; uncached XLSX cases run in 1 measured round of ${HEAVY_EVERY}. Start-up profiles: ${STARTUP_RUNS} per bundle, interleaved in a shuffled order per round; \`wrangler check startup\`: ${CHECK_STARTUP_RUNS} runs each of the product and the eager bundle. Cold boots: ${BOOTS} per bundle, interleaved, after one discarded round.`,
    '',
    renderTable(rows),
    '',
    summary,
    '',
    '## How it is measured',
    '',
    '- Bundles come from `wrangler deploy --dry-run --outdir` and run in Miniflare (`workerd`) on 127.0.0.1; each request figure is the wall time of `mf.dispatchFetch()` plus reading the whole body, taken in Node with `performance.now()`. `× /health median` divides by the /health median of the same Worker: the routing floor (loopback, Miniflare dispatch, middleware, a trivial handler).',
    '- Requests send `Accept-Encoding: identity`: for a client that accepts gzip, Miniflare’s entry worker compresses JSON and HTML responses, as Cloudflare’s edge does after the Worker has answered; that is not the Worker’s time (a reference row shows the JSON repeat with gzip).',
    '- `compareScenarios()` runs in this Node process, on the data read from `scenarios/**/*.json` into the same map as `BUNDLED_FILES` (its ratio is to the product /health median).' +
      (versionMatches
        ? ' That map hashes to the same dataset version as the Worker reports on /health.'
        : ` Note: that map's dataset version (${productCatalog.version}) differs from the Worker's (${productHealth.datasetVersion}): a file in scenarios/ is not registered in BUNDLED_FILES, or the reverse.`),
    '- Uncached requests send `Cache-Control: no-cache, no-store` (and go to a unique host, `http://miss-N.localhost/…`), so the Worker skips its in-isolate memory of rendered bodies and the edge cache, rebuilds (asserted: `X-Cache: MISS`) and keeps nothing: comparison and rendering only. The reference row sent only `no-cache`, so it also includes keeping the body in memory and the `cache.put` handed to `waitUntil`, which Miniflare emulates in the same workerd process (in production it is a cache write, not the Worker’s CPU). Repeats use one fixed URL warmed beforehand and are answered from the isolate’s memory (asserted: `X-Cache: MEMO` on every sample); the Cache API layer behind it (`HIT`) is covered by test/routes/caching.test.ts.',
    '- Handler CPU-bound time (budget 2) = median uncached XLSX wall time − median /health wall time, both from this run: the handler’s own time over the routing floor. On Linux a cross-check reads the same as CPU time, after the measured rounds: the CPU time of the product workerd process’s main thread (the thread that runs the isolates; /proc/<pid>/task/<pid>/schedstat), read around blocks of uncached 3-seed workbooks and of /health requests, interleaved, two blocks each discarded; per request, the median of the block means, XLSX less /health. V8’s own background threads (concurrent garbage collection, compilation) are not in it.',
    '- Start-up (budget 4) is workerd’s CPU profile of evaluating the Worker’s script, its “Active” time (sampled time less idle), for the product, the eager bundle and the catalogue-only floor, taken as `wrangler check startup --worker <upload bundle>` takes it (bench/startup.ts: the same wrapper module, inspector commands and sum, in this process) so that each bundle gets many runs; one run varies by about ±10 ms on a 2-core VM. Budget 4 has two parts, both ratios of medians from the same run (the machine varies about twofold between runs): lazy ≤ 75 % of eager (exceljs is not evaluated at start-up) and lazy ≤ 1.5× the catalogue-only floor (the rest of start-up stays near what validating the catalogue at module load costs). Each interval is a percentile bootstrap (2,000 resamples) of the ratio of medians. `wrangler check startup` itself runs a few times as a cross-check. A cold boot timed from outside is shown for reference; most of it is workerd starting (see the empty Worker).',
    '- The start-up floors are partial Workers, built and profiled the same way, interleaved with the others: one only imports zod; one only loads the catalogue (what src/catalog.ts does at module load). The HTTP app (Hono, the routes and their OpenAPI schemas) comes on top of the catalogue in the product; budget 4 bounds what it adds.',
    `- Rows marked ${B} come from a bench-only bundle: a temporary copy of src/ and scenarios/ with ${extraCount} extra scenarios (\`bench-variant-01\`…, copies of the catalogue scenarios with new ids and titles, numeric share intervals scaled down 1–${extraCount} %, issue amounts raised 5 % per variant) appended to BUNDLED_FILES in the copy's src/catalog.ts. The product catalogue (${productIds.length} scenarios) is not changed. Comparisons of n scenarios take the 3 seeds first, then the other catalogue scenarios, then the variants.`,
    `- Cold boot = \`new Miniflare(…)\` until the first /health response has been read (workerd process start, script compile and top-level evaluation, first request), then \`dispose()\` untimed. The eager bundle is built from a temporary entry that does \`import ${JSON.stringify(specifier)};\` (the specifier src/ lazily imports) and re-exports src/index.ts; it is ${fmtKiB(eagerBytes)} raw against the product's ${fmtKiB(rawBytes)}${eagerBytes > rawBytes * 1.05 ? ' (more than 5 % larger: exceljs may be bundled twice; check the specifier)' : ', so exceljs is bundled once'}. The empty Worker shows how much of a boot is Miniflare/workerd itself.`,
    '- p99 is the nearest-rank 99th percentile; with fewer than 100 samples it is the maximum.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'bench', 'RESULTS.md'), report);
  process.stdout.write(`${report}\n`);
  log(`wrote bench/RESULTS.md; ${summary}`);
  return failures === 0 ? 0 : 1;
}

let exitCode = 2;
try {
  exitCode = await main();
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);
