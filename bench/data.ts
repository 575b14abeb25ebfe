// The benchmark's data: the product's data files read from scenarios/ (the same map that
// src/catalog.ts's BUNDLED_FILES builds), and bench-only variants of the catalogue scenarios
// that make a 20-scenario comparison possible without touching the product catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The three seed scenarios of the README and the budgets. */
export const SEED_IDS = [
  'anchorage-2025-08',
  'donetsk-swap-2025-10',
  'ceasefire-current-lines-2025-10',
] as const;

/** Data files keyed by their path under scenarios/ (forward slashes), without scenarios/schema/. */
export function readDataFiles(scenariosDir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const entries = readdirSync(scenariosDir, { recursive: true, encoding: 'utf8' });
  for (const entry of entries.sort()) {
    const key = entry.split(sep).join('/');
    if (!key.endsWith('.json') || key.startsWith('schema/')) continue;
    files[key] = JSON.parse(readFileSync(join(scenariosDir, entry), 'utf8'));
  }
  return files;
}

type ShareBound = number | 'baseline';
interface RawTerritoryTerm {
  russianShare?: { low: ShareBound; high: ShareBound };
  readings?: unknown[];
  [key: string]: unknown;
}
interface RawIssueTerm {
  value?: { amount: number; unit: string };
  [key: string]: unknown;
}
interface RawScenario {
  id: string;
  title: string;
  territory: RawTerritoryTerm[];
  terms: RawIssueTerm[];
  [key: string]: unknown;
}

const isScenarioFile = (file: string) => !file.startsWith('reference/');

/**
 * Makes `count` bench-only scenarios, `bench-variant-01`…, each a copy of a catalogue scenario
 * (taken in turn) with a new id and title, numeric share intervals scaled down by 1–12 % (both
 * bounds alike, so low ≤ high still holds; terms with readings are left as they are so that
 * their interval still covers every reading) and issue amounts raised by 5 % per variant.
 * Returns the new files keyed like the product files (`bench-variant-01.json`).
 */
export function makeVariants(
  files: Readonly<Record<string, unknown>>,
  count: number,
): Record<string, unknown> {
  const pool = Object.keys(files).filter(isScenarioFile).sort();
  if (pool.length === 0) throw new Error('no catalogue scenarios to vary');
  const variants: Record<string, unknown> = {};
  for (let k = 1; k <= count; k++) {
    const base = structuredClone(files[pool[(k - 1) % pool.length] as string]) as RawScenario;
    const id = `bench-variant-${String(k).padStart(2, '0')}`;
    const suffix = ` (bench variant ${k})`;
    const factor = 1 - 0.01 * k;
    base.id = id;
    base.title = `${base.title.slice(0, 200 - suffix.length)}${suffix}`;
    for (const term of base.territory) {
      const share = term.russianShare;
      if (!share || term.readings || typeof share.low !== 'number' || typeof share.high !== 'number')
        continue;
      share.low *= factor;
      share.high *= factor;
    }
    for (const term of base.terms) {
      if (term.value) term.value.amount = Math.round(term.value.amount * (1 + 0.05 * k));
    }
    variants[`${id}.json`] = base;
  }
  return variants;
}

/** Scenario ids for an n-scenario comparison: the seeds first, then the rest in catalogue order. */
export function comparisonIds(allIds: readonly string[], n: number): string[] {
  const rest = allIds.filter((id) => !(SEED_IDS as readonly string[]).includes(id));
  const ids = [...SEED_IDS, ...rest].slice(0, n);
  if (ids.length < n) throw new Error(`asked for ${n} scenarios, only ${ids.length} available`);
  return ids;
}
