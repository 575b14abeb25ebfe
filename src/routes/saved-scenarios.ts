import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { etagFor, matchesEtag } from '../caching.ts';
import { catalog } from '../catalog.ts';
import { IdSchema } from '../domain/primitives.ts';
import { SourceSchema } from '../domain/reference.ts';
import {
  canonicalJson,
  constantTimeEqual,
  ifMatchSatisfied,
  SavedScenarioIdSchema,
  type StoredScenario,
  StoredScenarioSchema,
  savedComparisonId,
  storedText,
} from '../domain/saved-scenario.ts';
import { ScenarioSchema } from '../domain/scenario.ts';
import type { AppEnv } from '../env.ts';
import { LIMITS } from '../limits.ts';
import { jsonBody } from '../middleware.ts';
import {
  type FieldError,
  fieldErrors,
  logUnexpectedError,
  ProblemError,
  problemResponses,
} from '../problem.ts';
import { createRouter } from '../router.ts';
import { forgetSaved, recallSaved, rememberSaved, wantsFresh } from '../storage/saved-cache.ts';
import { type SavedHead, SavedScenarioStore, type SavedWithBody } from '../storage/saved-scenarios.ts';
import { newEditToken, newSavedId, openToken, sealToken, sha256Hex } from '../storage/secrets.ts';
import { resolveComparison } from './comparison-input.ts';

/** The response header carrying D1's bookmark; a client that sends it back reads its own writes. */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
/** A past revision never changes: it may be kept for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The latest revision may change at any time: revalidate (ETag) on every use. */
const REVALIDATE = 'no-cache';

const SavedSourcesSchema = z
  .array(SourceSchema)
  .max(LIMITS.inlineSources)
  .optional()
  .describe('Sources the scenario cites, besides the catalogue’s.');

const CreateSavedSchema = z
  .object({
    scenario: ScenarioSchema.describe(
      'An inline scenario, exactly as POST /v1/compare takes it; its id must not be a catalogue id.',
    ),
    sources: SavedSourcesSchema,
    forkOf: IdSchema.optional().describe(
      'The catalogue scenario this one started from, kept as provenance with the dataset version.',
    ),
  })
  .strict()
  .meta({ id: 'SavedScenarioCreate' });

const UpdateSavedSchema = z
  .object({ scenario: ScenarioSchema, sources: SavedSourcesSchema })
  .strict()
  .meta({ id: 'SavedScenarioUpdate', description: 'The new revision: the whole scenario and its sources.' });

const ForkOfSchema = z
  .object({ id: z.string(), datasetVersion: z.string() })
  .nullable()
  .describe('The catalogue scenario it was forked from, and the dataset version at the time.');

const SavedScenarioSchema = z
  .object({
    id: z.string(),
    revision: z.number().int().min(1),
    compareAs: z
      .string()
      .describe('How to name this revision in a comparison: saved:<id>@<revision> (saved:<id> = latest).'),
    createdAt: z.string().describe('When the saved scenario was created (ISO 8601).'),
    updatedAt: z.string().describe('When this revision was written (ISO 8601).'),
    forkOf: ForkOfSchema,
    scenario: ScenarioSchema,
    sources: z.array(SourceSchema),
  })
  .meta({ id: 'SavedScenario' });

const CreatedSchema = SavedScenarioSchema.extend({
  editToken: z
    .string()
    .describe(
      'Shown once: send it as `Authorization: Bearer <editToken>` to change or delete. It is stored only as a hash.',
    ),
}).meta({ id: 'SavedScenarioCreated' });

const RevisionListSchema = z
  .object({
    id: z.string(),
    latest: z.number().int(),
    revisions: z.array(
      z.object({ revision: z.number().int(), createdAt: z.string(), href: z.string(), etag: z.string() }),
    ),
  })
  .meta({ id: 'SavedScenarioRevisions' });

const IdParamSchema = z.object({
  id: SavedScenarioIdSchema.openapi({ param: { description: 'The saved scenario’s id.' } }),
});
const RevisionParamSchema = IdParamSchema.extend({
  n: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.savedRevisions)
    .openapi({ param: { description: 'A revision number.' }, example: 1 }),
});

const BookmarkHeaders = z.object({
  'x-d1-bookmark': z
    .string()
    .max(200)
    .optional()
    .describe('The X-D1-Bookmark of an earlier response: read at least that fresh a state.'),
});
const WriteHeaders = z.object({
  authorization: z.string().max(200).optional().describe('`Bearer <editToken>`. Required.'),
  'if-match': z.string().max(200).optional().describe('The ETag of the revision you read. Required.'),
});

const headerDescriptions = {
  ETag: { description: 'Strong; changes with each revision.', schema: { type: 'string' as const } },
  [BOOKMARK_HEADER]: {
    description: 'D1 Sessions bookmark: send it back (same header) to read your own writes.',
    schema: { type: 'string' as const },
  },
};

/** The ETag of one revision of a saved scenario. */
export const savedEtag = (id: string, revision: number): string => etagFor(`saved|${id}|${revision}`);
const nowIso = (): string => new Date().toISOString();

/** Creates, updates and deletes are limited per client (CF-Connecting-IP) by the Workers rate limiter. */
const limitWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('CF-Connecting-IP') ?? 'unknown';
  const { success } = await c.env.SAVED_WRITES.limit({ key });
  if (!success) {
    throw new ProblemError(
      'too-many-requests',
      `At most ${LIMITS.savedWritesPerMinute} creates and writes of saved scenarios per minute per client; retry after 60 seconds.`,
      { limit: LIMITS.savedWritesPerMinute },
      { 'Retry-After': '60' },
    );
  }
  await next();
};

/**
 * The rules POST /v1/compare applies to an inline scenario (catalogue id clash, references,
 * supersedes, shares against every baseline), by the same code; paths name this body's fields.
 */
function checkRules(input: { scenario: StoredScenario['scenario']; sources?: StoredScenario['sources'] }) {
  let errors: FieldError[] = [];
  try {
    resolveComparison({ scenarios: [input.scenario], sources: input.sources ?? [] }, catalog, 'body');
  } catch (error) {
    if (!(error instanceof ProblemError) || !error.extras.errors) throw error;
    errors = error.extras.errors.map((e) => ({ ...e, path: e.path.replace(/^scenarios\[0\]/, 'scenario') }));
  }
  return errors;
}

/** The rules of a create beyond its schema: checkRules(), and a forkOf that names a catalogue scenario. */
function checkCreate(body: z.infer<typeof CreateSavedSchema>): FieldError[] {
  const errors = checkRules(body);
  if (body.forkOf !== undefined && !catalog.scenariosById.has(body.forkOf)) {
    errors.push({ in: 'body', path: 'forkOf', message: `unknown catalogue scenario "${body.forkOf}"` });
  }
  return errors;
}

/**
 * Validates a create (`forkOf` allowed) or update body that did not come through this API's JSON
 * routes (the what-if pages build one from a form): the same schema and rules, field paths as here.
 */
export function validateSavedBody(
  input: unknown,
  kind: 'create' | 'update',
): { ok: true; value: z.infer<typeof CreateSavedSchema> } | { ok: false; errors: FieldError[] } {
  const parsed = (kind === 'create' ? CreateSavedSchema : UpdateSavedSchema).safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors('body', parsed.error) };
  const errors = checkCreate(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** 409 when a saved scenario already keeps as many revisions as it may. */
export function assertRevisionRoom(head: SavedHead): void {
  if (head.revision >= LIMITS.savedRevisions) {
    throw new ProblemError(
      'revision-limit',
      `Saved scenario "${head.id}" has ${head.revision} revisions, the most it may keep; save a new one instead.`,
      { limit: LIMITS.savedRevisions },
    );
  }
}

function throwInvalid(errors: FieldError[]): never {
  const fields = [...new Set(errors.map((e) => e.path))];
  throw new ProblemError(
    'validation',
    `Invalid ${fields.length === 1 ? 'field' : 'fields'}: ${fields.join(', ')}.`,
    { errors },
  );
}

/** Parses a stored revision; an unreadable row is logged and answered 500 for this id only. */
export function parseStored(c: Context<AppEnv>, id: string, revision: number, text: string): StoredScenario {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = StoredScenarioSchema.safeParse(parsed);
  if (!result.success) {
    logUnexpectedError(c, new Error(`saved scenario ${id} revision ${revision} is unreadable`));
    throw new ProblemError(
      'internal',
      `Saved scenario ${id} (revision ${revision}) could not be read. Quote request id ${c.get('requestId') ?? 'unknown'} when reporting it.`,
    );
  }
  return result.data;
}

/** The 404 or 410 for a missing or deleted saved scenario. */
function existing<T extends SavedHead>(head: T | null, id: string): T {
  if (!head) {
    throw new ProblemError('not-found', `No saved scenario with id "${id}".`, {
      errors: [{ in: 'path', path: 'id', message: 'unknown saved scenario id' }],
    });
  }
  if (head.deletedAt) {
    throw new ProblemError('gone', `Saved scenario "${id}" was deleted on ${head.deletedAt}.`);
  }
  return head;
}

function representation(row: SavedWithBody, stored: StoredScenario, revision: number) {
  return {
    id: row.id,
    revision,
    compareAs: savedComparisonId(row.id, revision),
    createdAt: row.createdAt,
    updatedAt: row.revisionCreatedAt ?? row.updatedAt,
    forkOf: row.forkOf ? { id: row.forkOf, datasetVersion: row.forkOfDataset ?? '' } : null,
    scenario: stored.scenario,
    sources: stored.sources,
  };
}

/**
 * Reads a saved scenario (the latest revision, or `revision`) for a GET: from this isolate's
 * memory of the last moments unless the client asks for a fresh read (saved-cache.ts), else from
 * D1 after the client's bookmark. 404 or 410 when it does not exist or was deleted.
 */
async function readForGet(
  c: Context<AppEnv>,
  id: string,
  bookmark: string | undefined,
  revision?: number,
): Promise<{ row: SavedWithBody; store?: SavedScenarioStore; cache: 'MEMO' | 'MISS' }> {
  const key = revision === undefined ? id : `${id}@${revision}`;
  const remembered = wantsFresh(bookmark, c.req.header('Cache-Control')) ? undefined : recallSaved(key);
  if (remembered) return { row: existing(remembered, id), cache: 'MEMO' };
  const store = SavedScenarioStore.forReading(c.env.DB, bookmark);
  const row = await store.read(id, revision);
  if (row) rememberSaved(key, row);
  return { row: existing(row, id), store, cache: 'MISS' };
}

function withBookmark(
  store: SavedScenarioStore | undefined,
  headers: Record<string, string>,
): Record<string, string> {
  const bookmark = store?.bookmark();
  return bookmark ? { ...headers, [BOOKMARK_HEADER]: bookmark } : headers;
}

/** Checks the edit token (401 without one, 403 if wrong) and If-Match (428 without, 412 if stale). */
async function authorise(
  head: SavedHead,
  headers: { authorization?: string | undefined; 'if-match'?: string | undefined },
): Promise<void> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (!token) {
    throw new ProblemError(
      'unauthorized',
      'Send the edit token as Authorization: Bearer <editToken>.',
      { errors: [{ in: 'header', path: 'Authorization', message: 'a Bearer edit token is required' }] },
      { 'WWW-Authenticate': 'Bearer realm="saved-scenarios"' },
    );
  }
  const ifMatch = headers['if-match'];
  if (!ifMatch) {
    throw new ProblemError('precondition-required', 'Send If-Match with the ETag of the revision you read.', {
      errors: [{ in: 'header', path: 'If-Match', message: 'required' }],
    });
  }
  const presented = await sha256Hex(token);
  if (!head.tokenHash || !constantTimeEqual(presented, head.tokenHash)) {
    throw new ProblemError('forbidden', 'This edit token does not belong to this saved scenario.');
  }
  const etag = savedEtag(head.id, head.revision);
  if (!ifMatchSatisfied(ifMatch, etag)) throw stale(head.id, head.revision);
}

const stale = (id: string, revision: number) =>
  new ProblemError(
    'precondition-failed',
    `If-Match does not name the latest revision (${revision}) of saved scenario "${id}"; read it again and retry.`,
    { errors: [{ in: 'header', path: 'If-Match', message: 'stale' }] },
    { ETag: savedEtag(id, revision) },
  );

/** Answers a stale write (the other writer won): 412 with the ETag now current, or 410 if deleted. */
async function lostRace(store: SavedScenarioStore, id: string): Promise<never> {
  const head = existing(await store.read(id), id);
  throw stale(id, head.revision);
}

/** Saved what-ifs: create, read, revise, delete, and their history. */
export const savedScenarios = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/saved-scenarios',
      tags: ['Saved what-ifs'],
      summary: 'Save your own what-if',
      description: `Validated exactly as an inline scenario of POST /v1/compare. Answers the id, revision 1 and an edit token shown only this once. An Idempotency-Key header (16–128 characters) makes a retried create answer the first result; the same key with another body is a 422. At most ${LIMITS.savedWritesPerMinute} creates and writes per minute per client.`,
      middleware: [limitWrites, ...jsonBody] as const,
      request: {
        headers: z.object({
          'idempotency-key': z
            .string()
            .optional()
            .describe('A unique key per intended create (e.g. a UUID), 16–128 characters.'),
        }),
        body: { required: true, content: { 'application/json': { schema: CreateSavedSchema } } },
      },
      responses: {
        201: {
          description: 'Created (or, for a repeated Idempotency-Key, the first answer again).',
          headers: { Location: { schema: { type: 'string' } }, ...headerDescriptions },
          content: { 'application/json': { schema: CreatedSchema } },
        },
        ...problemResponses(
          'bad-request',
          'validation',
          'payload-too-large',
          'unsupported-media-type',
          'too-many-requests',
        ),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      if (key !== undefined && !/^[\x21-\x7e]{16,128}$/.test(key)) {
        throw new ProblemError('bad-request', 'Invalid field: header Idempotency-Key.', {
          errors: [{ in: 'header', path: 'Idempotency-Key', message: '16 to 128 visible ASCII characters' }],
        });
      }
      const errors = checkCreate(body);
      if (errors.length > 0) throwInvalid(errors);

      const store = SavedScenarioStore.forWriting(c.env.DB);
      const text = storedText(body.scenario, body.sources ?? []);
      const idempotency = key
        ? {
            keyHash: await sha256Hex(`idempotency-key|${key}`),
            requestHash: await sha256Hex(canonicalJson(body)),
          }
        : undefined;

      const replay = async (): Promise<Response | undefined> => {
        if (!idempotency || !key) return undefined;
        const record = await store.idempotencyRecord(idempotency.keyHash);
        if (!record) return undefined;
        if (record.requestHash !== idempotency.requestHash) {
          throw new ProblemError(
            'validation',
            'This Idempotency-Key was used with a different body; use a new key for a new scenario.',
            { errors: [{ in: 'header', path: 'Idempotency-Key', message: 'reused with a different body' }] },
          );
        }
        const token = await openToken(record.sealedToken, key);
        const row = await store.read(record.scenarioId, 1);
        if (!token || !row?.body) throw new Error(`idempotency record for ${record.scenarioId} unreadable`);
        return created(c, store, row, parseStored(c, row.id, 1, row.body), token, true);
      };

      const earlier = await replay();
      if (earlier) return earlier as never;

      const id = newSavedId();
      const token = newEditToken();
      const now = nowIso();
      const won = await store.create({
        id,
        tokenHash: await sha256Hex(token),
        body: text,
        now,
        ...(body.forkOf !== undefined && { forkOf: { id: body.forkOf, dataset: catalog.version } }),
        ...(idempotency &&
          key && { idempotency: { ...idempotency, sealedToken: await sealToken(token, key) } }),
      });
      if (!won) {
        const first = await replay();
        if (first) return first as never;
        throw new Error('idempotent create lost its race but found no record');
      }
      const row = await store.read(id, 1);
      if (!row) throw new Error(`saved scenario ${id} missing right after its create`);
      return created(
        c,
        store,
        row,
        { scenario: body.scenario, sources: body.sources ?? [] },
        token,
        false,
      ) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saved-scenarios/{id}',
      tags: ['Saved what-ifs'],
      summary: 'A saved what-if, latest revision',
      description:
        'Anyone with the id may read it. If-None-Match answers 304. Send back X-D1-Bookmark from your last write to be sure to read it.',
      request: { params: IdParamSchema, headers: BookmarkHeaders },
      responses: {
        200: {
          description: 'The latest revision.',
          headers: headerDescriptions,
          content: { 'application/json': { schema: SavedScenarioSchema } },
        },
        304: { description: 'Not modified.' },
        ...problemResponses('bad-request', 'not-found', 'gone'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { row, store, cache } = await readForGet(c, id, c.req.valid('header')['x-d1-bookmark']);
      const etag = savedEtag(id, row.revision);
      const headers = withBookmark(store, { ETag: etag, 'Cache-Control': REVALIDATE, 'X-Cache': cache });
      if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers) as never;
      if (row.body === null) throw new Error(`saved scenario ${id} has no revision ${row.revision}`);
      const stored = parseStored(c, id, row.revision, row.body);
      return c.json(representation(row, stored, row.revision), 200, headers);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/saved-scenarios/{id}',
      tags: ['Saved what-ifs'],
      summary: 'Revise a saved what-if',
      description: `Needs the edit token (Authorization: Bearer) and If-Match with the ETag you read: without If-Match 428; a stale one 412 with the current ETag, so two writers never both win. Validated as on create. At most ${LIMITS.savedRevisions} revisions (409 beyond).`,
      middleware: [limitWrites, ...jsonBody] as const,
      request: {
        params: IdParamSchema,
        headers: WriteHeaders,
        body: { required: true, content: { 'application/json': { schema: UpdateSavedSchema } } },
      },
      responses: {
        200: {
          description: 'The new revision.',
          headers: headerDescriptions,
          content: { 'application/json': { schema: SavedScenarioSchema } },
        },
        ...problemResponses(
          'bad-request',
          'validation',
          'unauthorized',
          'forbidden',
          'not-found',
          'revision-limit',
          'gone',
          'precondition-failed',
          'payload-too-large',
          'unsupported-media-type',
          'precondition-required',
          'too-many-requests',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const store = SavedScenarioStore.forWriting(c.env.DB);
      const head = existing(await store.read(id), id);
      await authorise(head, c.req.valid('header'));
      const errors = checkRules(body);
      if (errors.length > 0) throwInvalid(errors);
      assertRevisionRoom(head);
      const sources = body.sources ?? [];
      const now = nowIso();
      if (!(await store.update(id, head.revision, storedText(body.scenario, sources), now))) {
        forgetSaved(id);
        return lostRace(store, id);
      }
      const revision = head.revision + 1;
      const text = storedText(body.scenario, sources);
      const row: SavedWithBody = { ...head, revision, updatedAt: now, body: text, revisionCreatedAt: now };
      forgetSaved(id);
      rememberSaved(id, row);
      const headers = withBookmark(store, { ETag: savedEtag(id, revision), 'Cache-Control': 'no-store' });
      return c.json(representation(row, { scenario: body.scenario, sources }, revision), 200, headers);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/saved-scenarios/{id}',
      tags: ['Saved what-ifs'],
      summary: 'Delete a saved what-if',
      description:
        'Same token and If-Match rules as PUT. Purges the content and every revision; the id then answers 410 Gone and is never reused.',
      middleware: [limitWrites] as const,
      request: { params: IdParamSchema, headers: WriteHeaders },
      responses: {
        204: { description: 'Deleted.', headers: { [BOOKMARK_HEADER]: headerDescriptions[BOOKMARK_HEADER] } },
        ...problemResponses(
          'bad-request',
          'unauthorized',
          'forbidden',
          'not-found',
          'gone',
          'precondition-failed',
          'precondition-required',
          'too-many-requests',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const store = SavedScenarioStore.forWriting(c.env.DB);
      const head = existing(await store.read(id), id);
      await authorise(head, c.req.valid('header'));
      const won = await store.delete(id, head.revision, nowIso());
      forgetSaved(id);
      if (!won) return lostRace(store, id);
      return c.body(null, 204, withBookmark(store, {})) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saved-scenarios/{id}/revisions',
      tags: ['Saved what-ifs'],
      summary: 'The revisions of a saved what-if',
      request: { params: IdParamSchema, headers: BookmarkHeaders },
      responses: {
        200: {
          description: 'Every revision, oldest first.',
          headers: headerDescriptions,
          content: { 'application/json': { schema: RevisionListSchema } },
        },
        304: { description: 'Not modified.' },
        ...problemResponses('bad-request', 'not-found', 'gone'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const store = SavedScenarioStore.forReading(c.env.DB, c.req.valid('header')['x-d1-bookmark']);
      const head = existing(await store.read(id), id);
      const etag = savedEtag(id, head.revision);
      const headers = withBookmark(store, { ETag: etag, 'Cache-Control': REVALIDATE });
      if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers) as never;
      const revisions = (await store.revisions(id)).filter((r) => r.revision <= head.revision);
      return c.json(
        {
          id,
          latest: head.revision,
          revisions: revisions.map((r) => ({
            revision: r.revision,
            createdAt: r.createdAt,
            href: `/v1/saved-scenarios/${id}/revisions/${r.revision}`,
            etag: savedEtag(id, r.revision),
          })),
        },
        200,
        headers,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saved-scenarios/{id}/revisions/{n}',
      tags: ['Saved what-ifs'],
      summary: 'One past revision of a saved what-if (never changes)',
      request: { params: RevisionParamSchema, headers: BookmarkHeaders },
      responses: {
        200: {
          description: 'That revision; cacheable for a year, since it never changes.',
          headers: headerDescriptions,
          content: { 'application/json': { schema: SavedScenarioSchema } },
        },
        304: { description: 'Not modified.' },
        ...problemResponses('bad-request', 'not-found', 'gone'),
      },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const { row, store, cache } = await readForGet(c, id, c.req.valid('header')['x-d1-bookmark'], n);
      if (row.body === null) {
        throw new ProblemError(
          'not-found',
          `Saved scenario "${id}" has revisions 1 to ${row.revision}; there is no revision ${n}.`,
          { errors: [{ in: 'path', path: 'n', message: `at most ${row.revision}` }] },
        );
      }
      const etag = savedEtag(id, n);
      const headers = withBookmark(store, { ETag: etag, 'Cache-Control': IMMUTABLE, 'X-Cache': cache });
      if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers) as never;
      const stored = parseStored(c, id, n, row.body);
      return c.json(representation(row, stored, n), 200, headers);
    },
  );

/** The 201 (or replayed) answer to a create. */
function created(
  c: Context<AppEnv>,
  store: SavedScenarioStore,
  row: SavedWithBody,
  stored: StoredScenario,
  editToken: string,
  replayed: boolean,
): Response {
  const headers = withBookmark(store, {
    Location: `/v1/saved-scenarios/${row.id}`,
    ETag: savedEtag(row.id, 1),
    'Cache-Control': 'no-store',
    ...(replayed && { 'Idempotent-Replayed': 'true' }),
  });
  return c.json({ ...representation(row, stored, 1), editToken }, 201, headers);
}
