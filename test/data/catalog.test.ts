/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES, CatalogError, catalog, loadCatalog } from '../../src/catalog.ts';
import type { Scenario } from '../../src/domain/scenario.ts';

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

  it('gives Ukraine’s total area as the sum of the region areas it is derived from', () => {
    // The area base is one list (24 oblasts, Kyiv city and Crimea) plus Sevastopol: the regions here
    // are part of it, so their sum stays below the total.
    const sum = catalog.regions.reduce((total, r) => total + r.areaKm2, 0);
    expect(sum).toBeLessThan(catalog.ukraine.areaKm2);
    expect(catalog.ukraine.note).toMatch(/derived/i);
  });

  it('states a position, or why there is none, for every region and every issue of every scenario', () => {
    for (const scenario of catalog.scenarios) {
      expect(
        scenario.territory.map((t) => t.region),
        scenario.id,
      ).toEqual(catalog.regions.map((r) => r.id));
      expect(
        scenario.terms.map((t) => t.issue),
        scenario.id,
      ).toEqual(catalog.issues.map((i) => i.id));
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

  /** A copy of the data with one scenario file changed. */
  const withScenario = (id: string, change: (scenario: Scenario) => void) => {
    const files = structuredClone(filesOnDisk) as Record<string, unknown>;
    change(files[`${id}.json`] as Scenario);
    return files;
  };
  const SWAP = 'donetsk-swap-2025-10';

  it('rejects a scenario that leaves out a region or an issue instead of marking it silent', () => {
    const noSumy = withScenario(SWAP, (s) => {
      s.territory = s.territory.filter((t) => t.region !== 'sumy');
    });
    expect(() => loadCatalog(noSumy)).toThrow(
      /donetsk-swap-2025-10\.json territory: region "sumy" is missing/,
    );
    const noAmnesty = withScenario(SWAP, (s) => {
      s.terms = s.terms.filter((t) => t.issue !== 'amnesty');
    });
    expect(() => loadCatalog(noAmnesty)).toThrow(/terms: issue "amnesty" is missing/);
  });

  it('rejects readings on a share that claims to be quantified', () => {
    const broken = withScenario(SWAP, (s) => {
      const term = s.territory.find((t) => t.readings) as Scenario['territory'][number];
      term.quantified = true;
    });
    expect(() => loadCatalog(broken)).toThrow(
      /territory\.\d+\.quantified: a region with readings is not quantified/,
    );
  });

  it('rejects a share interval that is empty against some baseline', () => {
    const broken = withScenario(SWAP, (s) => {
      const donetsk = s.territory.find((t) => t.region === 'donetsk') as Scenario['territory'][number];
      // 0.77 lies between the two baselines' Donetsk shares (0.76 and 0.781).
      donetsk.russianShare = { low: 0.77, high: 'baseline' };
      donetsk.quantified = false;
    });
    expect(() => loadCatalog(broken)).toThrow(/low \(0\.77\) exceeds high \(0\.76\).*2025-08-18 baseline/);
  });

  it('rejects a supersedes that names another party’s, a later, or a circular position', () => {
    const otherParty = withScenario('russia-position-2026-02', (s) => {
      s.supersedes = 'ceasefire-current-lines-2025-10';
    });
    expect(() => loadCatalog(otherParty)).toThrow(
      /supersedes: "ceasefire-current-lines-2025-10" is not a position of the same proposer/,
    );
    const later = withScenario('anchorage-2025-08', (s) => {
      s.supersedes = 'russia-position-2026-02';
    });
    expect(() => loadCatalog(later)).toThrow(
      /supersedes: "russia-position-2026-02" \(2026-02-04\) is not earlier/,
    );
    const files = structuredClone(filesOnDisk) as Record<string, Scenario>;
    (files['anchorage-2025-08.json'] as Scenario).supersedes = 'donetsk-swap-2025-10';
    (files['donetsk-swap-2025-10.json'] as Scenario).supersedes = 'anchorage-2025-08';
    expect(() => loadCatalog(files)).toThrow(/supersedes forms a cycle/);
  });

  it('rejects a quote without its kind, and a translation without its language', () => {
    const QUOTED = 'us-28-point-plan-2025-11';
    const noKind = withScenario(QUOTED, (s) => {
      const quoted = s.stances.find((st) => st.quote) as Scenario['stances'][number];
      quoted.quote = { text: (quoted.quote as { text: string }).text } as never;
    });
    expect(() => loadCatalog(noKind)).toThrow(/stances\.\d+\.quote\.kind/);
    const noLanguage = withScenario(QUOTED, (s) => {
      const quoted = s.stances.find((st) => st.quote) as Scenario['stances'][number];
      quoted.quote = { text: 'Words.', kind: 'translation' };
    });
    expect(() => loadCatalog(noLanguage)).toThrow(/quote\.language: give the original language/);
  });

  it('rejects a baseline that misses a region', () => {
    const broken = structuredClone(filesOnDisk) as Record<string, { shares: { region: string }[] }>;
    const baseline = broken['reference/baselines/2026-01-01.json'] as { shares: { region: string }[] };
    baseline.shares = baseline.shares.filter((s) => s.region !== 'sumy');
    expect(() => loadCatalog(broken)).toThrow(/no share given for region "sumy"/);
  });
});
