import type { Child } from 'hono/jsx';
import type { Catalog } from '../domain/catalog.ts';
import type { Scenario } from '../domain/scenario.ts';
import { LIMITS } from '../limits.ts';
import { formatDate, humanize, proposerNames } from './format.ts';
import { Layout, SITE_NAME, toDocument } from './layout.tsx';
import { BlankWhatIfStart } from './what-if/start-link.tsx';

/** What went wrong with a choice: a heading and the explanation, shown above the form. */
export interface PageError {
  title: string;
  body: Child;
}

export interface IndexPageOptions {
  /** Scenario ids to tick (unknown ones are ignored). */
  selected?: readonly string[];
  /** The baseline to preselect; defaults to the latest. */
  baseline?: string;
  error?: PageError;
  /** Script URL of the progressive enhancement. */
  script?: string;
}

const ScenarioChoice = ({
  scenario,
  catalog,
  checked,
}: {
  scenario: Scenario;
  catalog: Catalog;
  checked: boolean;
}) => {
  const inputId = `pick-${scenario.id}`;
  return (
    <li>
      <input type="checkbox" name="scenarios" value={scenario.id} id={inputId} checked={checked} />
      <label for={inputId}>
        <span class="title">{scenario.title}</span>
        <span class="meta">
          Proposed by {proposerNames(catalog, scenario.proposers)} ·{' '}
          <time datetime={scenario.date}>{formatDate(scenario.date)}</time> · {humanize(scenario.status)}
        </span>
      </label>
    </li>
  );
};

/** The catalogue page: every scenario with a checkbox, a baseline picker and a Compare button (a plain GET form). */
export function renderIndexPage(catalog: Catalog, options: IndexPageOptions = {}): string {
  const selected = new Set(options.selected ?? []);
  const baselineId =
    options.baseline && catalog.baselinesById.has(options.baseline)
      ? options.baseline
      : catalog.latestBaseline.id;
  const { error } = options;
  const newestFirst = [...catalog.baselines].reverse();
  return toDocument(
    <Layout
      title={error ? `${error.title} — ${SITE_NAME}` : `${SITE_NAME}: compare peace proposals side by side`}
      description="Publicly reported negotiation positions for ending the Russia–Ukraine war, compared side by side with sources."
      datasetVersion={catalog.version}
      scripts={options.script ? [options.script] : []}
    >
      <h1>Compare negotiation scenarios</h1>
      <p class="lead">
        Publicly reported positions for ending the Russia–Ukraine war, as structured scenarios. Tick the ones
        to compare, choose the dated baseline of territorial control to measure them against, and compare:
        territory per region, each issue, each party’s stance and every source.
      </p>
      {error && (
        <div class="notice" role="alert" id="choice-error">
          <h2>{error.title}</h2>
          {error.body}
        </div>
      )}
      <form method="get" action="/compare" id="compare-form">
        <fieldset aria-describedby={error ? 'choice-error pick-hint' : 'pick-hint'}>
          <legend>Scenarios ({catalog.scenarios.length}, oldest first)</legend>
          <p class="hint" id="pick-hint">
            Pick at least one and at most {LIMITS.scenariosPerComparison}. They are shown in this order.
          </p>
          <ul class="pick">
            {catalog.scenarios.map((scenario) => (
              <ScenarioChoice scenario={scenario} catalog={catalog} checked={selected.has(scenario.id)} />
            ))}
          </ul>
        </fieldset>
        <div class="field">
          <label for="baseline">Baseline (territorial control on)</label>
          <select id="baseline" name="baseline" aria-describedby="baseline-hint">
            {newestFirst.map((baseline) => (
              <option value={baseline.id} selected={baseline.id === baselineId}>
                {formatDate(baseline.id)} — {baseline.title}
                {baseline.id === catalog.latestBaseline.id ? ' (latest)' : ''}
              </option>
            ))}
          </select>
          <p class="hint" id="baseline-hint">
            The share of each region under Russian control that every scenario is measured against.
          </p>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            Compare
          </button>
          <output id="pick-count" class="hint" aria-live="polite"></output>
        </div>
      </form>
      <h2>Your own what-if</h2>
      <BlankWhatIfStart />
      <h2>About the data</h2>
      <p>
        Every figure, term and quote carries the sources it comes from; where reports disagree the data says
        so, and a share that no source gives is shown as an interval. The same comparison is available to
        download as an Excel workbook, CSV or JSON from the comparison page, and through the{' '}
        <a href="/docs">API</a>.
      </p>
    </Layout>,
  );
}
