import type { ScenarioSummary } from '../../domain/comparison.ts';

/** A scenario's number, as a badge. */
export const Key = ({ n }: { n: number }) => (
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

/** A matrix's header row: the columns named in `first`, then one column per scenario with its number. */
export const ScenarioColumns = ({
  first,
  scenarios,
}: {
  first: readonly string[];
  scenarios: readonly ScenarioSummary[];
}) => (
  <thead>
    <tr>
      {first.map((label) => (
        <th scope="col">{label}</th>
      ))}
      {scenarios.map((scenario, i) => (
        <ScenarioHeader scenario={scenario} n={i + 1} />
      ))}
    </tr>
  </thead>
);
