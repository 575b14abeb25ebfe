import type { Baseline, ChangelogEntry, Issue, Party, Region, Source } from './reference.ts';
import type { Scenario } from './scenario.ts';

/** One broken reference or rule, located by a JSON path. */
export interface IntegrityProblem {
  path: (string | number)[];
  message: string;
}

/** The ids a scenario or baseline may refer to. */
export interface KnownIds {
  sources: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  parties: ReadonlySet<string>;
  issues: ReadonlySet<string>;
  scenarios: ReadonlySet<string>;
}

/** Collects the ids of a set of reference data. */
export function knownIdsOf(data: {
  sources: readonly Source[];
  regions: readonly Region[];
  parties: readonly Party[];
  issues: readonly Issue[];
  scenarios: readonly Pick<Scenario, 'id'>[];
}): KnownIds {
  return {
    sources: new Set(data.sources.map((s) => s.id)),
    regions: new Set(data.regions.map((r) => r.id)),
    parties: new Set(data.parties.map((p) => p.id)),
    issues: new Set(data.issues.map((i) => i.id)),
    scenarios: new Set(data.scenarios.map((s) => s.id)),
  };
}

function checkIds(
  ids: readonly string[],
  known: ReadonlySet<string>,
  kind: string,
  path: (string | number)[],
  problems: IntegrityProblem[],
): void {
  ids.forEach((id, index) => {
    if (!known.has(id)) problems.push({ path: [...path, index], message: `unknown ${kind} id "${id}"` });
  });
}

/** Every id a scenario cites (sources, regions, parties, issues, superseded scenario) must be known. */
export function checkScenarioReferences(scenario: Scenario, known: KnownIds): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  checkIds(scenario.sources, known.sources, 'source', ['sources'], problems);
  checkIds(scenario.proposers, known.parties, 'party', ['proposers'], problems);
  if (scenario.supersedes !== undefined && !known.scenarios.has(scenario.supersedes)) {
    problems.push({ path: ['supersedes'], message: `unknown scenario id "${scenario.supersedes}"` });
  }
  scenario.territory.forEach((term, i) => {
    checkIds(term.sources, known.sources, 'source', ['territory', i, 'sources'], problems);
    term.readings?.forEach((reading, j) => {
      checkIds(
        reading.sources,
        known.sources,
        'source',
        ['territory', i, 'readings', j, 'sources'],
        problems,
      );
    });
  });
  scenario.terms.forEach((term, i) => {
    if (!known.issues.has(term.issue)) {
      problems.push({ path: ['terms', i, 'issue'], message: `unknown issue id "${term.issue}"` });
    }
    checkIds(term.sources, known.sources, 'source', ['terms', i, 'sources'], problems);
  });
  scenario.stances.forEach((stance, i) => {
    if (!known.parties.has(stance.party)) {
      problems.push({ path: ['stances', i, 'party'], message: `unknown party id "${stance.party}"` });
    }
    checkIds(stance.sources, known.sources, 'source', ['stances', i, 'sources'], problems);
  });
  scenario.corrections?.forEach((correction, i) => {
    checkIds(correction.sources ?? [], known.sources, 'source', ['corrections', i, 'sources'], problems);
  });
  return problems;
}

/** Every scenario and source a changelog entry names must be known. */
export function checkChangelogReferences(
  changelog: readonly ChangelogEntry[],
  known: KnownIds,
): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  changelog.forEach((entry, i) => {
    checkIds(entry.scenarios ?? [], known.scenarios, 'scenario', [i, 'scenarios'], problems);
    checkIds(entry.sources ?? [], known.sources, 'source', [i, 'sources'], problems);
  });
  return problems;
}

/** A baseline must cite known sources and give exactly one share for every known region. */
export function checkBaselineReferences(baseline: Baseline, known: KnownIds): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  checkIds(baseline.sources, known.sources, 'source', ['sources'], problems);
  if (baseline.reportedTotal) {
    checkIds(baseline.reportedTotal.sources, known.sources, 'source', ['reportedTotal', 'sources'], problems);
  }
  const seen = new Set<string>();
  baseline.shares.forEach((share, i) => {
    if (seen.has(share.region)) {
      problems.push({ path: ['shares', i, 'region'], message: `region "${share.region}" appears twice` });
    }
    seen.add(share.region);
    if (!known.regions.has(share.region)) {
      problems.push({ path: ['shares', i, 'region'], message: `unknown region id "${share.region}"` });
    }
    checkIds(share.sources, known.sources, 'source', ['shares', i, 'sources'], problems);
  });
  for (const region of known.regions) {
    if (!seen.has(region))
      problems.push({ path: ['shares'], message: `no share given for region "${region}"` });
  }
  return problems;
}

/**
 * Once bounds written as "baseline" are resolved, every share interval must have low ≤ high, and
 * an interval with readings must cover each of them.
 */
export function checkSharesAgainstBaseline(scenario: Scenario, baseline: Baseline): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const baseShare = new Map(baseline.shares.map((s) => [s.region, s.russianShare]));
  const resolve = (bound: number | 'baseline', region: string) =>
    bound === 'baseline' ? (baseShare.get(region as Baseline['shares'][number]['region']) ?? 0) : bound;
  scenario.territory.forEach((term, i) => {
    if (!term.russianShare) return;
    const low = resolve(term.russianShare.low, term.region);
    const high = resolve(term.russianShare.high, term.region);
    if (low > high) {
      problems.push({
        path: ['territory', i, 'russianShare'],
        message: `low (${low}) exceeds high (${high}) once "baseline" is read as ${baseShare.get(term.region)} for the ${baseline.id} baseline`,
      });
    }
    term.readings?.forEach((reading, j) => {
      const rLow = resolve(reading.russianShare.low, term.region);
      const rHigh = resolve(reading.russianShare.high, term.region);
      if (rLow < low || rHigh > high) {
        problems.push({
          path: ['territory', i, 'readings', j, 'russianShare'],
          message: 'each reading must lie within the region’s russianShare interval',
        });
      }
    });
  });
  return problems;
}

/**
 * `supersedes` names an earlier position of one of the same proposers, and following it never
 * comes back to where it started. `scenariosById` holds every scenario the chain may pass through.
 */
export function checkSupersedes(
  scenario: Scenario,
  scenariosById: ReadonlyMap<string, Scenario>,
): IntegrityProblem[] {
  if (scenario.supersedes === undefined) return [];
  const path = ['supersedes'];
  if (scenario.supersedes === scenario.id) return [{ path, message: 'a scenario cannot supersede itself' }];
  const earlier = scenariosById.get(scenario.supersedes);
  if (!earlier) return []; // an unknown id is reported by checkScenarioReferences
  const problems: IntegrityProblem[] = [];
  if (!earlier.proposers.some((party) => scenario.proposers.includes(party))) {
    problems.push({
      path,
      message: `"${earlier.id}" is not a position of the same proposer (${scenario.proposers.join(', ')})`,
    });
  }
  if (!(earlier.date < scenario.date)) {
    problems.push({
      path,
      message: `"${earlier.id}" (${earlier.date}) is not earlier than this scenario (${scenario.date})`,
    });
  }
  const seen = new Set([scenario.id]);
  for (
    let next: Scenario | undefined = earlier;
    next;
    next = next.supersedes ? scenariosById.get(next.supersedes) : undefined
  ) {
    if (seen.has(next.id)) {
      problems.push({ path, message: `supersedes forms a cycle: ${[...seen, next.id].join(' → ')}` });
      break;
    }
    seen.add(next.id);
  }
  return problems;
}

/**
 * A catalogue scenario states a position, or why it has none, for every region and every issue:
 * silence is a recorded decision, not a gap. (Inline what-ifs may leave things out.)
 */
export function checkCoverage(
  scenario: Scenario,
  known: Pick<KnownIds, 'regions' | 'issues'>,
): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const regions = new Set(scenario.territory.map((t) => t.region));
  const issues = new Set(scenario.terms.map((t) => t.issue));
  for (const region of known.regions) {
    if (!regions.has(region as Scenario['territory'][number]['region']))
      problems.push({
        path: ['territory'],
        message: `region "${region}" is missing: give a position, or mark it not-addressed or not-reported`,
      });
  }
  for (const issue of known.issues) {
    if (!issues.has(issue))
      problems.push({
        path: ['terms'],
        message: `issue "${issue}" is missing: give a position, or mark it not-addressed or not-reported`,
      });
  }
  return problems;
}
