import { describe, expect, it } from 'vitest';
import { buildTimeline, diffPositions, positionsOf } from '../../src/domain/changes.ts';
import { armySize, baseline, issueTerm, reference, scenario, territory } from './builders.ts';

const BASE = baseline({ donetsk: 0.8, kherson: 0.5 });
const russia = { id: 'russia', name: 'Russia' };

describe('diffPositions', () => {
  it('types region changes as added or changed, with the km² delta by interval subtraction', () => {
    const earlier = scenario('early', { territory: [territory('donetsk', { low: 1, high: 1 })] });
    const later = scenario('late', {
      territory: [
        territory('donetsk', { low: 0.8, high: 1 }),
        territory('kherson', { low: 0, high: 0 }, { outcome: 'returned-to-ukraine' }),
      ],
    });
    expect(diffPositions(earlier, later, BASE, reference())).toEqual([
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
  });

  it('calls a region a later position is silent on not-restated, never removed, with no km² delta', () => {
    const earlier = scenario('early', {
      territory: [territory('kherson', { low: 0, high: 0 }, { outcome: 'returned-to-ukraine' })],
    });
    const silent = (outcome: 'not-reported' | 'not-addressed') =>
      scenario('late', {
        territory: [territory('kherson', undefined, { outcome, quantified: undefined, sources: ['src'] })],
      });
    for (const later of [silent('not-reported'), silent('not-addressed'), scenario('left-out')]) {
      const changes = diffPositions(earlier, later, BASE, reference());
      expect(changes).toEqual([
        expect.objectContaining({
          subject: 'region',
          kind: 'not-restated',
          region: 'kherson',
          from: expect.objectContaining({ outcome: 'returned-to-ukraine', addressed: true }),
          to: expect.objectContaining({ addressed: false }),
        }),
      ]);
      expect(changes[0]).not.toHaveProperty('russianKm2Delta');
      expect(changes[0]).not.toHaveProperty('direction');
      // A not-restated region adds nothing to the step's total.
      const step = buildTimeline(russia, [earlier, { ...later, date: '2025-07-01' }], BASE, reference());
      expect(step.steps[0]?.totalRussianKm2Delta).toEqual({ low: 0, high: 0 });
    }
  });

  it('reports nothing for regions and issues that did not change, or that both positions are silent on', () => {
    const same = scenario('a', {
      territory: [
        territory('donetsk', { low: 1, high: 1 }),
        territory('kherson', undefined, { outcome: 'not-addressed', quantified: undefined }),
      ],
      terms: [armySize(600000), issueTerm('nato-neutrality', 'not-reported')],
    });
    expect(diffPositions(same, { ...same, id: 'b' }, BASE, reference())).toEqual([]);
    expect(
      diffPositions(
        same,
        scenario('b', { terms: [armySize(600000)], territory: [same.territory[0] as never] }),
        BASE,
        reference(),
      ),
    ).toEqual([]);
  });

  it('types issue changes old → new; silence later is not-restated; "dropped" is removed', () => {
    const earlier = scenario('early', {
      terms: [armySize(600000), issueTerm('nato-neutrality', 'no-nato')],
    });
    const later = scenario('late', {
      terms: [armySize(800000), issueTerm('nato-neutrality', 'not-reported')],
    });
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
        kind: 'not-restated',
        issue: 'nato-neutrality',
        from: expect.objectContaining({ position: 'no-nato' }),
        to: expect.objectContaining({ position: 'not-reported' }),
      }),
    ]);
    const dropped = scenario('late', { terms: [issueTerm('nato-neutrality', 'dropped')] });
    expect(diffPositions(earlier, dropped, BASE, reference())).toEqual([
      expect.objectContaining({ kind: 'not-restated', issue: 'army-size' }),
      expect.objectContaining({
        kind: 'removed',
        issue: 'nato-neutrality',
        from: expect.objectContaining({ position: 'no-nato' }),
        to: expect.objectContaining({ position: 'dropped' }),
      }),
    ]);
    // Taking a position after silence is "added".
    expect(diffPositions(later, earlier, BASE, reference())).toEqual([
      expect.objectContaining({ kind: 'changed', issue: 'army-size' }),
      expect.objectContaining({ kind: 'added', issue: 'nato-neutrality' }),
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
    // b → c: kherson not restated (no delta), donetsk to 1 (+200).
    expect(timeline.steps[1]?.totalRussianKm2Delta).toEqual({ low: 200, high: 200 });
    expect(timeline.steps[1]?.changes.map((c) => c.kind)).toEqual(['added', 'not-restated']);
    expect(timeline.sources.map((s) => s.id)).toEqual(['src']);
  });

  it('has no steps for a party with one position', () => {
    expect(buildTimeline(russia, [scenario('only')], BASE, reference()).steps).toEqual([]);
  });
});
