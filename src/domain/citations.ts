import type { Baseline, Region, Source } from './reference.ts';
import type { Scenario } from './scenario.ts';

/** Every source id a scenario cites, in order of first citation. */
export function scenarioSourceIds(scenario: Scenario): string[] {
  return [
    ...scenario.sources,
    ...scenario.territory.flatMap((t) => [...t.sources, ...(t.readings ?? []).flatMap((r) => r.sources)]),
    ...scenario.terms.flatMap((t) => t.sources),
    ...scenario.stances.flatMap((s) => s.sources),
    ...(scenario.corrections ?? []).flatMap((c) => c.sources ?? []),
  ];
}

/** Every source id a baseline cites. */
export function baselineSourceIds(baseline: Baseline): string[] {
  return [
    ...baseline.sources,
    ...(baseline.reportedTotal?.sources ?? []),
    ...baseline.shares.flatMap((s) => s.sources),
  ];
}

/** Every source id the regions cite (areas, populations). */
export function regionSourceIds(regions: readonly Region[]): string[] {
  return regions.flatMap((r) => [...r.areaSources, ...(r.population?.sources ?? [])]);
}

/** The sources with the given ids, each once, sorted by id; unknown ids are skipped. */
export function resolveSources(ids: Iterable<string>, sourcesById: ReadonlyMap<string, Source>): Source[] {
  return [...new Set(ids)]
    .sort()
    .map((id) => sourcesById.get(id))
    .filter((s): s is Source => s !== undefined);
}
