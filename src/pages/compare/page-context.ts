import type { Catalog } from '../../domain/catalog.ts';
import type { Comparison } from '../../domain/comparison.ts';
import type { Source } from '../../domain/reference.ts';

/** The comparison's query string, for links that show or download exactly this comparison. */
export function comparisonQuery(comparison: Comparison): string {
  return `scenarios=${comparison.scenarios.map((scenario) => scenario.id).join(',')}&baseline=${comparison.baseline.id}`;
}

/** What every section of the comparison page reads: the comparison, the catalogue and the source numbers. */
export interface PageContext {
  comparison: Comparison;
  catalog: Catalog;
  /** Source id → its number in the Sources list. */
  sourceNumbers: ReadonlyMap<string, { n: number; source: Source }>;
}
