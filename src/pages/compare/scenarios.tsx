import type { ScenarioSummary } from '../../domain/comparison.ts';
import { formatDate, humanize, proposerNames } from '../format.ts';
import { WhatIfStartLink } from '../what-if/start-link.tsx';
import type { PageContext } from './page-context.ts';
import { Key } from './scenario-key.tsx';
import { Refs } from './source-refs.tsx';

const ScenarioCard = ({ scenario, n, ctx }: { scenario: ScenarioSummary; n: number; ctx: PageContext }) => {
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
            {scenario.corrections.map((correction) => (
              <li>
                <time datetime={correction.date}>{formatDate(correction.date)}</time>: {correction.change}{' '}
                <span class="meta">Why: {correction.reason}</span>
                {correction.sources && <Refs ids={correction.sources} ctx={ctx} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
};

/** The numbered scenarios, each with who proposed it, when, its summary and its corrections. */
export const Scenarios = ({ ctx }: { ctx: PageContext }) => (
  <section aria-labelledby="scenarios">
    <h2 id="scenarios" class="visually-hidden">
      The scenarios
    </h2>
    <ol class="scenarios">
      {ctx.comparison.scenarios.map((scenario, i) => (
        <ScenarioCard scenario={scenario} n={i + 1} ctx={ctx} />
      ))}
    </ol>
  </section>
);
