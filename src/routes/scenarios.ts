import { createRoute, z } from '@hono/zod-openapi';
import { catalogueCaching } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { resolveSources, scenarioSourceIds } from '../domain/citations.ts';
import { toSummary } from '../domain/compare.ts';
import { ScenarioSummarySchema } from '../domain/comparison.ts';
import { isoDate } from '../domain/primitives.ts';
import { SourceSchema } from '../domain/reference.ts';
import { ScenarioSchema } from '../domain/scenario.ts';
import { ProblemError, problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { scenarioOr404 } from './lookup.ts';

const ScenarioListSchema = z
  .object({ count: z.number().int(), scenarios: z.array(ScenarioSummarySchema) })
  .meta({ id: 'ScenarioList' });

const ScenarioFilterSchema = z.object({
  party: z
    .string()
    .max(80)
    .optional()
    .openapi({
      param: { description: 'Only scenarios this party proposed (see /v1/parties).' },
      example: 'russia',
    }),
  from: isoDate()
    .optional()
    .openapi({ param: { description: 'Only scenarios dated on or after this day.' }, example: '2025-06-01' }),
  to: isoDate()
    .optional()
    .openapi({
      param: { description: 'Only scenarios dated on or before this day.' },
      example: '2025-12-31',
    }),
});

const ScenarioWithSourcesSchema = z
  .object({
    scenario: ScenarioSchema,
    sources: z.array(SourceSchema).describe('Every source the scenario cites, resolved.'),
  })
  .meta({ id: 'ScenarioWithSources' });

const summaries = catalog.scenarios.map(toSummary);

/** ETag and Cache-Control for every route here: they depend only on the path, the query and the dataset. */
const cached = catalogueCaching(catalog.version);

export const scenarios = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/scenarios',
      middleware: cached,
      tags: ['Catalogue'],
      summary: 'List the scenarios',
      description:
        'Every scenario in the catalogue, oldest first, without its territory, terms and stances; optionally only those a party proposed, within a date range.',
      request: { query: ScenarioFilterSchema },
      responses: {
        200: {
          description: 'The scenarios.',
          content: { 'application/json': { schema: ScenarioListSchema } },
        },
        ...problemResponses('bad-request', 'internal'),
      },
    }),
    (c) => {
      const { party, from, to } = c.req.valid('query');
      if (party !== undefined && !catalog.partiesById.has(party)) {
        const validIds = [...catalog.partiesById.keys()];
        throw new ProblemError(
          'bad-request',
          `No party with id "${party}". Valid ids: ${validIds.join(', ')}.`,
          {
            validIds,
            errors: [{ in: 'query', path: 'party', message: 'unknown party id' }],
          },
        );
      }
      if (from !== undefined && to !== undefined && from > to) {
        throw new ProblemError('bad-request', `The range is empty: from (${from}) is after to (${to}).`, {
          errors: [{ in: 'query', path: 'from', message: 'must not be after to' }],
        });
      }
      const list = summaries.filter(
        (s) =>
          (party === undefined || s.proposers.includes(party)) &&
          (from === undefined || s.date >= from) &&
          (to === undefined || s.date <= to),
      );
      return c.json({ count: list.length, scenarios: list }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scenarios/{id}',
      middleware: cached,
      tags: ['Catalogue'],
      summary: 'One scenario, with its sources resolved',
      request: {
        params: z.object({
          id: z
            .string()
            .max(200)
            .openapi({ param: { description: 'Scenario id' }, example: 'anchorage-2025-08' }),
        }),
      },
      responses: {
        200: {
          description: 'The scenario.',
          content: { 'application/json': { schema: ScenarioWithSourcesSchema } },
        },
        ...problemResponses('bad-request', 'unknown-id', 'internal'),
      },
    }),
    (c) => {
      const scenario = scenarioOr404(c.req.valid('param').id, { in: 'path', path: 'id' });
      return c.json(
        { scenario, sources: resolveSources(scenarioSourceIds(scenario), catalog.sourcesById) },
        200,
      );
    },
  );
