import type { RegionOutcome, ScenarioSummary, TerritoryRow } from '../../domain/comparison.ts';
import { formatShare } from '../../formats/share-text.ts';
import { formatChange, formatKm2, humanize, humanizeLower, joinNames, truncate } from '../format.ts';
import { BarChart, type BarRow } from '../territory-chart.tsx';
import type { PageContext } from './page-context.ts';

/** A bar's label: the scenario's number and title, shortened to fit a wide screen or a phone. */
export const barLabel = (scenario: ScenarioSummary, i: number, wide: number) => ({
  wide: `${i + 1} · ${truncate(scenario.title, wide)}`,
  narrow: `${i + 1} · ${truncate(scenario.title, 44)}`,
});

/** One region's chart: km² under Russian control per scenario, against the region's baseline. */
export const RegionChart = ({ row, ctx }: { row: TerritoryRow; ctx: PageContext }) => {
  const { scenarios } = ctx.comparison;
  const rows: BarRow[] = scenarios.map((scenario, i) => {
    const outcome = row.scenarios[scenario.id] as RegionOutcome;
    const what = outcome.addressed
      ? humanize(outcome.outcome)
      : `${humanize(outcome.outcome)}, counted at the baseline unless bounded`;
    return {
      label: barLabel(scenario, i, 60),
      description: `${scenario.title}: ${what}; ${formatKm2(outcome.russianKm2)} (${formatShare(outcome.russianShare)}) of ${row.name} under Russian control, ${formatChange(outcome.changeKm2)} against the baseline${outcome.quantified ? '' : '; not quantified by any source'}.`,
      interval: outcome.russianKm2,
      value: {
        wide: `${formatKm2(outcome.russianKm2)} · ${humanizeLower(outcome.outcome)} (${formatChange(outcome.changeKm2)})${outcome.quantified ? '' : ' *'}`,
        narrow: `${formatKm2(outcome.russianKm2)} (${formatChange(outcome.changeKm2)})${outcome.quantified ? '' : ' *'}`,
      },
    };
  });
  const unquantified = scenarios.filter(
    (scenario) => !(row.scenarios[scenario.id] as RegionOutcome).quantified,
  );
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
        description={`Area ${formatKm2(row.areaKm2)}; baseline ${formatKm2(row.baseline.russianKm2)}. ${rows.map((bar) => bar.description).join(' ')}`}
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
            : joinNames(unquantified.map((scenario) => String(scenarios.indexOf(scenario) + 1)))}
          ; the bar shows the bounds.
        </p>
      )}
    </figure>
  );
};
