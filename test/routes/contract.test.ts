import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ComparisonSchema, ScenarioSummarySchema } from '../../src/domain/comparison.ts';
import {
  BaselineSchema,
  ChangelogEntrySchema,
  IssueSchema,
  PartySchema,
  RegionSchema,
  SourceSchema,
} from '../../src/domain/reference.ts';
import { ScenarioSchema } from '../../src/domain/scenario.ts';
import { TimelineSchema } from '../../src/domain/timeline.ts';
import { ProblemSchema } from '../../src/problem.ts';
import { callParsed, postCompare, SEED_IDS } from '../helpers.ts';

// Every JSON response parsed with the schema its route declares in the OpenAPI document. The
// list schemas are written out here as the routes declare them (strict, so an extra field fails).
const RESPONSES: [string, z.ZodType][] = [
  ['/v1/scenarios', z.object({ count: z.number(), scenarios: z.array(ScenarioSummarySchema) }).strict()],
  [
    '/v1/scenarios/anchorage-2025-08',
    z.object({ scenario: ScenarioSchema, sources: z.array(SourceSchema) }).strict(),
  ],
  ['/v1/baselines', z.object({ latest: z.string(), baselines: z.array(BaselineSchema) }).strict()],
  [
    '/v1/baselines/2026-01-01',
    z.object({ baseline: BaselineSchema, sources: z.array(SourceSchema) }).strict(),
  ],
  [
    '/v1/regions',
    z.object({ ukraine: z.looseObject({ areaKm2: z.number() }), regions: z.array(RegionSchema) }).strict(),
  ],
  ['/v1/parties', z.object({ parties: z.array(PartySchema) }).strict()],
  ['/v1/issues', z.object({ issues: z.array(IssueSchema) }).strict()],
  ['/v1/sources', z.object({ sources: z.array(SourceSchema) }).strict()],
  [
    '/v1/changelog',
    z.object({ datasetVersion: z.string(), entries: z.array(ChangelogEntrySchema) }).strict(),
  ],
  [`/v1/compare?scenarios=${SEED_IDS.join(',')}`, ComparisonSchema],
  [
    '/v1/compare?scenarios=all-ten'.replace('all-ten', 'russia-position-2026-02,us-berlin-offer-2025-12'),
    ComparisonSchema,
  ],
  ['/v1/parties/russia/timeline', TimelineSchema],
  ['/v1/parties/united-states/timeline', TimelineSchema],
  ['/v1/scenarios/nope', ProblemSchema],
  ['/v1/compare?scenarios=BAD', ProblemSchema],
];

describe('the responses keep their contract', () => {
  it.each(RESPONSES)('%s parses with its declared schema', async (path, schema) => {
    const { response } = await callParsed(path, schema);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/(problem\+)?json/);
  });

  it('a POSTed comparison and its problems parse with their schemas', async () => {
    const ok = ComparisonSchema.safeParse(await (await postCompare({ scenarios: [...SEED_IDS] })).json());
    expect(ok.success).toBe(true);
    const bad = ProblemSchema.safeParse(await (await postCompare({ scenarios: [{}] })).json());
    expect(bad.success).toBe(true);
  });
});
