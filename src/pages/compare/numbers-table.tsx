import type { RegionOutcome, ScenarioTotal } from '../../domain/comparison.ts';
import { formatShare } from '../../formats/share-text.ts';
import { formatChange, formatKm2, humanize } from '../format.ts';
import type { PageContext } from './page-context.ts';
import { ScenarioColumns } from './scenario-key.tsx';
import { Refs } from './source-refs.tsx';

const OutcomeCell = ({ outcome, ctx }: { outcome: RegionOutcome; ctx: PageContext }) => (
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
            {outcome.readings.map((reading) => (
              <li>
                <strong>{humanize(reading.outcome)}</strong> ({formatShare(reading.russianShare)}):{' '}
                {reading.note}
                <Refs ids={reading.sources} ctx={ctx} />
              </li>
            ))}
          </ol>
        )}
      </details>
    )}
    <Refs ids={outcome.sources} ctx={ctx} />
  </td>
);

/** Every region's numbers and notes per scenario, with the totals, folded away under the charts. */
export const NumbersTable = ({ ctx }: { ctx: PageContext }) => {
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
          <ScenarioColumns first={['Region', 'Baseline']} scenarios={scenarios} />
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
                {scenarios.map((scenario) => (
                  <OutcomeCell outcome={row.scenarios[scenario.id] as RegionOutcome} ctx={ctx} />
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
              {scenarios.map((scenario) => {
                const total = comparison.territory.totals[scenario.id] as ScenarioTotal;
                return (
                  <td>
                    <p class="num">
                      {formatKm2(total.russianKm2)} ({formatShare(total.shareOfUkraine)} of Ukraine)
                    </p>
                    <p class="num">{formatChange(total.changeKm2)}</p>
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
