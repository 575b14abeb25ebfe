import type { ScenarioSummary } from '../../domain/comparison.ts';

/** A scenario's number, as a badge. */
export const Key = ({ n }: { n: number }) => (
  <span class="key" aria-hidden="true">
    {n}
  </span>
);

/** A column header naming a scenario with its number. */
export const ScenarioHeader = ({ scenario, n }: { scenario: ScenarioSummary; n: number }) => (
  <th scope="col">
    <Key n={n} />
    <a href={`#scenario-${scenario.id}`}>{scenario.title}</a>
  </th>
);
