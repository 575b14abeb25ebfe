/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES, CatalogError, catalog, loadCatalog } from '../../src/catalog.ts';
import { resolveShare } from '../../src/domain/compare.ts';

// Every JSON file under scenarios/ except the generated JSON Schemas, as the repository holds them.
const onDisk = import.meta.glob<unknown>(['../../scenarios/**/*.json', '!../../scenarios/schema/**'], {
  eager: true,
  import: 'default',
});
const filesOnDisk = Object.fromEntries(
  Object.entries(onDisk).map(([path, content]) => [path.replace('../../scenarios/', ''), content]),
);

describe('the bundled data', () => {
  it('bundles every data file in scenarios/, and nothing else', () => {
    expect(Object.keys(BUNDLED_FILES).sort()).toEqual(Object.keys(filesOnDisk).sort());
    for (const [file, content] of Object.entries(filesOnDisk))
      expect(BUNDLED_FILES[file], file).toEqual(content);
  });

  it('parses, and every source, region, party and issue id resolves', () => {
    // loadCatalog throws a CatalogError listing every problem; this makes the list readable on failure.
    let problems: unknown[] = [];
    try {
      loadCatalog(filesOnDisk);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      problems = [...error.problems];
    }
    expect(problems).toEqual([]);
  });

  it('holds the three seed scenarios', () => {
    for (const id of ['anchorage-2025-08', 'donetsk-swap-2025-10', 'ceasefire-current-lines-2025-10']) {
      expect(catalog.scenariosById.has(id), id).toBe(true);
    }
  });

  it('names every scenario file after its id', () => {
    for (const scenario of catalog.scenarios) expect(filesOnDisk).toHaveProperty([`${scenario.id}.json`]);
    for (const baseline of catalog.baselines) {
      expect(filesOnDisk).toHaveProperty([`reference/baselines/${baseline.id}.json`]);
    }
  });

  it('covers every region in every baseline, with shares in [0, 1]', () => {
    const regionIds = catalog.regions.map((r) => r.id).sort();
    for (const baseline of catalog.baselines) {
      expect(baseline.shares.map((s) => s.region).sort(), baseline.id).toEqual(regionIds);
      for (const share of baseline.shares) {
        expect(share.russianShare).toBeGreaterThanOrEqual(0);
        expect(share.russianShare).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps every scenario share in [0, 1] with low ≤ high, against every baseline', () => {
    for (const baseline of catalog.baselines) {
      const baseShare = new Map(baseline.shares.map((s) => [s.region, s.russianShare]));
      for (const scenario of catalog.scenarios) {
        for (const term of scenario.territory) {
          const where = `${scenario.id} ${term.region} vs ${baseline.id}`;
          const share = resolveShare(term.russianShare, baseShare.get(term.region) ?? Number.NaN);
          expect(share.low, where).toBeGreaterThanOrEqual(0);
          expect(share.high, where).toBeLessThanOrEqual(1);
          expect(share.low, where).toBeLessThanOrEqual(share.high);
          // Where reports disagree, the interval covers every reading, and the share is not called quantified.
          for (const reading of term.readings ?? []) {
            const r = resolveShare(reading.russianShare, baseShare.get(term.region) ?? Number.NaN);
            expect(r.low, where).toBeGreaterThanOrEqual(share.low);
            expect(r.high, where).toBeLessThanOrEqual(share.high);
          }
          if (term.readings) expect(term.quantified, where).toBe(false);
        }
      }
    }
  });

  it('gives Ukraine’s total area and every region a positive official area', () => {
    expect(catalog.ukraine.areaKm2).toBe(603628);
    const sum = catalog.regions.reduce((total, r) => total + r.areaKm2, 0);
    expect(sum).toBeLessThan(catalog.ukraine.areaKm2);
    for (const r of catalog.regions) expect(r.areaKm2).toBeGreaterThan(0);
  });

  it('attributes every stance to a speaker and a date, with a quote or a note saying why not', () => {
    for (const scenario of catalog.scenarios) {
      for (const stance of scenario.stances) {
        expect(stance.speaker.length, `${scenario.id} ${stance.party}`).toBeGreaterThan(0);
        expect(stance.quote ?? stance.note, `${scenario.id} ${stance.party}`).toBeTruthy();
      }
    }
  });

  it('gives every cited source a publisher and a date', () => {
    for (const source of catalog.sources) {
      expect(source.publisher.length, source.id).toBeGreaterThan(0);
      expect(source.date, source.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    }
  });

  it('rejects data with a dangling reference, naming the file and path', () => {
    const broken = structuredClone(filesOnDisk) as Record<string, { sources: string[] }>;
    (broken['anchorage-2025-08.json'] as { sources: string[] }).sources = ['no-such-source'];
    expect(() => loadCatalog(broken)).toThrow(
      /anchorage-2025-08\.json sources\.0: unknown source id "no-such-source"/,
    );
  });

  it('rejects a scenario whose id does not match its file name', () => {
    const broken = structuredClone(filesOnDisk) as Record<string, { id: string }>;
    (broken['anchorage-2025-08.json'] as { id: string }).id = 'anchorage-renamed';
    expect(() => loadCatalog(broken)).toThrow(/does not match the file name/);
  });

  it('rejects a baseline that misses a region', () => {
    const broken = structuredClone(filesOnDisk) as Record<string, { shares: { region: string }[] }>;
    const baseline = broken['reference/baselines/2026-01-01.json'] as { shares: { region: string }[] };
    baseline.shares = baseline.shares.filter((s) => s.region !== 'sumy');
    expect(() => loadCatalog(broken)).toThrow(/no share given for region "sumy"/);
  });
});
