import type {
  ComparedStance,
  Comparison,
  Interval,
  IssuePosition,
  Pair,
  RegionOutcome,
  ScenarioSummary,
  ScenarioTotal,
  TerritoryRow,
} from '../domain/comparison.ts';
import type { Source } from '../domain/reference.ts';
import type { Timeline } from '../domain/timeline.ts';
import { describeChange } from './change-text.ts';

/** The columns of a tidy table, in order. */
export const TIDY_COLUMNS = [
  'section',
  'key',
  'label',
  'scenario',
  'value',
  'low',
  'high',
  'unit',
  'sources',
] as const;

/** One tidy row: a measure of one scenario (or of the baseline). */
export type TidyRow = Record<(typeof TIDY_COLUMNS)[number], string | number | boolean | undefined>;

type Cell = TidyRow[keyof TidyRow];

/** What a measure reads: one value, or an interval. */
type Reading = Cell | Interval;

/**
 * One row of a measure table: its key, its label, how to read it and its unit. A measure that
 * reads `undefined` gives no row.
 */
type Measure<T> = readonly [key: string, label: string, pick: (from: T) => Reading, unit?: string];

/** A measure whose label is the row's name (an issue's, a party's), so the table gives none. */
type Field<T> = readonly [key: string, pick: (from: T) => Reading, unit?: (from: T) => string | undefined];

type PushRow = (row: Partial<TidyRow> & Pick<TidyRow, 'section' | 'key' | 'label' | 'scenario'>) => void;

/** Where a table's rows go: their section and scenario, and how a measure's key and label are shown. */
interface RowFrame {
  section: string;
  scenario: string;
  /** The row's key from the measure's key; the measure's key alone when omitted. */
  key?: (key: string) => string;
  /** The row's label from the measure's label; the measure's label alone when omitted. */
  label?: (label: string) => string;
  sources?: readonly string[];
}

/** A reading's columns: an interval's bounds, and its value when the bounds are equal. */
function readingColumns(reading: Reading): Pick<TidyRow, 'value' | 'low' | 'high'> {
  if (typeof reading !== 'object') return { value: reading, low: undefined, high: undefined };
  return {
    value: reading.low === reading.high ? reading.low : undefined,
    low: reading.low,
    high: reading.high,
  };
}

/** A single number as an interval, so that a baseline's rows carry the same columns as a scenario's. */
const exactly = (value: number): Interval => ({ low: value, high: value });

/** A list of tidy rows and a push that fills the columns a row leaves out. */
function tidyRows(): { rows: TidyRow[]; push: PushRow } {
  const rows: TidyRow[] = [];
  const push: PushRow = (row) => {
    rows.push({
      value: undefined,
      low: undefined,
      high: undefined,
      unit: undefined,
      sources: undefined,
      ...row,
    });
  };
  return { rows, push };
}

/** One row per measure of a table, read from `from`. */
function pushMeasures<T>(push: PushRow, measures: readonly Measure<T>[], from: T, frame: RowFrame): void {
  for (const [key, label, pick, unit] of measures) {
    const reading = pick(from);
    if (reading === undefined) continue;
    push({
      section: frame.section,
      key: frame.key ? frame.key(key) : key,
      label: frame.label ? frame.label(label) : label,
      scenario: frame.scenario,
      ...readingColumns(reading),
      unit,
      sources: frame.sources?.join(' '),
    });
  }
}

/** One row per field of a table, each with the label given (the row's name). */
function pushFields<T>(
  push: PushRow,
  fields: readonly Field<T>[],
  from: T,
  { label, ...frame }: Omit<RowFrame, 'label'> & { label: string },
): void {
  const measures = fields.map(([key, pick, unit]): Measure<T> => [key, label, pick, unit?.(from)]);
  pushMeasures(push, measures, from, frame);
}

/** A scenario's (or a timeline position's) description; its title row carries its sources. */
const SUMMARY_MEASURES: readonly Measure<ScenarioSummary>[] = [
  ['proposers', 'Proposed by', (scenario) => scenario.proposers.join('; ')],
  ['date', 'Date', (scenario) => scenario.date],
  ['status', 'Status', (scenario) => scenario.status],
  ['venue', 'Venue', (scenario) => scenario.venue],
  ['summary', 'Summary', (scenario) => scenario.summary],
  ['supersedes', 'Supersedes', (scenario) => scenario.supersedes],
];

/** A timeline's position rows: when, how far it got and what it replaces (the party is the timeline's own). */
const TIMELINE_SUMMARY_KEYS: ReadonlySet<string> = new Set(['date', 'status', 'supersedes']);
const TIMELINE_SUMMARY_MEASURES = SUMMARY_MEASURES.filter(([key]) => TIMELINE_SUMMARY_KEYS.has(key));

/** The scenario-summary rows: the title with the scenario's sources, then the measures given. */
function pushScenarioSummary(
  push: PushRow,
  section: string,
  scenario: ScenarioSummary,
  measures: readonly Measure<ScenarioSummary>[],
): void {
  pushMeasures(push, [['title', 'Title', () => scenario.title]], scenario, {
    section,
    scenario: scenario.id,
    sources: scenario.sources,
  });
  pushMeasures(push, measures, scenario, { section, scenario: scenario.id });
}

const SHARE_LABEL = 'share under Russian control';
const KM2_LABEL = 'km² under Russian control';

/** A region's baseline control, with the baseline's sources (its area is pushed without). */
const REGION_BASELINE_MEASURES: readonly Measure<TerritoryRow['baseline']>[] = [
  ['russianShare', SHARE_LABEL, (baseline) => exactly(baseline.russianShare), 'share'],
  ['russianKm2', KM2_LABEL, (baseline) => exactly(baseline.russianKm2), 'km2'],
];

/** What a scenario does to a region, with the sources of its term. */
const REGION_MEASURES: readonly Measure<RegionOutcome>[] = [
  ['outcome', 'outcome', (outcome) => outcome.outcome],
  ['legalStatus', 'legal status', (outcome) => outcome.legalStatus],
  ['quantified', 'share given by a source', (outcome) => outcome.quantified],
  ['russianShare', SHARE_LABEL, (outcome) => outcome.russianShare, 'share'],
  ['russianKm2', KM2_LABEL, (outcome) => outcome.russianKm2, 'km2'],
  ['changeKm2', 'change against baseline', (outcome) => outcome.changeKm2, 'km2'],
  // An empty note is no note.
  ['note', 'note', (outcome) => outcome.note || undefined],
];

const TOTAL_KM2_LABEL = 'Total km² under Russian control';
const TOTAL_SHARE_LABEL = 'Share of Ukraine under Russian control';

const BASELINE_TOTAL_MEASURES: readonly Measure<Comparison['territory']['totals']['baseline']>[] = [
  ['russianKm2', TOTAL_KM2_LABEL, (total) => exactly(total.russianKm2), 'km2'],
  ['shareOfUkraine', TOTAL_SHARE_LABEL, (total) => exactly(total.shareOfUkraine), 'share'],
];

const TOTAL_MEASURES: readonly Measure<ScenarioTotal>[] = [
  ['russianKm2', TOTAL_KM2_LABEL, (total) => total.russianKm2, 'km2'],
  ['changeKm2', 'Total change against baseline', (total) => total.changeKm2, 'km2'],
  ['shareOfUkraine', TOTAL_SHARE_LABEL, (total) => total.shareOfUkraine, 'share'],
  ['unquantified', 'Regions whose share is only bounded', (total) => total.unquantified.join('; ')],
  [
    'notAddressed',
    'Regions not addressed (counted at the baseline share unless bounded)',
    (total) => total.notAddressed.join('; '),
  ],
  [
    'notReported',
    'Regions not reported (counted at the baseline share unless bounded)',
    (total) => total.notReported.join('; '),
  ],
];

/** A scenario's position on an issue, with its sources (whether the scenarios differ is pushed after, without). */
const ISSUE_FIELDS: readonly Field<IssuePosition>[] = [
  ['position', (position) => position.position],
  ['detail', (position) => position.detail],
  ['value', (position) => position.value?.amount, (position) => position.value?.unit],
];

// The quote's words, its kind and language are separate rows: no row adds quotation marks, so a
// paraphrase never appears quoted.
const STANCE_FIELDS: readonly Field<ComparedStance>[] = [
  ['stance', (stance) => stance.stance],
  ['quote', (stance) => stance.quote?.text],
  ['quoteKind', (stance) => stance.quote?.kind],
  ['quoteLanguage', (stance) => stance.quote?.language],
  ['speaker', (stance) => stance.speaker],
  ['date', (stance) => stance.date],
  ['note', (stance) => stance.note],
];

const PAIR_MEASURES: readonly Measure<Pair>[] = [
  [
    'territoryGapKm2',
    'Territory gap (Σ area × |midpoint share difference|)',
    (pair) => pair.territoryGapKm2,
    'km2',
  ],
  ['differingIssues', 'Issues on which they differ', (pair) => pair.differingIssues.join('; ')],
];

/** One row per cited source: id, title, and publisher, date and address as the value. */
function pushSources(push: PushRow, sources: readonly Source[]): void {
  for (const source of sources) {
    push({
      section: 'source',
      key: source.id,
      label: source.title,
      scenario: '',
      value: `${source.publisher}, ${source.date}${source.url ? `, ${source.url}` : ''}`,
    });
  }
}

/** Flattens a comparison into tidy rows: one per scenario × measure. */
export function comparisonRows(comparison: Comparison): TidyRow[] {
  const { rows, push } = tidyRows();
  const ids = comparison.scenarios.map((scenario) => scenario.id);

  for (const scenario of comparison.scenarios) {
    pushScenarioSummary(push, 'scenario', scenario, SUMMARY_MEASURES);
    (scenario.corrections ?? []).forEach((correction, i) => {
      push({
        section: 'correction',
        key: `correction.${i + 1}`,
        label: `Correction of ${correction.date}`,
        scenario: scenario.id,
        value: `${correction.change} Why: ${correction.reason}`,
        sources: correction.sources?.join(' '),
      });
    });
  }

  for (const row of comparison.territory.regions) {
    const regionFrame = {
      section: 'territory',
      key: (key: string) => `${row.region}.${key}`,
      label: (label: string) => `${row.name}: ${label}`,
    };
    push({
      section: 'territory',
      key: `${row.region}.areaKm2`,
      label: `${row.name}: area`,
      scenario: 'baseline',
      value: row.areaKm2,
      unit: 'km2',
    });
    pushMeasures(push, REGION_BASELINE_MEASURES, row.baseline, {
      ...regionFrame,
      scenario: 'baseline',
      sources: row.baseline.sources,
    });
    for (const id of ids) {
      const outcome = row.scenarios[id];
      if (!outcome) continue;
      pushMeasures(push, REGION_MEASURES, outcome, {
        ...regionFrame,
        scenario: id,
        sources: outcome.sources,
      });
    }
  }

  const totals = comparison.territory.totals;
  pushMeasures(push, BASELINE_TOTAL_MEASURES, totals.baseline, { section: 'totals', scenario: 'baseline' });
  for (const id of ids) {
    const total = totals[id];
    if (!total) continue;
    pushMeasures(push, TOTAL_MEASURES, total, { section: 'totals', scenario: id });
  }

  for (const issue of comparison.issues) {
    for (const id of ids) {
      const position = issue.positions[id];
      if (!position) continue;
      const issueFrame = {
        section: 'issue',
        scenario: id,
        key: (key: string) => `${issue.issue}.${key}`,
        label: issue.label,
      };
      pushFields(push, ISSUE_FIELDS, position, { ...issueFrame, sources: position.sources });
      pushFields(push, [['differs', () => issue.differs]], position, issueFrame);
    }
  }

  for (const row of comparison.stances) {
    for (const id of ids) {
      const stance = row.positions[id];
      if (!stance) continue;
      pushFields(push, STANCE_FIELDS, stance, {
        section: 'stance',
        scenario: id,
        key: (key) => `${row.party}.${key}`,
        label: row.name,
        sources: stance.sources,
      });
    }
  }

  for (const pair of comparison.pairwise) {
    pushMeasures(push, PAIR_MEASURES, pair, { section: 'pairwise', scenario: `${pair.a} vs ${pair.b}` });
  }

  pushSources(push, comparison.sources);
  return rows;
}

/** A party's timeline as one tidy table: its positions, then one row per typed change. */
export function timelineRows(timeline: Timeline): TidyRow[] {
  const { rows, push } = tidyRows();
  for (const position of timeline.positions) {
    pushScenarioSummary(push, 'position', position, TIMELINE_SUMMARY_MEASURES);
  }
  for (const step of timeline.steps) {
    const scenario = `${step.from} -> ${step.to}`;
    push({
      section: 'step',
      key: 'totalRussianKm2Delta',
      label: 'Total change in km² under Russian control',
      scenario,
      ...readingColumns(step.totalRussianKm2Delta),
      unit: 'km2',
    });
    for (const change of step.changes) {
      const key = change.subject === 'region' ? `region.${change.region}` : `issue.${change.issue}`;
      push({
        section: 'change',
        key: `${key}.${change.kind}`,
        label: change.label,
        scenario,
        value: describeChange(change),
        ...('russianKm2Delta' in change && {
          low: change.russianKm2Delta.low,
          high: change.russianKm2Delta.high,
          unit: 'km2',
        }),
        sources: change.sources.join(' '),
      });
    }
  }
  pushSources(push, timeline.sources);
  return rows;
}
