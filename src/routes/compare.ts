import { createRoute, z } from '@hono/zod-openapi';
import { CACHE_CONTROL, cachedBuild, etagFor, matchesEtag } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { compareScenarios } from '../domain/compare.ts';
import { ComparisonSchema } from '../domain/comparison.ts';
import { IdSchema, IsoDateSchema } from '../domain/primitives.ts';
import { BaselineSchema, SourceSchema } from '../domain/reference.ts';
import { SavedReferenceSchema } from '../domain/saved-scenario.ts';
import { ScenarioSchema } from '../domain/scenario.ts';
import { CSV_CONTENT_TYPE } from '../formats/csv.ts';
import { chooseFormat, FORMATS, type Format, XLSX_CONTENT_TYPE } from '../formats/negotiate.ts';
import { comparisonFileName, renderComparison } from '../formats/respond.ts';
import { LIMITS } from '../limits.ts';
import { ProblemError, problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { resolveComparison } from './comparison-input.ts';
import { loadSavedScenarios, type SavedScenarios } from './saved-comparison.ts';

const MAX_SCENARIOS = LIMITS.scenariosPerComparison;

const fileResponses = {
  'application/json': { schema: ComparisonSchema },
  [CSV_CONTENT_TYPE.split(';')[0] as string]: {
    schema: z
      .string()
      .describe('One tidy table: section, key, label, scenario, value, low, high, unit, sources.'),
  },
  [XLSX_CONTENT_TYPE]: { schema: z.string().describe('An XLSX workbook (binary).') },
};

const CompareQuerySchema = z.object({
  scenarios: z
    .string()
    .min(1)
    .max(2000)
    .openapi({
      param: {
        description: `Comma-separated scenario ids, 1 to ${MAX_SCENARIOS}, distinct, in the order to show them: catalogue ids, and saved:<id> (latest revision) or saved:<id>@<revision> for saved what-ifs.`,
      },
      example: 'anchorage-2025-08,donetsk-swap-2025-10,ceasefire-current-lines-2025-10',
    }),
  baseline: IsoDateSchema.optional().openapi({
    param: { description: 'Baseline snapshot date (see /v1/baselines); defaults to the latest.' },
    example: '2026-01-01',
  }),
  format: z
    .string()
    .max(40)
    .optional()
    .openapi({
      param: {
        description: `One of ${FORMATS.join(', ')}. Without it, the Accept header chooses (JSON by default).`,
      },
      example: 'json',
    }),
});

const CompareBodySchema = z
  .object({
    scenarios: z
      .array(
        z.union([IdSchema, SavedReferenceSchema, ScenarioSchema], {
          error: 'must be a catalogue scenario id, a saved:<id> reference or an inline scenario object',
        }),
      )
      .min(1)
      .max(MAX_SCENARIOS)
      .refine((items) => items.filter((s) => typeof s !== 'string').length <= LIMITS.inlineScenarios, {
        message: `at most ${LIMITS.inlineScenarios} inline scenarios per request`,
      })
      .describe(
        `Catalogue ids, saved:<id>[@<revision>] references and/or inline scenarios (your own what-ifs, at most ${LIMITS.inlineScenarios}), in the order to show them.`,
      ),
    baseline: z
      .union([IsoDateSchema, BaselineSchema], {
        error: 'must be a baseline date or an inline baseline object',
      })
      .optional()
      .describe(
        'A catalogue baseline date, or an inline snapshot covering every region; defaults to the latest.',
      ),
    sources: z
      .array(SourceSchema)
      .max(LIMITS.inlineSources)
      .optional()
      .describe('Sources that inline scenarios or an inline baseline cite, besides the catalogue’s.'),
    format: z.enum(FORMATS).optional(),
  })
  .strict()
  .meta({
    id: 'CompareRequest',
    description: 'A comparison of catalogue and inline scenarios. Nothing is stored.',
  });

function parseIdList(raw: string): string[] {
  const ids = raw.split(',').map((id) => id.trim());
  const errors = ids.flatMap((id, i) => {
    // saved:<id> references are checked when they are loaded (loadSavedScenarios).
    const result = id.startsWith('saved:') ? { success: true as const } : IdSchema.safeParse(id);
    return result.success
      ? []
      : [
          {
            in: 'query' as const,
            path: 'scenarios',
            message: `item ${i + 1} ("${id.slice(0, 80)}"): ${result.error.issues[0]?.message}`,
          },
        ];
  });
  if (ids.length > MAX_SCENARIOS) {
    errors.push({
      in: 'query',
      path: 'scenarios',
      message: `at most ${MAX_SCENARIOS} scenarios per comparison (got ${ids.length})`,
    });
  }
  if (errors.length > 0) {
    throw new ProblemError('bad-request', `Invalid field: scenarios (${errors[0]?.message}).`, {
      errors,
      ...(ids.length > MAX_SCENARIOS && { limit: MAX_SCENARIOS }),
    });
  }
  return ids;
}

/** Builds the comparison response: resolve the request, compare, render the format. */
async function buildResponse(
  request: Parameters<typeof resolveComparison>[0],
  format: Format,
  where: 'query' | 'body',
  headers: Record<string, string> = {},
  saved: SavedScenarios = new Map(),
): Promise<Response> {
  const resolved = resolveComparison(request, catalog, where, saved);
  const comparison = compareScenarios(resolved.scenarios, resolved.baseline, resolved.reference);
  const ids = resolved.scenarios.map((s) => s.id);
  const rendered = await renderComparison(comparison, format, {
    fileName: comparisonFileName(ids, resolved.baseline.id, format),
    requestPath:
      resolved.fromCatalogue || (where === 'query' && saved.size > 0)
        ? `/v1/compare?scenarios=${ids.join(',')}&baseline=${resolved.baseline.id}&format=${format}`
        : 'POST /v1/compare (inline data, not stored)',
    changelog: catalog.changelog,
  });
  return new Response(rendered.body, { status: 200, headers: { ...rendered.headers, ...headers } });
}

export const compare = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/compare',
      tags: ['Comparison'],
      summary: 'Compare catalogue scenarios',
      description:
        'Per region: km² under Russian control after each scenario against the baseline, as {low, high} intervals; per issue: each scenario’s position; per party: its stance; per pair: where they differ. JSON, CSV (one tidy table) or XLSX (live formulas).',
      request: { query: CompareQuerySchema },
      responses: {
        200: { description: 'The comparison, in the format asked for.', content: fileResponses },
        ...problemResponses('bad-request', 'unknown-id', 'not-acceptable', 'internal'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const format = chooseFormat(query.format, c.req.header('Accept'));
      c.set('format', format);
      const ids = parseIdList(query.scenarios);
      const baseline = query.baseline ?? catalog.latestBaseline.id;
      const saved = await loadSavedScenarios(c, ids, 'query');
      // The response depends only on these inputs, so they key the ETag and the edge cache; a
      // saved scenario enters as saved:<id>@<revision>, so a new revision is a new key.
      const keyIds = ids.map((id) => saved.get(id)?.scenario.id ?? id);
      const canonical = `compare|${catalog.version}|${keyIds.join(',')}|${baseline}|${format}`;
      const etag = etagFor(canonical, format === 'xlsx');
      // saved:<id> may move to a new revision at any time: revalidate instead of keeping it.
      const cacheControl = saved.size > 0 ? 'no-cache' : CACHE_CONTROL;
      const headers = { ETag: etag, 'Cache-Control': cacheControl, Vary: 'Accept' };
      if (matchesEtag(c.req.header('If-None-Match'), etag)) {
        return new Response(null, { status: 304, headers }) as never;
      }
      const build = () => buildResponse({ scenarios: ids, baseline }, format, 'query', headers, saved);
      return cachedBuild(c, canonical, { edge: format === 'xlsx' }, build) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/compare',
      tags: ['Comparison'],
      summary: 'Compare your own what-if scenarios or corrected control figures with the catalogue',
      description:
        'Inline scenarios and baselines are validated by the same schemas as the catalogue (every error names its JSON path), compared, and stored nowhere. The format comes from the body’s `format`, else the Accept header.',
      request: { body: { required: true, content: { 'application/json': { schema: CompareBodySchema } } } },
      responses: {
        200: { description: 'The comparison, in the format asked for.', content: fileResponses },
        ...problemResponses(
          'bad-request',
          'validation',
          'not-acceptable',
          'payload-too-large',
          'unsupported-media-type',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const format = chooseFormat(body.format, c.req.header('Accept'), 'body');
      c.set('format', format);
      const saved = await loadSavedScenarios(c, body.scenarios, 'body');
      return buildResponse(body, format, 'body', { 'Cache-Control': 'no-store' }, saved) as never;
    },
  );
