import type { RegionOutcome, ScenarioTotal } from '../../domain/comparison.ts';
import { formatShare } from '../../formats/share-text.ts';
import { formatChange, formatDate, formatKm2, joinNames, truncate } from '../format.ts';
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
    scenarios.some((scenario) => {
      const outcome = row.scenarios[scenario.id] as RegionOutcome;
      return outcome.addressed || outcome.changeKm2.low !== 0 || outcome.changeKm2.high !== 0;
    }),
  );
  const untouched = comparison.territory.regions.filter((row) => !addressed.includes(row));
  const unquantifiedNames = (ids: readonly string[]) =>
    joinNames(ids.map((id) => comparison.territory.regions.find((row) => row.region === id)?.name ?? id));

  const baseTotal = totals.baseline.russianKm2;
  const scale = niceScale(
    Math.max(baseTotal, ...scenarios.map((scenario) => scenarioTotal(scenario.id).russianKm2.high)) * 1.02,
  );
  const totalRows: BarRow[] = scenarios.map((scenario, i) => {
    const total = scenarioTotal(scenario.id);
    return {
      label: barLabel(scenario, i, 80),
      description: `${scenario.title}: ${formatKm2(total.russianKm2)} under Russian control (${formatShare(total.shareOfUkraine)} of Ukraine), ${formatChange(total.changeKm2)} against the baseline${total.unquantified.length > 0 ? `; not quantified in ${unquantifiedNames(total.unquantified)}` : ''}.`,
      interval: total.russianKm2,
      value: {
        wide: `${formatKm2(total.russianKm2)} · ${formatShare(total.shareOfUkraine)} of Ukraine (${formatChange(total.changeKm2)})${total.unquantified.length > 0 ? ' *' : ''}`,
        narrow: `${formatKm2(total.russianKm2)} (${formatChange(total.changeKm2)})${total.unquantified.length > 0 ? ' *' : ''}`,
      },
    };
  });
  const anyUnquantified = scenarios.some((scenario) => scenarioTotal(scenario.id).unquantified.length > 0);
  const silences = scenarios
    .map((scenario, i) => ({ scenario, i, total: scenarioTotal(scenario.id) }))
    .filter(({ total }) => total.notAddressed.length > 0 || total.notReported.length > 0);

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
          description={`Baseline ${baseline.title}: ${formatKm2(baseTotal)}. ${totalRows.map((bar) => bar.description).join(' ')}`}
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
              .map((scenario, i) => ({ scenario, i, total: scenarioTotal(scenario.id) }))
              .filter(({ total }) => total.unquantified.length > 0)
              .map(
                ({ scenario, i, total }) =>
                  `${i + 1} (${truncate(scenario.title, 40)}): ${unquantifiedNames(total.unquantified)}`,
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
                ({ scenario, i, total }) =>
                  `${i + 1} (${truncate(scenario.title, 40)}): ${[
                    total.notAddressed.length > 0 &&
                      `not addressed: ${unquantifiedNames(total.notAddressed)}`,
                    total.notReported.length > 0 && `not reported: ${unquantifiedNames(total.notReported)}`,
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
