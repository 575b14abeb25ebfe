import { createRoute, z } from '@hono/zod-openapi';
import { CACHE_CONTROL, cachedBuild, etagFor, notModified } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { buildTimeline, positionsOf } from '../domain/changes.ts';
import { compareScenarios } from '../domain/compare.ts';
import { TimelineSchema } from '../domain/timeline.ts';
import { MEDIA_TYPES, XLSX_CONTENT_TYPE } from '../formats/media-types.ts';
import { renderTimeline } from '../formats/respond.ts';
import { problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { baselineOr404, partyOr404 } from './lookup.ts';
import { chooseFormat } from './negotiate.ts';
import { BaselineQuerySchema, FormatQuerySchema } from './query-schemas.ts';

const TimelineQuerySchema = z.object({ baseline: BaselineQuerySchema, format: FormatQuerySchema });

export const timeline = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/parties/{id}/timeline',
    tags: ['Comparison'],
    summary: 'A party’s positions in date order, and what changed between them',
    description:
      'The scenarios the party proposed, oldest first; between each consecutive pair, typed changes (added, removed, changed) per region (outcome, share interval, km² against the baseline) and per issue (old → new), with sources. JSON, CSV, or XLSX (the positions compared, plus a Changes sheet).',
    request: {
      params: z.object({
        id: z
          .string()
          .max(80)
          .openapi({ param: { description: 'Party id (see /v1/parties)' }, example: 'russia' }),
      }),
      query: TimelineQuerySchema,
    },
    responses: {
      200: {
        description: 'The timeline, in the format asked for.',
        content: {
          'application/json': { schema: TimelineSchema },
          [MEDIA_TYPES.csv]: { schema: z.string() },
          [XLSX_CONTENT_TYPE]: { schema: z.string().describe('An XLSX workbook (binary).') },
        },
      },
      ...problemResponses('bad-request', 'unknown-id', 'not-acceptable'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const party = partyOr404(id, { in: 'path', path: 'id' });
    const format = chooseFormat(query.format, c.req.header('Accept'));
    c.set('format', format);
    const baseline =
      query.baseline === undefined
        ? catalog.latestBaseline
        : baselineOr404(query.baseline, { in: 'query', path: 'baseline' });
    const canonical = `timeline|${catalog.version}|${party.id}|${baseline.id}|${format}`;
    const headers = {
      ETag: etagFor(canonical, format === 'xlsx'),
      'Cache-Control': CACHE_CONTROL,
      Vary: 'Accept',
    };
    const build = async () => {
      const result = buildTimeline(party, catalog.scenarios, baseline, catalog.comparisonReference);
      const rendered = await renderTimeline(
        result,
        () => compareScenarios(positionsOf(party, catalog.scenarios), baseline, catalog.comparisonReference),
        format,
        {
          fileName: `timeline-${party.id}-${baseline.id}.${format}`,
          requestPath: `/v1/parties/${party.id}/timeline?baseline=${baseline.id}&format=${format}`,
          changelog: catalog.changelog,
        },
      );
      return new Response(rendered.body, { status: 200, headers: { ...rendered.headers, ...headers } });
    };
    return notModified(c, headers) ?? cachedBuild(c, canonical, { edge: format === 'xlsx' }, build);
  },
);
