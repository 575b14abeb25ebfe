import type { IssuePosition } from '../../domain/comparison.ts';
import { isSilence } from '../../domain/scenario.ts';
import { formatNumber, humanize, joinNames } from '../format.ts';
import type { PageContext } from './page-context.ts';
import { ScenarioColumns } from './scenario-key.tsx';
import { Refs } from './source-refs.tsx';

const PositionCell = ({ position, ctx }: { position: IssuePosition; ctx: PageContext }) =>
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

/** Each scenario's position, issue by issue, and the issues they are all silent on. */
export const Issues = ({ ctx }: { ctx: PageContext }) => {
  const { comparison } = ctx;
  const { scenarios } = comparison;
  const rows = comparison.issues.filter((row) =>
    Object.values(row.positions).some((position) => !isSilence(position.position)),
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
          <ScenarioColumns first={['Issue']} scenarios={scenarios} />
          <tbody>
            {rows.map((row) => (
              <tr class={row.differs ? 'row-differs' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.differs && <span class="differs-tag">≠ differs</span>}
                  {!row.differs && scenarios.length > 1 && <span class="same-tag">= same</span>}
                </th>
                {scenarios.map((scenario) => (
                  <PositionCell position={row.positions[scenario.id] as IssuePosition} ctx={ctx} />
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
