import { resolveSources, scenarioSourceIds } from './citations.ts';
import {
  type ComparisonReference,
  NOT_ADDRESSED,
  resolveShare,
  toSummary,
  withoutShares,
} from './compare.ts';
import type { Interval } from './comparison.ts';
import { byDateThenId } from './primitives.ts';
import type { Baseline, Party, Region } from './reference.ts';
import { DROPPED, type IssueTerm, isSilence, type Scenario, type TerritoryTerm } from './scenario.ts';
import type { Change, IssueState, RegionState, Timeline, TimelineStep } from './timeline.ts';

type RegionChangeDirection = Extract<Change, { subject: 'region'; kind: 'changed' }>['direction'];

const sameInterval = (a: Interval, b: Interval) => a.low === b.low && a.high === b.high;

function regionState(term: TerritoryTerm | undefined, region: Region, baseShare: number): RegionState {
  const russianShare = resolveShare(term?.russianShare, baseShare);
  return {
    addressed: term !== undefined && !isSilence(term.outcome),
    outcome: term?.outcome ?? NOT_ADDRESSED,
    legalStatus: term?.legalStatus ?? 'unspecified',
    quantified: term?.quantified ?? true,
    russianShare,
    russianKm2: { low: russianShare.low * region.areaKm2, high: russianShare.high * region.areaKm2 },
  };
}

const silentIssue: IssueState = { position: NOT_ADDRESSED, detail: 'Not listed by this position.' };
const issueState = (term: IssueTerm | undefined): IssueState =>
  term
    ? { position: term.position, detail: term.detail, ...(term.value && { value: term.value }) }
    : silentIssue;

function direction(delta: Interval): RegionChangeDirection {
  if (delta.low === 0 && delta.high === 0) return 'unchanged';
  if (delta.low >= 0 && delta.high >= 0) return 'more-under-russian-control';
  if (delta.low <= 0 && delta.high <= 0) return 'less-under-russian-control';
  return 'mixed';
}

/** Whether a region term takes a position (not silent, not left out). */
const regionTakesPosition = (term: TerritoryTerm | undefined): boolean =>
  term !== undefined && !isSilence(term.outcome);
/** Whether an issue term takes a position (not silent, not left out, not dropped). */
const issueTakesPosition = (term: IssueTerm | undefined): boolean =>
  term !== undefined && !isSilence(term.position) && term.position !== DROPPED;

/**
 * The typed changes from one position to the next, regions first (in reference order), then
 * issues. A later position that is silent on an earlier term is `not-restated`, never `removed`:
 * `removed` is kept for an issue a source says was dropped (position "dropped").
 */
export function diffPositions(
  earlier: Scenario,
  later: Scenario,
  baseline: Baseline,
  reference: Pick<ComparisonReference, 'regions' | 'issues'>,
): Change[] {
  const changes: Change[] = [];
  const baseShares = new Map(baseline.shares.map((s) => [s.region, s.russianShare]));
  for (const region of reference.regions) {
    const before = earlier.territory.find((t) => t.region === region.id);
    const after = later.territory.find((t) => t.region === region.id);
    const baseShare = baseShares.get(region.id) ?? 0;
    const from = regionState(before, region, baseShare);
    const to = regionState(after, region, baseShare);
    const common = { subject: 'region' as const, region: region.id, label: region.name };
    if (!after || !regionTakesPosition(after)) {
      if (regionTakesPosition(before))
        changes.push({ kind: 'not-restated', ...common, from, to, sources: after?.sources ?? [] });
      continue;
    }
    // Interval subtraction: the change lies between (later low − earlier high) and (later high − earlier low).
    const russianKm2Delta = sameInterval(from.russianShare, to.russianShare)
      ? { low: 0, high: 0 }
      : { low: to.russianKm2.low - from.russianKm2.high, high: to.russianKm2.high - from.russianKm2.low };
    const delta = { russianKm2Delta, direction: direction(russianKm2Delta) };
    if (!regionTakesPosition(before)) {
      changes.push({ kind: 'added', ...common, ...delta, to, sources: after.sources });
    } else if (
      from.outcome !== to.outcome ||
      from.legalStatus !== to.legalStatus ||
      !sameInterval(from.russianShare, to.russianShare)
    ) {
      changes.push({ kind: 'changed', ...common, ...delta, from, to, sources: after.sources });
    }
  }
  for (const issue of reference.issues) {
    const before = earlier.terms.find((t) => t.issue === issue.id);
    const after = later.terms.find((t) => t.issue === issue.id);
    const common = { subject: 'issue' as const, issue: issue.id, label: issue.label };
    const from = issueState(before);
    const to = issueState(after);
    if (!before || !issueTakesPosition(before)) {
      if (after && issueTakesPosition(after))
        changes.push({ kind: 'added', ...common, to, sources: after.sources });
    } else if (after?.position === DROPPED) {
      changes.push({ kind: 'removed', ...common, from, to, sources: after.sources });
    } else if (!after || !issueTakesPosition(after)) {
      changes.push({ kind: 'not-restated', ...common, from, to, sources: after?.sources ?? [] });
    } else if (
      before.position !== after.position ||
      before.value?.amount !== after.value?.amount ||
      before.value?.unit !== after.value?.unit
    ) {
      changes.push({ kind: 'changed', ...common, from, to, sources: after.sources });
    }
  }
  return changes;
}

/** The scenarios a party proposed, oldest first (then by id). */
export function positionsOf(party: Pick<Party, 'id'>, scenarios: readonly Scenario[]): Scenario[] {
  return scenarios.filter((s) => s.proposers.includes(party.id)).sort(byDateThenId);
}

/**
 * A party's positions in date order and, between each consecutive pair, what changed: per region
 * (outcome, share interval, km²) and per issue (old → new), as typed changes with sources. Pure.
 */
export function buildTimeline(
  party: Party,
  scenarios: readonly Scenario[],
  baseline: Baseline,
  reference: ComparisonReference,
): Timeline {
  const positions = positionsOf(party, scenarios);
  const steps: TimelineStep[] = [];
  for (let i = 1; i < positions.length; i++) {
    const earlier = positions[i - 1] as Scenario;
    const later = positions[i] as Scenario;
    const changes = diffPositions(earlier, later, baseline, reference);
    const totalRussianKm2Delta = { low: 0, high: 0 };
    for (const change of changes) {
      if (change.subject !== 'region' || change.kind === 'not-restated') continue;
      totalRussianKm2Delta.low += change.russianKm2Delta.low;
      totalRussianKm2Delta.high += change.russianKm2Delta.high;
    }
    steps.push({
      from: earlier.id,
      to: later.id,
      fromDate: earlier.date,
      toDate: later.date,
      totalRussianKm2Delta,
      changes,
    });
  }
  return {
    datasetVersion: reference.datasetVersion,
    party,
    baseline: withoutShares(baseline),
    positions: positions.map(toSummary),
    steps,
    sources: resolveSources(positions.flatMap(scenarioSourceIds), reference.sourcesById),
  };
}
