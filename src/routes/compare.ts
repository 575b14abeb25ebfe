import { createRoute, z } from '@hono/zod-openapi';
import { CACHE_CONTROL, cachedBuild, etagFor, notModified } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { compareScenarios } from '../domain/compare.ts';
import { ComparisonSchema } from '../domain/comparison.ts';
import { IdSchema, IsoDateSchema } from '../domain/primitives.ts';
import { BaselineSchema, SourceSchema } from '../domain/reference.ts';
import { SavedReferenceSchema } from '../domain/saved-scenario.ts';
import { ScenarioSchema } from '../domain/scenario.ts';
import { FORMATS, type Format, MEDIA_TYPES, XLSX_CONTENT_TYPE } from '../formats/media-types.ts';
import { comparisonFileName, renderComparison } from '../formats/respond.ts';
import { LIMITS } from '../limits.ts';
import { jsonBody } from '../middleware.ts';
import { ProblemError, problemResponses } from '../problem.ts';
import { createRouter } from '../router.ts';
import { type ResolvedComparison, resolveComparison } from './comparison-input.ts';
import { chooseFormat } from './negotiate.ts';
import { BaselineQuerySchema, FormatQuerySchema } from './query-schemas.ts';
import { loadSavedScenarios } from './saved-comparison.ts';

const MAX_SCENARIOS = LIMITS.scenariosPerComparison;

const fileResponses = {
  'application/json': { schema: ComparisonSchema },
  [MEDIA_TYPES.csv]: {
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
  baseline: BaselineQuerySchema,
  format: FormatQuerySchema,
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

/** Builds the comparison response for a resolved request: compare, then render the format. */
async function buildResponse(
  resolved: ResolvedComparison,
  format: Format,
  headers: Record<string, string> = {},
  fromQuery = false,
): Promise<Response> {
  const comparison = compareScenarios(resolved.scenarios, resolved.baseline, resolved.reference);
  const ids = resolved.scenarios.map((s) => s.id);
  const rendered = await renderComparison(comparison, format, {
    fileName: comparisonFileName(ids, resolved.baseline.id, format),
    // A GET (catalogue or saved scenarios) can be fetched again; inline data cannot.
    requestPath:
      resolved.fromCatalogue || fromQuery
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
      // Load saved:<id> references, then resolve: only a comparison that exists has an ETag a
      // condition can match.
      const saved = await loadSavedScenarios(c, ids, 'query');
      const resolved = resolveComparison(
        { scenarios: ids, ...(query.baseline !== undefined && { baseline: query.baseline }) },
        catalog,
        'query',
        saved,
      );
      // The response depends only on these inputs, so they key the ETag and the edge cache; a
      // saved scenario enters as saved:<id>@<revision>, so a new revision is a new key.
      const keyIds = resolved.scenarios.map((s) => s.id);
      const canonical = `compare|${catalog.version}|${keyIds.join(',')}|${resolved.baseline.id}|${format}`;
      const headers = {
        ETag: etagFor(canonical, format === 'xlsx'),
        // saved:<id> may move to a new revision at any time: revalidate instead of keeping it.
        'Cache-Control': saved.size > 0 ? 'no-cache' : CACHE_CONTROL,
        Vary: 'Accept',
      };
      return (
        notModified(c, headers) ??
        cachedBuild(c, canonical, { edge: format === 'xlsx' }, () =>
          buildResponse(resolved, format, headers, true),
        )
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/compare',
      middleware: jsonBody,
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
      return buildResponse(resolveComparison(body, catalog, 'body', saved), format, {
        'Cache-Control': 'no-store',
      });
    },
  );
