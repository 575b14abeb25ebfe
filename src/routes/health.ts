import { createRoute, z } from '@hono/zod-openapi';
import { catalog } from '../catalog.ts';
import { problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    datasetVersion: z
      .string()
      .describe('Content hash of the bundled data; changes whenever the data changes.'),
    scenarios: z.number().int(),
    latestBaseline: z.string(),
  })
  .meta({ id: 'Health' });

export const health = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['Service'],
    summary: 'Liveness and dataset version',
    responses: {
      200: { description: 'The service is up.', content: { 'application/json': { schema: HealthSchema } } },
      ...problemResponses('internal'),
    },
  }),
  (c) =>
    c.json(
      {
        status: 'ok' as const,
        datasetVersion: catalog.version,
        scenarios: catalog.scenarios.length,
        latestBaseline: catalog.latestBaseline.id,
      },
      200,
    ),
);
