import type { Catalog } from '../../domain/catalog.ts';
import type { Comparison } from '../../domain/comparison.ts';
import { truncate } from '../format.ts';
import { Layout, SITE_NAME, toDocument } from '../layout.tsx';
import { Downloads } from './downloads.tsx';
import { Issues } from './issues.tsx';
import { comparisonQuery, type PageContext } from './page-context.ts';
import { Pairs } from './pairs.tsx';
import { Scenarios } from './scenarios.tsx';
import { Sources } from './sources.tsx';
import { Stances } from './stances.tsx';
import { Territory } from './territory.tsx';

/** The comparison page: scenarios, territory charts, issues, stances, pairs, sources and downloads. */
export function renderComparePage(comparison: Comparison, catalog: Catalog): string {
  const sourceNumbers = new Map(comparison.sources.map((source, i) => [source.id, { n: i + 1, source }]));
  const ctx: PageContext = { comparison, catalog, sourceNumbers };
  const { scenarios, baseline } = comparison;
  const count = scenarios.length === 1 ? 'one scenario' : `${scenarios.length} scenarios`;
  return toDocument(
    <Layout
      title={`Compare ${scenarios.map((scenario) => truncate(scenario.title, 40)).join(' · ')} — ${SITE_NAME}`}
      description={`${count} compared against ${baseline.title}.`}
      datasetVersion={comparison.datasetVersion}
    >
      <h1>Comparing {count}</h1>
      <p class="lead">
        Against the baseline <strong>{baseline.title}</strong>. Every figure, term and quote below links to
        its sources.
      </p>
      <nav aria-label="On this page" class="actions">
        <a href={`/?${comparisonQuery(comparison)}`}>Change the selection</a>
        <a href="#territory">Territory</a>
        <a href="#issues">Issues</a>
        <a href="#stances">Stances</a>
        {comparison.pairwise.length > 0 && <a href="#pairs">Pairs</a>}
        <a href="#sources">Sources</a>
        <a href="#downloads">Downloads</a>
      </nav>
      <Scenarios ctx={ctx} />
      <Downloads comparison={comparison} />
      <Territory ctx={ctx} />
      <Issues ctx={ctx} />
      <Stances ctx={ctx} />
      <Pairs ctx={ctx} />
      <Sources sources={comparison.sources} />
    </Layout>,
  );
}
