import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog.ts';
import { compareScenarios } from '../../src/domain/compare.ts';
import type { RegionOutcome, ScenarioTotal } from '../../src/domain/comparison.ts';
import type { RegionId } from '../../src/domain/reference.ts';
import type { Scenario, ShareBound, TerritoryTerm } from '../../src/domain/scenario.ts';
import { mutate } from '../arbitraries.ts';
import { call, SEED_IDS } from '../helpers.ts';
import { VALID_INLINE } from './hostile-fixtures.ts';

const SOURCE = catalog.sources[0]?.id as string;
const REGION_IDS = catalog.regions.map((r) => r.id as RegionId);
const OUTCOMES = [
  'under-russian-control',
  'frozen-at-line',
  'returned-to-ukraine',
  'claim-dropped',
  'ambiguous',
] as const;

/** A share interval that is valid whatever the baseline: numbers ordered, or "baseline" paired with 0/1. */
const shareArb: fc.Arbitrary<{ low: ShareBound; high: ShareBound }> = fc.oneof(
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) })),
  fc.constant({ low: 'baseline' as const, high: 'baseline' as const }),
  fc.constant({ low: 0, high: 'baseline' as const }),
  fc.constant({ low: 'baseline' as const, high: 1 }),
);

const territoryArb: fc.Arbitrary<TerritoryTerm[]> = fc
  .uniqueArray(fc.constantFrom(...REGION_IDS), { maxLength: REGION_IDS.length })
  .chain((regions) =>
    fc.tuple(
      ...regions.map((region) =>
        fc
          .record({
            share: fc.option(shareArb, { nil: undefined }),
            outcome: fc.constantFrom(...OUTCOMES),
            quantified: fc.boolean(),
          })
          .map(
            ({ share, outcome, quantified }): TerritoryTerm => ({
              region,
              outcome,
              legalStatus: 'unspecified',
              ...(share && { russianShare: share }),
              quantified,
              sources: [SOURCE],
            }),
          ),
      ),
    ),
  );

const scenarioArb = (id: string): fc.Arbitrary<Scenario> =>
  fc
    .record({ territory: territoryArb, terms: fc.subarray(catalog.issues.map((i) => i.id)) })
    .map(({ territory, terms }) => ({
      id,
      title: `Random ${id}`,
      summary: 'Generated.',
      proposers: ['ukraine'],
      date: '2026-01-01',
      venue: 'Property test',
      status: 'what-if',
      sources: [SOURCE],
      territory,
      terms: terms.map((issue) => ({
        issue,
        position: 'generated',
        detail: 'Generated.',
        sources: [SOURCE],
      })),
      stances: [],
    }));

describe('properties of the comparison', () => {
  it('random valid scenarios always compare, with low ≤ high everywhere and totals equal to the sum of their regions', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 })
          .chain((seeds) => fc.tuple(...[...new Set(seeds)].map((n) => scenarioArb(`random-${n}`)))),
        fc.constantFrom(...catalog.baselines),
        (scenarios, baseline) => {
          const c = compareScenarios(scenarios, baseline, catalog.comparisonReference);
          for (const s of scenarios) {
            const outcomes = c.territory.regions.map((r) => r.scenarios[s.id] as RegionOutcome);
            const total = c.territory.totals[s.id] as ScenarioTotal;
            for (const o of outcomes) {
              for (const i of [o.russianShare, o.russianKm2, o.changeKm2])
                expect(i.low).toBeLessThanOrEqual(i.high);
            }
            for (const i of [total.russianKm2, total.changeKm2, total.shareOfUkraine])
              expect(i.low).toBeLessThanOrEqual(i.high);
            const sum = (pick: (o: RegionOutcome) => number) => outcomes.reduce((acc, o) => acc + pick(o), 0);
            expect(total.russianKm2.low).toBe(sum((o) => o.russianKm2.low));
            expect(total.russianKm2.high).toBe(sum((o) => o.russianKm2.high));
            expect(total.changeKm2.low).toBe(sum((o) => o.changeKm2.low));
            expect(total.changeKm2.high).toBe(sum((o) => o.changeKm2.high));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random valid inline scenarios POSTed with the seed always answer 200', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb('posted-what-if'),
        fc.constantFrom('json', 'csv'),
        async (scenario, format) => {
          const response = await call('/v1/compare', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ scenarios: [...SEED_IDS, scenario], format }),
          });
          expect(response.status).toBe(200);
          await response.arrayBuffer();
        },
      ),
      { numRuns: 40 },
    );
  });
});

async function expectNo5xx(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await response.json()) as { status: number };
    expect(problem.status).toBe(response.status);
  } else await response.arrayBuffer();
}

const validBody = { scenarios: [SEED_IDS[0], VALID_INLINE], format: 'json' };

describe('fuzzing the compare endpoints', () => {
  it('never answers random JSON bodies with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        await expectNo5xx(
          await call('/v1/compare', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never answers mutated valid bodies with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(mutate(validBody), fc.constantFrom('json', 'csv', 'xlsx'), async (body, format) => {
        const withFormat =
          body && typeof body === 'object' && !Array.isArray(body) ? { ...body, format } : body;
        await expectNo5xx(
          await call('/v1/compare', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(withFormat),
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never answers random bytes as a body with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await expectNo5xx(
          await call('/v1/compare', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: bytes,
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('never answers random query strings with a 5xx', async () => {
    const param = fc.oneof(
      fc.string(),
      fc.constantFrom(...SEED_IDS, '2026-01-01', 'xlsx', 'csv', ''),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('scenarios', 'baseline', 'format', 'x', ''),
            fc.array(param, { maxLength: 4 }).map((a) => a.join(',')),
          ),
          { maxLength: 5 },
        ),
        fc.option(fc.constantFrom('text/csv', '*/*', 'application/pdf', 'garbage;;q=x', ''), {
          nil: undefined,
        }),
        async (pairs, accept) => {
          const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          await expectNo5xx(
            await call(`/v1/compare?${query}`, accept === undefined ? {} : { headers: { Accept: accept } }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never answers raw, unencoded query junk with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 200 }), async (junk) => {
        const safe = junk.replace(/[#\s]/g, '');
        let response: Response;
        try {
          response = await call(`/v1/compare?${safe}`);
        } catch {
          return; // the URL itself is invalid: no request reaches the Worker
        }
        await expectNo5xx(response);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random paths, methods and conditions consistently: no 5xx, a 304 only for a 200, redirects on this host', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'v1',
        'scenarios',
        'compare',
        'health',
        'baselines',
        'parties',
        'russia',
        'timeline',
        ...SEED_IDS,
      ),
      fc.constantFrom('2026-01-01', '1999-01-01', 'nope', '', '.', '..', '%2F', '\\', 'evil.example'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', '/', '//', '?format=csv', '/?scenarios=anchorage-2025-08'),
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.option(fc.constantFrom('*', '"x"', 'W/"x", *', '', '*, *'), { nil: undefined }),
        async (segments, tail, method, ifNoneMatch) => {
          const path = `/${segments.join('/')}${tail}`;
          const headers: Record<string, string> =
            ifNoneMatch === undefined ? {} : { 'If-None-Match': ifNoneMatch };
          let response: Response;
          try {
            response = await call(path, { method, headers, redirect: 'manual' });
          } catch {
            return; // not a URL a client could send
          }
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
          const page = response.headers.get('Content-Type')?.startsWith('text/html');
          if (response.status >= 400 && method !== 'HEAD' && !page) await expectNo5xx(response.clone());
          if (response.status === 304) {
            const plain = await call(path, { method, redirect: 'manual' });
            expect(plain.status, `${method} ${path}`).toBe(200);
            await plain.arrayBuffer();
          }
          const location = response.headers.get('Location');
          if (location) expect(new URL(location).host, path).toBe('localhost');
          await response.arrayBuffer();
        },
      ),
      { numRuns: 200 },
    );
  });
});
