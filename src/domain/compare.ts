import { baselineSourceIds, regionSourceIds, resolveSources, scenarioSourceIds } from './citations.ts';
import type {
  ComparedBaseline,
  ComparedStance,
  Comparison,
  Interval,
  IssuePosition,
  IssueRow,
  Pair,
  RegionOutcome,
  ScenarioSummary,
  ScenarioTotal,
  StanceRow,
  TerritoryRow,
} from './comparison.ts';
import type { Baseline, Issue, Party, Region, RegionId, Source } from './reference.ts';
import {
  isSilence,
  type Scenario,
  type ShareBound,
  type ShareInterval,
  type Silence,
  type TerritoryTerm,
} from './scenario.ts';

/** The reference data a comparison needs besides the scenarios and the baseline. */
export interface ComparisonReference {
  datasetVersion: string;
  ukraineAreaKm2: number;
  regions: readonly Region[];
  issues: readonly Issue[];
  parties: readonly Party[];
  sourcesById: ReadonlyMap<string, Source>;
}

/** The position or outcome of what a scenario leaves out (an inline what-if may be short). */
export const NOT_ADDRESSED: Silence = 'not-addressed';

/** Resolves a share bound against the baseline share of its region. */
export function resolveBound(bound: ShareBound, baselineShare: number): number {
  return bound === 'baseline' ? baselineShare : bound;
}

/** Resolves a share interval against a baseline share; omitted means "at baseline". */
export function resolveShare(share: ShareInterval | undefined, baselineShare: number): Interval {
  if (!share) return { low: baselineShare, high: baselineShare };
  return { low: resolveBound(share.low, baselineShare), high: resolveBound(share.high, baselineShare) };
}

const scale = (interval: Interval, factor: number): Interval => ({
  low: interval.low * factor,
  high: interval.high * factor,
});
const shift = (interval: Interval, by: number): Interval => ({
  low: interval.low + by,
  high: interval.high + by,
});
const midpoint = (interval: Interval): number => (interval.low + interval.high) / 2;

function regionOutcome(
  term: TerritoryTerm | undefined,
  areaKm2: number,
  baselineShare: number,
): RegionOutcome {
  const russianShare = resolveShare(term?.russianShare, baselineShare);
  const russianKm2 = scale(russianShare, areaKm2);
  const changeKm2 = shift(russianKm2, -areaKm2 * baselineShare);
  if (!term) {
    return {
      addressed: false,
      outcome: NOT_ADDRESSED,
      legalStatus: 'unspecified',
      quantified: true,
      russianShare,
      russianKm2,
      changeKm2,
      note: 'Not listed by this scenario, so not addressed: counted at the baseline share.',
      sources: [],
    };
  }
  return {
    addressed: !isSilence(term.outcome),
    outcome: term.outcome,
    legalStatus: term.legalStatus,
    quantified: term.quantified ?? true,
    russianShare,
    russianKm2,
    changeKm2,
    ...(term.readings && {
      readings: term.readings.map((r) => ({
        outcome: r.outcome,
        russianShare: resolveShare(r.russianShare, baselineShare),
        note: r.note,
        sources: r.sources,
      })),
    }),
    ...(term.note !== undefined && { note: term.note }),
    sources: term.sources,
  };
}

function issuePosition(scenario: Scenario, issue: Issue): IssuePosition {
  const term = scenario.terms.find((t) => t.issue === issue.id);
  if (!term) {
    return { position: NOT_ADDRESSED, detail: 'Not listed by this scenario, so not addressed.', sources: [] };
  }
  return {
    position: term.position,
    detail: term.detail,
    ...(term.value && { value: term.value }),
    sources: term.sources,
  };
}

/** What makes two positions the same: the code and the value; every kind of silence is one. */
const positionKey = (p: IssuePosition): string =>
  isSilence(p.position) ? 'silent' : `${p.position}|${p.value?.amount ?? ''}|${p.value?.unit ?? ''}`;

function comparedStance(scenario: Scenario, party: Party): ComparedStance {
  const stance = scenario.stances.find((s) => s.party === party.id);
  if (!stance) return { stance: 'not-recorded', note: 'No stance recorded in the dataset.', sources: [] };
  const { party: _party, ...rest } = stance;
  return rest;
}

/** A scenario without its territory, terms and stances: what lists and comparison headers show. */
export function toSummary({
  territory: _t,
  terms: _terms,
  stances: _s,
  ...summary
}: Scenario): ScenarioSummary {
  return summary;
}

/** A baseline without its per-region shares (a comparison gives them region by region). */
export function withoutShares({ shares: _shares, ...meta }: Baseline): ComparedBaseline {
  return meta;
}

/**
 * Compares scenarios against a baseline. Pure: the same inputs give the same Comparison.
 * Numbers are left unrounded. A region a scenario is silent on (not addressed, not reported, or
 * not listed by an inline what-if) counts at its baseline share unless the scenario bounds it.
 * The caller has checked that the scenarios and the baseline refer only to known ids.
 */
export function compareScenarios(
  scenarios: readonly Scenario[],
  baseline: Baseline,
  reference: ComparisonReference,
): Comparison {
  const baselineShares = new Map<RegionId, Baseline['shares'][number]>(
    baseline.shares.map((s) => [s.region, s]),
  );

  const regions: TerritoryRow[] = reference.regions.map((region) => {
    const base = baselineShares.get(region.id);
    const baseShare = base?.russianShare ?? 0;
    const outcomes: Record<string, RegionOutcome> = {};
    for (const scenario of scenarios) {
      const term = scenario.territory.find((t) => t.region === region.id);
      outcomes[scenario.id] = regionOutcome(term, region.areaKm2, baseShare);
    }
    return {
      region: region.id,
      name: region.name,
      areaKm2: region.areaKm2,
      baseline: {
        russianShare: baseShare,
        russianKm2: region.areaKm2 * baseShare,
        basis: base?.basis ?? 'assumed',
        ...(base?.note !== undefined && { note: base.note }),
        sources: base?.sources ?? [],
      },
      scenarios: outcomes,
    };
  });

  let baselineKm2 = 0;
  for (const row of regions) baselineKm2 += row.baseline.russianKm2;
  const totals: Record<string, ScenarioTotal> = {};
  for (const scenario of scenarios) {
    const russianKm2 = { low: 0, high: 0 };
    const changeKm2 = { low: 0, high: 0 };
    const unquantified: RegionId[] = [];
    const notAddressed: RegionId[] = [];
    const notReported: RegionId[] = [];
    for (const row of regions) {
      const outcome = row.scenarios[scenario.id] as RegionOutcome;
      russianKm2.low += outcome.russianKm2.low;
      russianKm2.high += outcome.russianKm2.high;
      changeKm2.low += outcome.changeKm2.low;
      changeKm2.high += outcome.changeKm2.high;
      if (!outcome.quantified) unquantified.push(row.region);
      if (outcome.outcome === 'not-addressed') notAddressed.push(row.region);
      if (outcome.outcome === 'not-reported') notReported.push(row.region);
    }
    totals[scenario.id] = {
      russianKm2,
      changeKm2,
      shareOfUkraine: {
        low: russianKm2.low / reference.ukraineAreaKm2,
        high: russianKm2.high / reference.ukraineAreaKm2,
      },
      unquantified,
      notAddressed,
      notReported,
    };
  }

  const issues: IssueRow[] = reference.issues.map((issue) => {
    const positions: Record<string, IssuePosition> = {};
    for (const scenario of scenarios) positions[scenario.id] = issuePosition(scenario, issue);
    const keys = new Set(Object.values(positions).map(positionKey));
    return { issue: issue.id, label: issue.label, differs: keys.size > 1, positions };
  });

  const stances: StanceRow[] = reference.parties.map((party) => {
    const positions: Record<string, ComparedStance> = {};
    for (const scenario of scenarios) positions[scenario.id] = comparedStance(scenario, party);
    return { party: party.id, name: party.name, positions };
  });

  const pairwise: Pair[] = [];
  scenarios.forEach((a, i) => {
    for (const b of scenarios.slice(i + 1)) {
      const differingIssues = issues
        .filter(
          (row) =>
            positionKey(row.positions[a.id] as IssuePosition) !==
            positionKey(row.positions[b.id] as IssuePosition),
        )
        .map((row) => row.issue);
      let territoryGapKm2 = 0;
      for (const row of regions) {
        const shareA = midpoint((row.scenarios[a.id] as RegionOutcome).russianShare);
        const shareB = midpoint((row.scenarios[b.id] as RegionOutcome).russianShare);
        territoryGapKm2 += row.areaKm2 * Math.abs(shareA - shareB);
      }
      pairwise.push({ a: a.id, b: b.id, differingIssues, territoryGapKm2 });
    }
  });

  return {
    datasetVersion: reference.datasetVersion,
    ukraineAreaKm2: reference.ukraineAreaKm2,
    baseline: withoutShares(baseline),
    scenarios: scenarios.map(toSummary),
    territory: {
      regions,
      totals: {
        baseline: { russianKm2: baselineKm2, shareOfUkraine: baselineKm2 / reference.ukraineAreaKm2 },
        ...totals,
      },
    } as Comparison['territory'],
    issues,
    stances,
    pairwise,
    sources: citedSources(scenarios, baseline, reference),
  };
}

/** Every source the scenarios, the baseline and the region areas cite, once each, sorted by id. */
export function citedSources(
  scenarios: readonly Scenario[],
  baseline: Baseline,
  reference: Pick<ComparisonReference, 'regions' | 'sourcesById'>,
): Source[] {
  return resolveSources(
    [
      ...baselineSourceIds(baseline),
      ...regionSourceIds(reference.regions),
      ...scenarios.flatMap(scenarioSourceIds),
    ],
    reference.sourcesById,
  );
}
