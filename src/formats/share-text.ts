import type { Interval } from '../domain/comparison.ts';

/**
 * A share 0..1 as a percentage with one decimal: 0.781 → "78.1%", 0.5 → "50.0%", an interval
 * 0.2..0.5 → "20.0–50.0%". The one share format of the pages and the timeline's change text.
 */
export function formatShare(share: number | Interval): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  if (typeof share === 'number') return percent(share);
  const low = percent(share.low);
  const high = percent(share.high);
  return low === high ? low : `${low.slice(0, -1)}–${high}`;
}
