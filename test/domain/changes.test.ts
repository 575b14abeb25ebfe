import { describe, expect, it } from 'vitest';
import { buildTimeline, diffPositions, positionsOf } from '../../src/domain/changes.ts';
import { baseline, reference, scenario, territory } from './builders.ts';

const BASE = baseline({ donetsk: 0.8, kherson: 0.5 });
const russia = { id: 'russia', name: 'Russia' };

describe('diffPositions', () => {
  it('types region changes as added, removed or changed, with the km² delta by interval subtraction', () => {
    const earlier = scenario('early', { territory: [territory('donetsk', { low: 1, high: 1 })] });
    const later = scenario('late', {
      territory: [
        territory('donetsk', { low: 0.8, high: 1 }),
        territory('kherson', { low: 0, high: 0 }, { outcome: 'returned-to-ukraine' }),
      ],
    });
    const changes = diffPositions(earlier, later, BASE, reference());
    expect(changes).toEqual([
      expect.objectContaining({
        subject: 'region',
        kind: 'changed',
        region: 'donetsk',
        // [800, 1000] − [1000, 1000] = [−200, 0]
        russianKm2Delta: { low: -200, high: 0 },
        direction: 'less-under-russian-control',
      }),
      expect.objectContaining({
        subject: 'region',
        kind: 'added',
        region: 'kherson',
        russianKm2Delta: { low: -1000, high: -1000 },
        direction: 'less-under-russian-control',
      }),
    ]);
    const back = diffPositions(later, earlier, BASE, reference());
    expect(back.map((c) => `${c.kind}:${c.subject === 'region' ? c.region : ''}`)).toEqual([
      'changed:donetsk',
      'removed:kherson',
    ]);
    expect(back[1]).toMatchObject({
      kind: 'removed',
      from: { outcome: 'returned-to-ukraine' },
      direction: 'more-under-russian-control',
    });
  });

  it('reports nothing for regions and issues that did not change', () => {
    const same = scenario('a', {
      territory: [territory('donetsk', { low: 1, high: 1 })],
      terms: [
        {
          issue: 'army-size',
          position: 'cap',
          detail: 'Capped.',
          value: { amount: 600000, unit: 'troops' },
          sources: ['src'],
        },
      ],
    });
    expect(diffPositions(same, { ...same, id: 'b' }, BASE, reference())).toEqual([]);
  });

  it('types issue changes old → new, a change of value counting as a change', () => {
    const cap = (amount: number) => ({
      issue: 'army-size',
      position: 'cap',
      detail: `Capped at ${amount}.`,
      value: { amount, unit: 'troops' },
      sources: ['src'],
    });
    const earlier = scenario('early', {
      terms: [
        cap(600000),
        { issue: 'nato-neutrality', position: 'no-nato', detail: 'No NATO.', sources: ['src'] },
      ],
    });
    const later = scenario('late', { terms: [cap(800000)] });
    expect(diffPositions(earlier, later, BASE, reference())).toEqual([
      {
        subject: 'issue',
        kind: 'changed',
        issue: 'army-size',
        label: 'Army size',
        from: { position: 'cap', detail: 'Capped at 600000.', value: { amount: 600000, unit: 'troops' } },
        to: { position: 'cap', detail: 'Capped at 800000.', value: { amount: 800000, unit: 'troops' } },
        sources: ['src'],
      },
      expect.objectContaining({
        subject: 'issue',
        kind: 'removed',
        issue: 'nato-neutrality',
        from: expect.objectContaining({ position: 'no-nato' }),
      }),
    ]);
  });
});

describe('buildTimeline', () => {
  it('orders a party’s own positions by date and steps through consecutive pairs', () => {
    const scenarios = [
      scenario('c', { date: '2025-10-01', territory: [territory('donetsk', { low: 1, high: 1 })] }),
      scenario('a', { date: '2025-06-01' }),
      scenario('other', { date: '2025-07-01', proposers: ['ukraine'] }),
      scenario('b', { date: '2025-08-01', territory: [territory('kherson', { low: 1, high: 1 })] }),
    ];
    expect(positionsOf(russia, scenarios).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    const timeline = buildTimeline(russia, scenarios, BASE, reference());
    expect(timeline.positions.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(timeline.steps.map((s) => [s.from, s.to])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    // a → b: kherson added at 1 (baseline 0.5): +1000 km².
    expect(timeline.steps[0]?.totalRussianKm2Delta).toEqual({ low: 1000, high: 1000 });
    // b → c: kherson back to baseline (−1000), donetsk to 1 (+200).
    expect(timeline.steps[1]?.totalRussianKm2Delta.low).toBeCloseTo(-800, 9);
    expect(timeline.sources.map((s) => s.id)).toEqual(['src']);
  });

  it('has no steps for a party with one position', () => {
    expect(buildTimeline(russia, [scenario('only')], BASE, reference()).steps).toEqual([]);
  });
});
