import type { Interval } from '../domain/comparison.ts';
import type { Change, IssueState, RegionState } from '../domain/timeline.ts';

const percent = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
const shareText = (i: Interval) =>
  i.low === i.high ? percent(i.low) : `${percent(i.low)}–${percent(i.high)}`;

function regionText(state: RegionState): string {
  return state.addressed
    ? `${state.outcome} (${state.legalStatus}), ${shareText(state.russianShare)} under Russian control`
    : 'not addressed (baseline)';
}

function issueText(state: IssueState): string {
  return `${state.position}${state.value ? ` (${state.value.amount} ${state.value.unit})` : ''}`;
}

/** A one-line, neutral description of a change, e.g. "changed: frozen-at-line … → ceded-to-russia …". */
export function describeChange(change: Change): string {
  const text = (state: RegionState | IssueState) =>
    change.subject === 'region' ? regionText(state as RegionState) : issueText(state as IssueState);
  switch (change.kind) {
    case 'added':
      return `added: ${text(change.to)}`;
    case 'removed':
      return `removed: was ${text(change.from)}`;
    case 'changed':
      return `changed: ${text(change.from)} → ${text(change.to)}`;
  }
}
