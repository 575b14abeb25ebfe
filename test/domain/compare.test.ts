import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/domain/compare.ts';
import type { Comparison, Interval, ScenarioTotal } from '../../src/domain/comparison.ts';
import { armySize, baseline, issueTerm, reference, scenario, stance, territory } from './builders.ts';

const BASE = baseline({ donetsk: 0.8, kherson: 0.5 });
const total = (c: Comparison, id: string) => c.territory.totals[id] as ScenarioTotal;
const outcome = (c: Comparison, regionIndex: number, id: string) =>
  c.territory.regions[regionIndex]?.scenarios[id];

describe('compareScenarios: territory', () => {
  it('turns a certain share into km² and change against the baseline', () => {
    const c = compareScenarios(
      [scenario('a', { territory: [territory('donetsk', { low: 1, high: 1 })] })],
      BASE,
      reference(),
    );
    expect(outcome(c, 0, 'a')).toMatchObject({
      russianShare: { low: 1, high: 1 },
      russianKm2: { low: 1000, high: 1000 },
      changeKm2: { low: 200, high: 200 },
      addressed: true,
    });
    expect(c.territory.regions[0]?.baseline).toMatchObject({ russianShare: 0.8, russianKm2: 800 });
  });

  it('counts a region an inline scenario leaves out as not addressed, at its baseline share', () => {
    const c = compareScenarios([scenario('a')], BASE, reference());
    expect(outcome(c, 1, 'a')).toMatchObject({
      addressed: false,
      outcome: 'not-addressed',
      russianShare: { low: 0.5, high: 0.5 },
      russianKm2: { low: 1000, high: 1000 },
      changeKm2: { low: 0, high: 0 },
    });
    expect(total(c, 'a')).toMatchObject({ notAddressed: ['donetsk', 'kherson'], notReported: [] });
  });

  it('counts a silent region at its baseline share unless the scenario bounds it, and lists it in the totals', () => {
    const s = scenario('a', {
      territory: [
        territory('donetsk', undefined, { outcome: 'not-reported', quantified: undefined }),
        territory(
          'kherson',
          { low: 0, high: 'baseline' },
          { outcome: 'not-reported', quantified: false, note: 'Offered back earlier.' },
        ),
      ],
    });
    const c = compareScenarios([s], BASE, reference());
    expect(outcome(c, 0, 'a')).toMatchObject({
      addressed: false,
      outcome: 'not-reported',
      quantified: true,
      russianShare: { low: 0.8, high: 0.8 },
      changeKm2: { low: 0, high: 0 },
    });
    // Bounded silence: kherson 2000 × [0, 0.5] = [0, 1000], change [−1000, 0].
    expect(outcome(c, 1, 'a')).toMatchObject({
      addressed: false,
      quantified: false,
      russianKm2: { low: 0, high: 1000 },
      changeKm2: { low: -1000, high: 0 },
    });
    expect(total(c, 'a')).toMatchObject({
      notAddressed: [],
      notReported: ['donetsk', 'kherson'],
      unquantified: ['kherson'],
    });
  });

  it('reads a "baseline" bound as the baseline share of the region', () => {
    const s = scenario('a', {
      territory: [
        territory('kherson', { low: 0, high: 'baseline' }, { quantified: false, outcome: 'ambiguous' }),
      ],
    });
    const c = compareScenarios([s], BASE, reference());
    expect(outcome(c, 1, 'a')).toMatchObject({
      russianShare: { low: 0, high: 0.5 },
      russianKm2: { low: 0, high: 1000 },
      changeKm2: { low: -1000, high: 0 },
      quantified: false,
    });
    expect(total(c, 'a').unquantified).toEqual(['kherson']);
  });

  it('sums intervals into totals that equal an independent recomputation', () => {
    const s = scenario('a', {
      territory: [
        territory('donetsk', { low: 0.9, high: 1 }),
        territory('kherson', { low: 0.25, high: 'baseline' }),
      ],
    });
    const c = compareScenarios([s], BASE, reference());
    // By hand: donetsk 1000 × [0.9, 1] = [900, 1000]; kherson 2000 × [0.25, 0.5] = [500, 1000].
    expect(total(c, 'a').russianKm2).toEqual({ low: 1400, high: 2000 });
    // Baseline: 800 + 1000 = 1800.
    expect(c.territory.totals.baseline).toEqual({ russianKm2: 1800, shareOfUkraine: 0.18 });
    expect(total(c, 'a').changeKm2).toEqual({ low: -400, high: 200 });
    expect(total(c, 'a').shareOfUkraine).toEqual({ low: 0.14, high: 0.2 });
  });

  it('keeps every interval ordered, low ≤ high', () => {
    const s = scenario('a', { territory: [territory('donetsk', { low: 0, high: 'baseline' })] });
    const c = compareScenarios([s, scenario('b')], BASE, reference());
    const intervals: Interval[] = c.territory.regions.flatMap((r) =>
      Object.values(r.scenarios).flatMap((o) => [o.russianShare, o.russianKm2, o.changeKm2]),
    );
    for (const t of ['a', 'b'])
      intervals.push(total(c, t).russianKm2, total(c, t).changeKm2, total(c, t).shareOfUkraine);
    for (const i of intervals) expect(i.low).toBeLessThanOrEqual(i.high);
  });

  it('leaves numbers unrounded', () => {
    const s = scenario('a', { territory: [territory('donetsk', { low: 1 / 3, high: 1 / 3 })] });
    const c = compareScenarios([s], BASE, reference());
    expect(outcome(c, 0, 'a')?.russianKm2.low).toBe(1000 / 3);
  });
});

describe('compareScenarios: issues, stances and pairs', () => {
  const a = scenario('a', {
    territory: [territory('donetsk', { low: 1, high: 1 })],
    terms: [armySize(600000)],
    stances: [stance('russia', 'proposes')],
  });
  const b = scenario('b', { terms: [armySize(800000)] });
  const c = compareScenarios([a, b], BASE, reference());

  it('marks an issue as differing when the position code or value differs, and fills the unaddressed', () => {
    const army = c.issues.find((i) => i.issue === 'army-size');
    expect(army?.differs).toBe(true);
    expect(army?.positions.a).toMatchObject({ position: 'cap', value: { amount: 600000, unit: 'troops' } });
    const nato = c.issues.find((i) => i.issue === 'nato-neutrality');
    expect(nato?.differs).toBe(false);
    expect(nato?.positions.a?.position).toBe('not-addressed');
  });

  it('gives each party a stance per scenario, "not-recorded" where the data has none', () => {
    const russia = c.stances.find((s) => s.party === 'russia');
    expect(russia?.positions.a).toMatchObject({
      stance: 'proposes',
      quote: { text: 'We propose.', kind: 'verbatim' },
      sources: ['src'],
    });
    expect(russia?.positions.b?.stance).toBe('not-recorded');
  });

  it('computes the territory gap from interval midpoints, and the differing issues, for each pair', () => {
    expect(c.pairwise).toHaveLength(1);
    // donetsk: 1000 × |1 − 0.8| = 200; kherson: both at baseline.
    expect(c.pairwise[0]).toMatchObject({ a: 'a', b: 'b', differingIssues: ['army-size'] });
    expect(c.pairwise[0]?.territoryGapKm2).toBeCloseTo(200, 9);
  });

  it('treats not-addressed and not-reported as the same silence, and silence as differing from a position', () => {
    const silent = (id: string, position: string) =>
      scenario(id, { terms: [issueTerm('nato-neutrality', position), issueTerm('army-size', position)] });
    const withPosition = scenario('p', { terms: [issueTerm('nato-neutrality', 'no-nato')] });
    const both = compareScenarios(
      [silent('x', 'not-addressed'), silent('y', 'not-reported')],
      BASE,
      reference(),
    );
    expect(both.issues.map((row) => row.differs)).toEqual([false, false]);
    expect(both.pairwise[0]?.differingIssues).toEqual([]);
    const mixed = compareScenarios([silent('x', 'not-reported'), withPosition], BASE, reference());
    expect(mixed.issues.find((row) => row.issue === 'nato-neutrality')?.differs).toBe(true);
  });

  it('makes one pair per unordered couple of scenarios', () => {
    const many = compareScenarios([a, b, scenario('c'), scenario('d')], BASE, reference());
    expect(many.pairwise.map((p) => `${p.a}-${p.b}`)).toEqual(['a-b', 'a-c', 'a-d', 'b-c', 'b-d', 'c-d']);
  });

  it('lists each cited source once', () => {
    expect(c.sources.map((s) => s.id)).toEqual(['src']);
  });
});
