import { isSilence } from '../domain/scenario.ts';
import type { Change, IssueState, RegionState } from '../domain/timeline.ts';
import { formatShare } from './share-text.ts';

/** "not-reported" → "not reported". */
const silenceText = (code: string) => code.replace('-', ' ');

function regionText(state: RegionState): string {
  return state.addressed
    ? `${state.outcome} (${state.legalStatus}), ${formatShare(state.russianShare)} under Russian control`
    : silenceText(state.outcome);
}

function issueText(state: IssueState): string {
  if (isSilence(state.position)) return silenceText(state.position);
  return `${state.position}${state.value ? ` (${state.value.amount} ${state.value.unit})` : ''}`;
}

/** A one-line, neutral description of a change, e.g. "changed: frozen-at-line … → under-russian-control …". */
export function describeChange(change: Change): string {
  const text = (state: RegionState | IssueState) =>
    change.subject === 'region' ? regionText(state as RegionState) : issueText(state as IssueState);
  switch (change.kind) {
    case 'added':
      return `added: ${text(change.to)}`;
    case 'removed':
      return `removed (a source says it was dropped): was ${text(change.from)}`;
    case 'changed':
      return `changed: ${text(change.from)} → ${text(change.to)}`;
    case 'not-restated':
      return `not restated: was ${text(change.from)}; the later position is silent on it (${text(change.to)})`;
  }
}
