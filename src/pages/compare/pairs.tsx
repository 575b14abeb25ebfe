import { formatKm2 } from '../format.ts';
import type { PageContext } from './page-context.ts';
import { Key } from './scenario-key.tsx';

/** For each pair of scenarios, the issues they differ on and their territory gap; nothing for one scenario. */
export const Pairs = ({ ctx }: { ctx: PageContext }) => {
  const { comparison, catalog } = ctx;
  if (comparison.pairwise.length === 0) return null;
  const number = new Map(comparison.scenarios.map((scenario, i) => [scenario.id, i + 1]));
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
