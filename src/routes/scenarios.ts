import { createRoute, z } from '@hono/zod-openapi';
import { catalog } from '../catalog.ts';
import { resolveSources, scenarioSourceIds } from '../domain/citations.ts';
import { ScenarioSummarySchema } from '../domain/comparison.ts';
import { SourceSchema } from '../domain/reference.ts';
import { ScenarioSchema } from '../domain/scenario.ts';
import { problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { scenarioOr404 } from './lookup.ts';

const ScenarioListSchema = z
  .object({ count: z.number().int(), scenarios: z.array(ScenarioSummarySchema) })
  .meta({ id: 'ScenarioList' });

const ScenarioWithSourcesSchema = z
  .object({
    scenario: ScenarioSchema,
    sources: z.array(SourceSchema).describe('Every source the scenario cites, resolved.'),
  })
  .meta({ id: 'ScenarioWithSources' });

const summaries = catalog.scenarios.map(
  ({ territory: _t, terms: _terms, stances: _s, ...summary }) => summary,
);

export const scenarios = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/scenarios',
      tags: ['Catalogue'],
      summary: 'List the scenarios',
      description: 'Every scenario in the catalogue, oldest first, without its territory, terms and stances.',
      responses: {
        200: {
          description: 'The scenarios.',
          content: { 'application/json': { schema: ScenarioListSchema } },
        },
        ...problemResponses('bad-request', 'internal'),
      },
    }),
    (c) => c.json({ count: summaries.length, scenarios: summaries }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scenarios/{id}',
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
      const scenario = scenarioOr404(c.req.valid('param').id);
      return c.json(
        { scenario, sources: resolveSources(scenarioSourceIds(scenario), catalog.sourcesById) },
        200,
      );
    },
  );
