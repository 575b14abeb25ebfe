import type { Comparison } from '../../domain/comparison.ts';
import { comparisonQuery } from './page-context.ts';

/** Links to this comparison as XLSX, CSV and JSON. */
export const Downloads = ({ comparison }: { comparison: Comparison }) => {
  const query = comparisonQuery(comparison);
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">Download this comparison</h2>
      <p>Exactly what is on this page, unrounded, with every source:</p>
      <ul class="downloads">
        <li>
          <a href={`/v1/compare?${query}&format=xlsx`} download>
            Excel workbook (.xlsx)
          </a>
        </li>
        <li>
          <a href={`/v1/compare?${query}&format=csv`} download>
            CSV table
          </a>
        </li>
        <li>
          <a href={`/v1/compare?${query}&format=json`} download>
            JSON
          </a>
        </li>
      </ul>
      <p class="hint">
        The workbook’s totals are live formulas over its Baseline sheet, so correcting a share recomputes
        them.
      </p>
    </section>
  );
};
