import type { Catalog } from '../domain/catalog.ts';
import type {
  ComparedStance,
  Comparison,
  IssuePosition,
  RegionOutcome,
  ScenarioSummary,
  ScenarioTotal,
  TerritoryRow,
} from '../domain/comparison.ts';
import type { Source } from '../domain/reference.ts';
import { isSilence, type Quote } from '../domain/scenario.ts';
import { quoteKindText } from '../formats/quote-text.ts';
import {
  formatChange,
  formatDate,
  formatKm2,
  formatNumber,
  formatShare,
  humanize,
  humanizeLower,
  joinNames,
  truncate,
} from './format.ts';
import { proposerNames } from './index-page.tsx';
import { Layout, SITE_NAME, toDocument } from './layout.tsx';
import { BarChart, type BarRow, ChartLegend, niceScale, scaleTicks } from './territory-chart.tsx';
import { WhatIfStartLink } from './what-if/start-link.tsx';

/** The comparison's query string, for links that show or download exactly this comparison. */
export function comparisonQuery(comparison: Comparison): string {
  return `scenarios=${comparison.scenarios.map((s) => s.id).join(',')}&baseline=${comparison.baseline.id}`;
}

interface Ctx {
  comparison: Comparison;
  catalog: Catalog;
  /** Source id → its number in the Sources list. */
  sourceNumbers: ReadonlyMap<string, { n: number; source: Source }>;
}

/** "Sources: [3] [7]": links to the numbered entries of the Sources list. */
const Refs = ({ ids, ctx }: { ids: readonly string[]; ctx: Ctx }) => {
  const refs = ids.flatMap((id) => {
    const entry = ctx.sourceNumbers.get(id);
    return entry ? [{ id, ...entry }] : [];
  });
  if (refs.length === 0) return null;
  return (
    <p class="refs">
      Sources:{' '}
      {refs.map(({ id, n, source }) => (
        <>
          <a
            href={`#source-${id}`}
            title={`${source.publisher}: ${source.title}`}
            aria-label={`Source ${n}: ${source.publisher}, ${formatDate(source.date)}`}
          >
            [{n}]
          </a>{' '}
        </>
      ))}
    </p>
  );
};

const Key = ({ n }: { n: number }) => (
  <span class="key" aria-hidden="true">
    {n}
  </span>
);

/** A column header naming a scenario with its number. */
const ScenarioHeader = ({ scenario, n }: { scenario: ScenarioSummary; n: number }) => (
  <th scope="col">
    <Key n={n} />
    <a href={`#scenario-${scenario.id}`}>{scenario.title}</a>
  </th>
);

const ScenarioCard = ({ scenario, n, ctx }: { scenario: ScenarioSummary; n: number; ctx: Ctx }) => {
  const supersedes = scenario.supersedes ? ctx.catalog.scenariosById.get(scenario.supersedes) : undefined;
  return (
    <li id={`scenario-${scenario.id}`}>
      <h3>
        <Key n={n} />
        {scenario.title}
      </h3>
      <p class="meta">
        Proposed by <strong>{proposerNames(ctx.catalog, scenario.proposers)}</strong> ·{' '}
        <time datetime={scenario.date}>{formatDate(scenario.date)}</time> · {scenario.venue} ·{' '}
        {humanize(scenario.status)}
      </p>
      {supersedes && (
        <p class="meta">
          Replaces: {supersedes.title} ({formatDate(supersedes.date)})
        </p>
      )}
      <details>
        <summary>Summary</summary>
        <p>{scenario.summary}</p>
        <Refs ids={scenario.sources} ctx={ctx} />
      </details>
      <WhatIfStartLink scenarioId={scenario.id} />
      {scenario.corrections && scenario.corrections.length > 0 && (
        <details class="corrections">
          <summary>
            Corrected {scenario.corrections.length === 1 ? 'once' : `${scenario.corrections.length} times`},
            last on {formatDate(scenario.corrections.at(-1)?.date ?? '')}
          </summary>
          <ul>
            {scenario.corrections.map((c) => (
              <li>
                <time datetime={c.date}>{formatDate(c.date)}</time>: {c.change}{' '}
                <span class="meta">Why: {c.reason}</span>
                {c.sources && <Refs ids={c.sources} ctx={ctx} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
};

/** A bar's label: the scenario's number and title, shortened to fit a wide screen or a phone. */
const barLabel = (s: ScenarioSummary, i: number, wide: number) => ({
  wide: `${i + 1} · ${truncate(s.title, wide)}`,
  narrow: `${i + 1} · ${truncate(s.title, 44)}`,
});

/** The total and per-region charts, the notes on the baseline and the numbers as a table. */
const Territory = ({ ctx }: { ctx: Ctx }) => {
  const { comparison } = ctx;
  const { baseline, scenarios } = comparison;
  const totals = comparison.territory.totals;
  const scenarioTotal = (id: string) => totals[id] as ScenarioTotal;

  // A region is charted when some scenario takes a position on it or bounds its share.
  const addressed = comparison.territory.regions.filter((row) =>
    scenarios.some((s) => {
      const o = row.scenarios[s.id] as RegionOutcome;
      return o.addressed || o.changeKm2.low !== 0 || o.changeKm2.high !== 0;
    }),
  );
  const untouched = comparison.territory.regions.filter((row) => !addressed.includes(row));
  const unquantifiedNames = (ids: readonly string[]) =>
    joinNames(ids.map((id) => comparison.territory.regions.find((r) => r.region === id)?.name ?? id));

  const baseTotal = totals.baseline.russianKm2;
  const scale = niceScale(
    Math.max(baseTotal, ...scenarios.map((s) => scenarioTotal(s.id).russianKm2.high)) * 1.02,
  );
  const totalRows: BarRow[] = scenarios.map((s, i) => {
    const t = scenarioTotal(s.id);
    return {
      label: barLabel(s, i, 80),
      description: `${s.title}: ${formatKm2(t.russianKm2)} under Russian control (${formatShare(t.shareOfUkraine)} of Ukraine), ${formatChange(t.changeKm2)} against the baseline${t.unquantified.length > 0 ? `; not quantified in ${unquantifiedNames(t.unquantified)}` : ''}.`,
      interval: t.russianKm2,
      value: {
        wide: `${formatKm2(t.russianKm2)} · ${formatShare(t.shareOfUkraine)} of Ukraine (${formatChange(t.changeKm2)})${t.unquantified.length > 0 ? ' *' : ''}`,
        narrow: `${formatKm2(t.russianKm2)} (${formatChange(t.changeKm2)})${t.unquantified.length > 0 ? ' *' : ''}`,
      },
    };
  });
  const anyUnquantified = scenarios.some((s) => scenarioTotal(s.id).unquantified.length > 0);
  const silences = scenarios
    .map((s, i) => ({ s, i, t: scenarioTotal(s.id) }))
    .filter(({ t }) => t.notAddressed.length > 0 || t.notReported.length > 0);

  return (
    <section aria-labelledby="territory">
      <h2 id="territory">Territory under Russian control</h2>
      <p>
        For each scenario, the km² of Ukraine under Russian control if it were carried out, against the
        baseline <strong>{baseline.title}</strong> (
        <time datetime={baseline.asOf}>{formatDate(baseline.asOf)}</time>
        ). Shares that a scenario leaves open (a freeze on the line, a region it is silent on) come from this
        baseline; change another baseline on the <a href={`/?${comparisonQuery(comparison)}`}>choice page</a>.
        Where a source gives no size, the share is an interval: the hatched part of a bar.
      </p>
      <details>
        <summary>How the baseline counts</summary>
        <p>{baseline.method}</p>
        {baseline.note && <p>{baseline.note}</p>}
        {baseline.reportedTotal && (
          <p>
            Reported total:{' '}
            {baseline.reportedTotal.russianKm2 !== undefined &&
              `${formatKm2(baseline.reportedTotal.russianKm2)}, `}
            {formatShare(baseline.reportedTotal.shareOfUkraine)} of Ukraine. {baseline.reportedTotal.note}
          </p>
        )}
        <Refs ids={baseline.sources} ctx={ctx} />
      </details>
      <ChartLegend baselineTitle={baseline.title} />
      <figure class="chart" id="chart-total">
        <figcaption>
          <strong>In total, over the {comparison.territory.regions.length} regions in the dataset</strong>
          <span class="meta">
            Baseline {formatKm2(baseTotal)} ({formatShare(totals.baseline.shareOfUkraine)} of Ukraine’s{' '}
            {formatKm2(comparison.ukraineAreaKm2)}).
          </span>
        </figcaption>
        <BarChart
          id="chart-total-svg"
          title={`Total km² under Russian control per scenario, against the baseline of ${formatKm2(baseTotal)}`}
          description={`Baseline ${baseline.title}: ${formatKm2(baseTotal)}. ${totalRows.map((r) => r.description).join(' ')}`}
          max={scale.max}
          baseline={baseTotal}
          baselineLabel={`Baseline ${formatKm2(baseTotal)}`}
          rows={totalRows}
          ticks={scaleTicks(scale.max, scale.step)}
        />
        {anyUnquantified && (
          <p class="hint">
            * Includes regions whose share no source gives, only bounds:{' '}
            {scenarios
              .map((s, i) => ({ s, i, t: scenarioTotal(s.id) }))
              .filter(({ t }) => t.unquantified.length > 0)
              .map(
                ({ s, i, t }) => `${i + 1} (${truncate(s.title, 40)}): ${unquantifiedNames(t.unquantified)}`,
              )
              .join('; ')}
            .
          </p>
        )}
        {silences.length > 0 && (
          <p class="hint">
            Counted at the baseline share (unless a scenario bounds it) where a scenario is silent —{' '}
            {silences
              .map(
                ({ s, i, t }) =>
                  `${i + 1} (${truncate(s.title, 40)}): ${[
                    t.notAddressed.length > 0 && `not addressed: ${unquantifiedNames(t.notAddressed)}`,
                    t.notReported.length > 0 && `not reported: ${unquantifiedNames(t.notReported)}`,
                  ]
                    .filter(Boolean)
                    .join('; ')}`,
              )
              .join(' · ')}
            .
          </p>
        )}
      </figure>
      <h3 class="sub">Per region</h3>
      <div class="charts">
        {addressed.map((row) => (
          <RegionChart row={row} ctx={ctx} />
        ))}
      </div>
      {untouched.length > 0 && (
        <p>
          {scenarios.length === 1 ? 'This scenario is' : 'All these scenarios are'} silent on the other
          regions (not addressed or not reported), so they count at the baseline:{' '}
          {untouched.map((row, i) => (
            <>
              {i > 0 && (i === untouched.length - 1 ? ' and ' : ', ')}
              {row.name} (<span class="num">{formatKm2(row.baseline.russianKm2)}</span>,{' '}
              {formatShare(row.baseline.russianShare)})
            </>
          ))}
          .
        </p>
      )}
      <NumbersTable ctx={ctx} />
    </section>
  );
};

const RegionChart = ({ row, ctx }: { row: TerritoryRow; ctx: Ctx }) => {
  const { scenarios } = ctx.comparison;
  const rows: BarRow[] = scenarios.map((s, i) => {
    const o = row.scenarios[s.id] as RegionOutcome;
    const what = o.addressed
      ? humanize(o.outcome)
      : `${humanize(o.outcome)}, counted at the baseline unless bounded`;
    return {
      label: barLabel(s, i, 60),
      description: `${s.title}: ${what}; ${formatKm2(o.russianKm2)} (${formatShare(o.russianShare)}) of ${row.name} under Russian control, ${formatChange(o.changeKm2)} against the baseline${o.quantified ? '' : '; not quantified by any source'}.`,
      interval: o.russianKm2,
      value: {
        wide: `${formatKm2(o.russianKm2)} · ${humanizeLower(o.outcome)} (${formatChange(o.changeKm2)})${o.quantified ? '' : ' *'}`,
        narrow: `${formatKm2(o.russianKm2)} (${formatChange(o.changeKm2)})${o.quantified ? '' : ' *'}`,
      },
    };
  });
  const unquantified = scenarios.filter((s) => !(row.scenarios[s.id] as RegionOutcome).quantified);
  const id = `chart-${row.region}`;
  return (
    <figure class="chart" id={id}>
      <figcaption>
        <strong>{row.name}</strong>
        <span class="meta">
          {formatKm2(row.areaKm2)} in all; baseline {formatKm2(row.baseline.russianKm2)} (
          {formatShare(row.baseline.russianShare)}, {row.baseline.basis}).
        </span>
      </figcaption>
      <BarChart
        id={`${id}-svg`}
        title={`${row.name}: km² under Russian control per scenario`}
        description={`Area ${formatKm2(row.areaKm2)}; baseline ${formatKm2(row.baseline.russianKm2)}. ${rows.map((r) => r.description).join(' ')}`}
        max={row.areaKm2}
        baseline={row.baseline.russianKm2}
        baselineLabel={`Baseline ${formatKm2(row.baseline.russianKm2)}`}
        rows={rows}
        ticks={[
          { value: 0, label: '0' },
          { value: row.areaKm2 / 4, label: '' },
          { value: row.areaKm2 / 2, label: '50%' },
          { value: (row.areaKm2 * 3) / 4, label: '' },
          { value: row.areaKm2, label: `${formatKm2(row.areaKm2)} (all)` },
        ]}
      />
      {unquantified.length > 0 && (
        <p class="hint">
          * Not quantified: no source gives the share in{' '}
          {unquantified.length === scenarios.length
            ? scenarios.length === 1
              ? 'this scenario'
              : 'these scenarios'
            : joinNames(unquantified.map((s) => String(scenarios.indexOf(s) + 1)))}
          ; the bar shows the bounds.
        </p>
      )}
    </figure>
  );
};

const OutcomeCell = ({ outcome, ctx }: { outcome: RegionOutcome; ctx: Ctx }) => (
  <td>
    {outcome.addressed ? (
      <p>
        <span class="pos">{humanize(outcome.outcome)}</span>
        {outcome.legalStatus !== 'unspecified' && <> ({humanize(outcome.legalStatus)})</>}
      </p>
    ) : (
      <p class="na">{humanize(outcome.outcome)}</p>
    )}
    <p class="num">
      {formatKm2(outcome.russianKm2)} ({formatShare(outcome.russianShare)})
    </p>
    <p class="num">{formatChange(outcome.changeKm2)}</p>
    {!outcome.quantified && <p class="hint">Not quantified: only bounded</p>}
    {(outcome.note || outcome.readings) && (
      <details>
        <summary>Note{outcome.readings ? ` and ${outcome.readings.length} readings` : ''}</summary>
        {outcome.note && <p>{outcome.note}</p>}
        {outcome.readings && (
          <ol>
            {outcome.readings.map((r) => (
              <li>
                <strong>{humanize(r.outcome)}</strong> ({formatShare(r.russianShare)}): {r.note}
                <Refs ids={r.sources} ctx={ctx} />
              </li>
            ))}
          </ol>
        )}
      </details>
    )}
    <Refs ids={outcome.sources} ctx={ctx} />
  </td>
);

const NumbersTable = ({ ctx }: { ctx: Ctx }) => {
  const { comparison } = ctx;
  const { scenarios } = comparison;
  return (
    <details class="numbers">
      <summary>All the numbers as a table, with the notes</summary>
      <section class="table-wrap" aria-labelledby="numbers-caption" tabindex={0}>
        <table class="matrix">
          <caption id="numbers-caption">
            Km² under Russian control per region (share of the region) and change against the baseline
          </caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Baseline</th>
              {scenarios.map((s, i) => (
                <ScenarioHeader scenario={s} n={i + 1} />
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.territory.regions.map((row) => (
              <tr>
                <th scope="row">
                  {row.name}
                  <span class="meta num"> {formatKm2(row.areaKm2)}</span>
                </th>
                <td>
                  <p class="num">
                    {formatKm2(row.baseline.russianKm2)} ({formatShare(row.baseline.russianShare)})
                  </p>
                  <p class="hint">{humanize(row.baseline.basis)}</p>
                  {row.baseline.note && <p class="hint">{row.baseline.note}</p>}
                </td>
                {scenarios.map((s) => (
                  <OutcomeCell outcome={row.scenarios[s.id] as RegionOutcome} ctx={ctx} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">
                {formatKm2(comparison.territory.totals.baseline.russianKm2)} (
                {formatShare(comparison.territory.totals.baseline.shareOfUkraine)} of Ukraine)
              </td>
              {scenarios.map((s) => {
                const t = comparison.territory.totals[s.id] as ScenarioTotal;
                return (
                  <td>
                    <p class="num">
                      {formatKm2(t.russianKm2)} ({formatShare(t.shareOfUkraine)} of Ukraine)
                    </p>
                    <p class="num">{formatChange(t.changeKm2)}</p>
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </section>
    </details>
  );
};

const PositionCell = ({ position, ctx }: { position: IssuePosition; ctx: Ctx }) =>
  isSilence(position.position) ? (
    <td class="na">
      <p>{humanize(position.position)}</p>
      <p class="hint">{position.detail}</p>
      <Refs ids={position.sources} ctx={ctx} />
    </td>
  ) : (
    <td>
      <p>
        <span class="pos">{humanize(position.position)}</span>
        {position.value && (
          <>
            {': '}
            <strong class="num">
              {formatNumber(position.value.amount)} {position.value.unit}
            </strong>
          </>
        )}
      </p>
      <p>{position.detail}</p>
      <Refs ids={position.sources} ctx={ctx} />
    </td>
  );

const Issues = ({ ctx }: { ctx: Ctx }) => {
  const { comparison } = ctx;
  const { scenarios } = comparison;
  const rows = comparison.issues.filter((row) =>
    Object.values(row.positions).some((p) => !isSilence(p.position)),
  );
  const silent = comparison.issues.filter((row) => !rows.includes(row));
  const differing = rows.filter((row) => row.differs).length;
  return (
    <section aria-labelledby="issues">
      <h2 id="issues">Issues side by side</h2>
      {scenarios.length > 1 && (
        <p class="legend">
          <span>
            <span class="differs-tag">≠ differs</span> the scenarios take different positions on this issue;
            its row is highlighted.
          </span>
          <span>
            They differ on {differing} of the {rows.length} issues that at least one of them addresses.
          </span>
        </p>
      )}
      <section class="table-wrap" aria-labelledby="issues-caption" tabindex={0}>
        <table class="matrix">
          <caption id="issues-caption">Each scenario’s position, issue by issue</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {scenarios.map((s, i) => (
                <ScenarioHeader scenario={s} n={i + 1} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr class={row.differs ? 'row-differs' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.differs && <span class="differs-tag">≠ differs</span>}
                  {!row.differs && scenarios.length > 1 && <span class="same-tag">= same</span>}
                </th>
                {scenarios.map((s) => (
                  <PositionCell position={row.positions[s.id] as IssuePosition} ctx={ctx} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {silent.length > 0 && (
        <p class="muted">
          On which {scenarios.length === 1 ? 'this scenario is' : 'all these scenarios are'} silent (not
          addressed or not reported): {joinNames(silent.map((row) => row.label))}.
        </p>
      )}
    </section>
  );
};

/** The speaker's words in quotation marks (with the language they were translated from); an outlet's paraphrase without. */
const QuoteBlock = ({ quote }: { quote: Quote }) =>
  quote.kind === 'paraphrase' ? (
    <p class="paraphrase">
      <span class="meta">Paraphrase: </span>
      {quote.text}
    </p>
  ) : (
    <blockquote>
      “{quote.text}” <span class="meta">({quoteKindText(quote)})</span>
    </blockquote>
  );

const StanceCell = ({ stance, ctx }: { stance: ComparedStance; ctx: Ctx }) =>
  stance.stance === 'not-recorded' ? (
    <td class="na">No stance recorded</td>
  ) : (
    <td>
      <p>
        <span class="stance">{humanize(stance.stance)}</span>
      </p>
      {stance.quote && <QuoteBlock quote={stance.quote} />}
      {(stance.speaker || stance.date) && (
        <p class="who">
          — {stance.speaker}
          {stance.date && (
            <>
              {stance.speaker ? ', ' : ''}
              <time datetime={stance.date}>{formatDate(stance.date)}</time>
            </>
          )}
        </p>
      )}
      {stance.note && <p class="hint">{stance.note}</p>}
      <Refs ids={stance.sources} ctx={ctx} />
    </td>
  );

const Stances = ({ ctx }: { ctx: Ctx }) => {
  const { comparison } = ctx;
  return (
    <section aria-labelledby="stances">
      <h2 id="stances">What each party said</h2>
      <section class="table-wrap" aria-labelledby="stances-caption" tabindex={0}>
        <table class="matrix">
          <caption id="stances-caption">Each party’s stance on each scenario, with its quote</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              {comparison.scenarios.map((s, i) => (
                <ScenarioHeader scenario={s} n={i + 1} />
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.stances.map((row) => (
              <tr>
                <th scope="row">{row.name}</th>
                {comparison.scenarios.map((s) => (
                  <StanceCell stance={row.positions[s.id] as ComparedStance} ctx={ctx} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
};

const Pairs = ({ ctx }: { ctx: Ctx }) => {
  const { comparison, catalog } = ctx;
  if (comparison.pairwise.length === 0) return null;
  const number = new Map(comparison.scenarios.map((s, i) => [s.id, i + 1]));
  const issueLabel = (id: string) => catalog.issuesById.get(id)?.label ?? id;
  return (
    <section aria-labelledby="pairs">
      <h2 id="pairs">Where each pair differs</h2>
      <section class="table-wrap" aria-labelledby="pairs-caption" tabindex={0}>
        <table class="pairs">
          <caption id="pairs-caption">
            Issues on which two scenarios differ, and the territory gap between them (Σ area × |difference of
            midpoint shares|)
          </caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">Issues on which they differ</th>
              <th scope="col" class="num">
                Territory gap
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.pairwise.map((pair) => (
              <tr>
                <th scope="row" class="num">
                  <Key n={number.get(pair.a) ?? 0} />
                  <span class="visually-hidden">Scenario {number.get(pair.a)} </span>
                  vs <Key n={number.get(pair.b) ?? 0} />
                  <span class="visually-hidden">scenario {number.get(pair.b)}</span>
                </th>
                <td>
                  {pair.differingIssues.length === 0
                    ? 'None'
                    : `${pair.differingIssues.length}: ${pair.differingIssues.map(issueLabel).join(', ')}`}
                </td>
                <td class="num">{formatKm2(pair.territoryGapKm2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
};

const SourceItem = ({ source }: { source: Source }) => {
  const url = source.url && /^https?:\/\//i.test(source.url) ? source.url : undefined;
  return (
    <li id={`source-${source.id}`}>
      <strong>{source.publisher}</strong>,{' '}
      {url ? (
        <a href={url} rel="noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      , <time datetime={source.date}>{formatDate(source.date)}</time>.{' '}
      <span class="meta">
        {humanize(source.kind)}
        {source.via && <>; read via {source.via}</>}
        {source.confidence && <>; confidence {source.confidence}</>}.
      </span>
      {source.note && <span class="meta"> {source.note}</span>}
    </li>
  );
};

const Downloads = ({ comparison }: { comparison: Comparison }) => {
  const query = comparisonQuery(comparison);
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">Download this comparison</h2>
      <p>Exactly what is on this page, unrounded, with every source:</p>
      <ul class="downloads">
        <li>
          <a href={`/v1/compare?${query}&format=xlsx`} download>
            Excel workbook (.xlsx)
          </a>
        </li>
        <li>
          <a href={`/v1/compare?${query}&format=csv`} download>
            CSV table
          </a>
        </li>
        <li>
          <a href={`/v1/compare?${query}&format=json`} download>
            JSON
          </a>
        </li>
      </ul>
      <p class="hint">
        The workbook’s totals are live formulas over its Baseline sheet, so correcting a share recomputes
        them.
      </p>
    </section>
  );
};

/** The comparison page: scenarios, territory charts, issues, stances, pairs, sources and downloads. */
export function renderComparePage(comparison: Comparison, catalog: Catalog): string {
  const sourceNumbers = new Map(comparison.sources.map((source, i) => [source.id, { n: i + 1, source }]));
  const ctx: Ctx = { comparison, catalog, sourceNumbers };
  const { scenarios, baseline } = comparison;
  const count = scenarios.length === 1 ? 'one scenario' : `${scenarios.length} scenarios`;
  return toDocument(
    <Layout
      title={`Compare ${scenarios.map((s) => truncate(s.title, 40)).join(' · ')} — ${SITE_NAME}`}
      description={`${count} compared against ${baseline.title}.`}
      datasetVersion={comparison.datasetVersion}
    >
      <h1>Comparing {count}</h1>
      <p class="lead">
        Against the baseline <strong>{baseline.title}</strong>. Every figure, term and quote below links to
        its sources.
      </p>
      <nav aria-label="On this page" class="actions">
        <a href={`/?${comparisonQuery(comparison)}`}>Change the selection</a>
        <a href="#territory">Territory</a>
        <a href="#issues">Issues</a>
        <a href="#stances">Stances</a>
        {comparison.pairwise.length > 0 && <a href="#pairs">Pairs</a>}
        <a href="#sources">Sources</a>
        <a href="#downloads">Downloads</a>
      </nav>
      <section aria-labelledby="scenarios">
        <h2 id="scenarios" class="visually-hidden">
          The scenarios
        </h2>
        <ol class="scenarios">
          {scenarios.map((s, i) => (
            <ScenarioCard scenario={s} n={i + 1} ctx={ctx} />
          ))}
        </ol>
      </section>
      <Downloads comparison={comparison} />
      <Territory ctx={ctx} />
      <Issues ctx={ctx} />
      <Stances ctx={ctx} />
      <Pairs ctx={ctx} />
      <section aria-labelledby="sources">
        <h2 id="sources">Sources</h2>
        <ol class="sources">
          {comparison.sources.map((source) => (
            <SourceItem source={source} />
          ))}
        </ol>
      </section>
    </Layout>,
  );
}
