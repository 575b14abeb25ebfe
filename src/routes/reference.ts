import { createRoute, z } from '@hono/zod-openapi';
import { catalogueCaching } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { fullChangelog } from '../domain/catalog.ts';
import { baselineSourceIds, resolveSources } from '../domain/citations.ts';
import { isoDate } from '../domain/primitives.ts';
import {
  BaselineSchema,
  ChangelogEntrySchema,
  IssueSchema,
  PartySchema,
  RegionSchema,
  SourceSchema,
} from '../domain/reference.ts';
import { problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { baselineOr404 } from './lookup.ts';

const RegionListSchema = z
  .object({
    ukraine: z.object({ areaKm2: z.number(), note: z.string().optional(), sources: z.array(z.string()) }),
    regions: z.array(RegionSchema),
  })
  .meta({ id: 'RegionList' });
const BaselineListSchema = z
  .object({
    latest: z.string().describe('The id of the newest snapshot, the default for comparisons.'),
    baselines: z.array(BaselineSchema),
  })
  .meta({ id: 'BaselineList' });
const BaselineWithSourcesSchema = z
  .object({ baseline: BaselineSchema, sources: z.array(SourceSchema) })
  .meta({ id: 'BaselineWithSources' });

const ChangelogSchema = z
  .object({
    datasetVersion: z.string(),
    entries: z
      .array(ChangelogEntrySchema)
      .describe('Newest first: changes to the dataset as a whole, and each scenario’s corrections.'),
  })
  .meta({ id: 'Changelog' });

const changelog = { datasetVersion: catalog.version, entries: fullChangelog(catalog) };

/** ETag and Cache-Control for every route here: they depend only on the path and the dataset. */
const cached = catalogueCaching(catalog.version);

const listRoute = <T extends z.ZodType>(path: string, summary: string, schema: T) =>
  createRoute({
    method: 'get',
    path,
    middleware: cached,
    tags: ['Reference data'],
    summary,
    responses: {
      200: { description: summary, content: { 'application/json': { schema } } },
      ...problemResponses('internal'),
    },
  });

export const reference = createRouter()
  .openapi(listRoute('/regions', 'Regions with official areas', RegionListSchema), (c) =>
    c.json({ ukraine: catalog.ukraine, regions: [...catalog.regions] }, 200),
  )
  .openapi(listRoute('/baselines', 'Dated control snapshots', BaselineListSchema), (c) =>
    c.json({ latest: catalog.latestBaseline.id, baselines: [...catalog.baselines] }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/baselines/{date}',
      middleware: cached,
      tags: ['Reference data'],
      summary: 'One control snapshot, with its sources resolved',
      request: {
        params: z.object({
          date: isoDate().openapi({ param: { description: 'Snapshot date' }, example: '2026-01-01' }),
        }),
      },
      responses: {
        200: {
          description: 'The snapshot.',
          content: { 'application/json': { schema: BaselineWithSourcesSchema } },
        },
        ...problemResponses('bad-request', 'unknown-id', 'internal'),
      },
    }),
    (c) => {
      const baseline = baselineOr404(c.req.valid('param').date, { in: 'path', path: 'date' });
      return c.json(
        { baseline, sources: resolveSources(baselineSourceIds(baseline), catalog.sourcesById) },
        200,
      );
    },
  )
  .openapi(
    listRoute('/parties', 'Parties whose stances are recorded', z.object({ parties: z.array(PartySchema) })),
    (c) => c.json({ parties: [...catalog.parties] }, 200),
  )
  .openapi(listRoute('/issues', 'The issue taxonomy', z.object({ issues: z.array(IssueSchema) })), (c) =>
    c.json({ issues: [...catalog.issues] }, 200),
  )
  .openapi(
    listRoute('/sources', 'Every source the data cites', z.object({ sources: z.array(SourceSchema) })),
    (c) => c.json({ sources: [...catalog.sources] }, 200),
  )
  .openapi(
    listRoute('/changelog', 'What changed in the data, and why (newest first)', ChangelogSchema),
    (c) => c.json(changelog, 200),
  );
