import type { Comparison, Interval } from '../domain/comparison.ts';
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

/** An interval's bounds, and its value when the bounds are equal. */
const interval = (i: Interval) => ({ value: i.low === i.high ? i.low : undefined, low: i.low, high: i.high });

type PushRow = (row: Partial<TidyRow> & Pick<TidyRow, 'section' | 'key' | 'label' | 'scenario'>) => void;

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
  const ids = comparison.scenarios.map((s) => s.id);

  for (const s of comparison.scenarios) {
    push({
      section: 'scenario',
      key: 'title',
      label: 'Title',
      scenario: s.id,
      value: s.title,
      sources: s.sources.join(' '),
    });
    push({
      section: 'scenario',
      key: 'proposers',
      label: 'Proposed by',
      scenario: s.id,
      value: s.proposers.join('; '),
    });
    push({ section: 'scenario', key: 'date', label: 'Date', scenario: s.id, value: s.date });
    push({ section: 'scenario', key: 'status', label: 'Status', scenario: s.id, value: s.status });
    push({ section: 'scenario', key: 'venue', label: 'Venue', scenario: s.id, value: s.venue });
    push({ section: 'scenario', key: 'summary', label: 'Summary', scenario: s.id, value: s.summary });
    if (s.supersedes)
      push({
        section: 'scenario',
        key: 'supersedes',
        label: 'Supersedes',
        scenario: s.id,
        value: s.supersedes,
      });
    (s.corrections ?? []).forEach((correction, i) => {
      push({
        section: 'correction',
        key: `correction.${i + 1}`,
        label: `Correction of ${correction.date}`,
        scenario: s.id,
        value: `${correction.change} Why: ${correction.reason}`,
        sources: correction.sources?.join(' '),
      });
    });
  }

  for (const row of comparison.territory.regions) {
    const base = row.baseline;
    push({
      section: 'territory',
      key: `${row.region}.areaKm2`,
      label: `${row.name}: area`,
      scenario: 'baseline',
      value: row.areaKm2,
      unit: 'km2',
    });
    push({
      section: 'territory',
      key: `${row.region}.russianShare`,
      label: `${row.name}: share under Russian control`,
      scenario: 'baseline',
      value: base.russianShare,
      low: base.russianShare,
      high: base.russianShare,
      unit: 'share',
      sources: base.sources.join(' '),
    });
    push({
      section: 'territory',
      key: `${row.region}.russianKm2`,
      label: `${row.name}: km² under Russian control`,
      scenario: 'baseline',
      value: base.russianKm2,
      low: base.russianKm2,
      high: base.russianKm2,
      unit: 'km2',
      sources: base.sources.join(' '),
    });
    for (const id of ids) {
      const o = row.scenarios[id];
      if (!o) continue;
      const sources = o.sources.join(' ');
      push({
        section: 'territory',
        key: `${row.region}.outcome`,
        label: `${row.name}: outcome`,
        scenario: id,
        value: o.outcome,
        sources,
      });
      push({
        section: 'territory',
        key: `${row.region}.legalStatus`,
        label: `${row.name}: legal status`,
        scenario: id,
        value: o.legalStatus,
        sources,
      });
      push({
        section: 'territory',
        key: `${row.region}.quantified`,
        label: `${row.name}: share given by a source`,
        scenario: id,
        value: o.quantified,
        sources,
      });
      push({
        section: 'territory',
        key: `${row.region}.russianShare`,
        label: `${row.name}: share under Russian control`,
        scenario: id,
        ...interval(o.russianShare),
        unit: 'share',
        sources,
      });
      push({
        section: 'territory',
        key: `${row.region}.russianKm2`,
        label: `${row.name}: km² under Russian control`,
        scenario: id,
        ...interval(o.russianKm2),
        unit: 'km2',
        sources,
      });
      push({
        section: 'territory',
        key: `${row.region}.changeKm2`,
        label: `${row.name}: change against baseline`,
        scenario: id,
        ...interval(o.changeKm2),
        unit: 'km2',
        sources,
      });
      if (o.note)
        push({
          section: 'territory',
          key: `${row.region}.note`,
          label: `${row.name}: note`,
          scenario: id,
          value: o.note,
          sources,
        });
    }
  }

  const totals = comparison.territory.totals;
  push({
    section: 'totals',
    key: 'russianKm2',
    label: 'Total km² under Russian control',
    scenario: 'baseline',
    value: totals.baseline.russianKm2,
    low: totals.baseline.russianKm2,
    high: totals.baseline.russianKm2,
    unit: 'km2',
  });
  push({
    section: 'totals',
    key: 'shareOfUkraine',
    label: 'Share of Ukraine under Russian control',
    scenario: 'baseline',
    value: totals.baseline.shareOfUkraine,
    low: totals.baseline.shareOfUkraine,
    high: totals.baseline.shareOfUkraine,
    unit: 'share',
  });
  for (const id of ids) {
    const t = totals[id];
    if (!t) continue;
    push({
      section: 'totals',
      key: 'russianKm2',
      label: 'Total km² under Russian control',
      scenario: id,
      ...interval(t.russianKm2),
      unit: 'km2',
    });
    push({
      section: 'totals',
      key: 'changeKm2',
      label: 'Total change against baseline',
      scenario: id,
      ...interval(t.changeKm2),
      unit: 'km2',
    });
    push({
      section: 'totals',
      key: 'shareOfUkraine',
      label: 'Share of Ukraine under Russian control',
      scenario: id,
      ...interval(t.shareOfUkraine),
      unit: 'share',
    });
    push({
      section: 'totals',
      key: 'unquantified',
      label: 'Regions whose share is only bounded',
      scenario: id,
      value: t.unquantified.join('; '),
    });
    push({
      section: 'totals',
      key: 'notAddressed',
      label: 'Regions not addressed (counted at the baseline share unless bounded)',
      scenario: id,
      value: t.notAddressed.join('; '),
    });
    push({
      section: 'totals',
      key: 'notReported',
      label: 'Regions not reported (counted at the baseline share unless bounded)',
      scenario: id,
      value: t.notReported.join('; '),
    });
  }

  for (const issue of comparison.issues) {
    for (const id of ids) {
      const p = issue.positions[id];
      if (!p) continue;
      const sources = p.sources.join(' ');
      push({
        section: 'issue',
        key: `${issue.issue}.position`,
        label: issue.label,
        scenario: id,
        value: p.position,
        sources,
      });
      push({
        section: 'issue',
        key: `${issue.issue}.detail`,
        label: issue.label,
        scenario: id,
        value: p.detail,
        sources,
      });
      if (p.value)
        push({
          section: 'issue',
          key: `${issue.issue}.value`,
          label: issue.label,
          scenario: id,
          value: p.value.amount,
          unit: p.value.unit,
          sources,
        });
      push({
        section: 'issue',
        key: `${issue.issue}.differs`,
        label: issue.label,
        scenario: id,
        value: issue.differs,
      });
    }
  }

  for (const row of comparison.stances) {
    for (const id of ids) {
      const s = row.positions[id];
      if (!s) continue;
      // The quote's words, its kind and language are separate columns' worth of rows: no row adds
      // quotation marks, so a paraphrase never appears quoted.
      const fields = {
        stance: s.stance,
        quote: s.quote?.text,
        quoteKind: s.quote?.kind,
        quoteLanguage: s.quote?.language,
        speaker: s.speaker,
        date: s.date,
        note: s.note,
      };
      for (const [field, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        push({
          section: 'stance',
          key: `${row.party}.${field}`,
          label: row.name,
          scenario: id,
          value,
          sources: s.sources.join(' '),
        });
      }
    }
  }

  for (const pair of comparison.pairwise) {
    const scenario = `${pair.a} vs ${pair.b}`;
    push({
      section: 'pairwise',
      key: 'territoryGapKm2',
      label: 'Territory gap (Σ area × |midpoint share difference|)',
      scenario,
      value: pair.territoryGapKm2,
      unit: 'km2',
    });
    push({
      section: 'pairwise',
      key: 'differingIssues',
      label: 'Issues on which they differ',
      scenario,
      value: pair.differingIssues.join('; '),
    });
  }

  pushSources(push, comparison.sources);
  return rows;
}

/** A party's timeline as one tidy table: its positions, then one row per typed change. */
export function timelineRows(timeline: Timeline): TidyRow[] {
  const { rows, push: row } = tidyRows();
  for (const p of timeline.positions) {
    row({
      section: 'position',
      key: 'title',
      label: 'Title',
      scenario: p.id,
      value: p.title,
      sources: p.sources.join(' '),
    });
    row({ section: 'position', key: 'date', label: 'Date', scenario: p.id, value: p.date });
    row({ section: 'position', key: 'status', label: 'Status', scenario: p.id, value: p.status });
    if (p.supersedes)
      row({
        section: 'position',
        key: 'supersedes',
        label: 'Supersedes',
        scenario: p.id,
        value: p.supersedes,
      });
  }
  for (const step of timeline.steps) {
    const scenario = `${step.from} -> ${step.to}`;
    row({
      section: 'step',
      key: 'totalRussianKm2Delta',
      label: 'Total change in km² under Russian control',
      scenario,
      ...interval(step.totalRussianKm2Delta),
      unit: 'km2',
    });
    for (const change of step.changes) {
      const key = change.subject === 'region' ? `region.${change.region}` : `issue.${change.issue}`;
      row({
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
  pushSources(row, timeline.sources);
  return rows;
}
