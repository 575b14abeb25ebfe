import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/formats/share-text.ts';

describe('formatShare', () => {
  it('gives a share as a percentage with one decimal, whole numbers included', () => {
    expect(formatShare(0.5)).toBe('50.0%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(0.781)).toBe('78.1%');
  });

  it('gives an interval as one range, and equal bounds as one number', () => {
    expect(formatShare({ low: 0.2, high: 0.5 })).toBe('20.0–50.0%');
    expect(formatShare({ low: 0.72, high: 0.72 })).toBe('72.0%');
    // Bounds that round to the same text are shown once.
    expect(formatShare({ low: 0.7201, high: 0.7204 })).toBe('72.0%');
  });
});
