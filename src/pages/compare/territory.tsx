import type { RegionOutcome, ScenarioTotal } from '../../domain/comparison.ts';
import { formatChange, formatDate, formatKm2, formatShare, joinNames, truncate } from '../format.ts';
import { BarChart, type BarRow, ChartLegend, niceScale, scaleTicks } from '../territory-chart.tsx';
import { NumbersTable } from './numbers-table.tsx';
import { comparisonQuery, type PageContext } from './page-context.ts';
import { barLabel, RegionChart } from './region-chart.tsx';
import { Refs } from './source-refs.tsx';

/** The total and per-region charts, the notes on the baseline and the numbers as a table. */
export const Territory = ({ ctx }: { ctx: PageContext }) => {
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
