// The what-if pages: make a what-if from a catalogue scenario (or from nothing), save it, share it,
// edit it, delete it. Every write goes through the saved-scenarios API's validation
// (validateSavedBody) and its D1 store; these handlers only turn forms into bodies and answers
// into pages. A form with a mistake comes back as it was sent, never as problem+json.

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { catalog } from '../catalog.ts';
import type { Source } from '../domain/reference.ts';
import { parseSavedReference, SavedScenarioIdSchema, storedText } from '../domain/saved-scenario.ts';
import type { AppEnv } from '../env.ts';
import { LIMITS } from '../limits.ts';
import {
  buildBody,
  errorsOnForm,
  type FormBase,
  type FormBody,
  type FormErrors,
  formFromBody,
  formFromScenario,
  type WhatIfForm,
} from '../pages/what-if/form-model.ts';
import {
  renderClaimPage,
  renderDeletePage,
  renderFormPage,
  renderMessagePage,
  renderSavedPage,
} from '../pages/what-if/pages.tsx';
import { WHAT_IF_SCRIPT, WHAT_IF_SCRIPT_PATH } from '../pages/what-if/script.ts';
import { logUnexpectedError, ProblemError } from '../problem.ts';
import { forgetSaved } from '../storage/saved-cache.ts';
import { SavedScenarioStore, type SavedWithBody } from '../storage/saved-scenarios.ts';
import { newEditToken, newSavedId, sha256Hex } from '../storage/secrets.ts';
import { assertRevisionRoom, parseStored, validateSavedBody } from './saved-scenarios.ts';
import {
  CSRF_FIELD,
  csrfToken,
  csrfValid,
  dropEditing,
  editTokenFor,
  grantEditing,
  hasEditCookie,
  savedPath,
  takeReveal,
  tokenMatches,
} from './what-if-auth.ts';

/** What the form says when the writes-per-minute limit is reached (the API answers 429). */
const RATE_LIMITED = {
  form: [`At most ${LIMITS.savedWritesPerMinute} saves per minute: wait a minute, then press Save again.`],
};

/** Pages that hold a form token or depend on who asks are never stored by a cache. */
const PRIVATE = { 'Cache-Control': 'private, no-store' };
const nowIso = (): string => new Date().toISOString();

/** A page that refuses or explains, with its status. */
class PageError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly body: string,
  ) {
    super(title);
  }
}

const notFound = (id: string) =>
  new PageError(
    404,
    'No such what-if',
    `There is no saved what-if at /saved/${id.slice(0, 40)}. Check the link.`,
  );

/** The saved what-if `id`, or a 404 page; a deleted one is a 410 page saying when. */
async function readSaved(store: SavedScenarioStore, id: string, revision?: number): Promise<SavedWithBody> {
  if (!SavedScenarioIdSchema.safeParse(id).success) throw notFound(id);
  const row = await store.read(id, revision);
  if (!row) throw notFound(id);
  if (row.deletedAt) {
    throw new PageError(
      410,
      'This what-if was deleted',
      `It was deleted on ${row.deletedAt.slice(0, 10)}, with every revision. Its address will not be used again.`,
    );
  }
  if (row.body === null) {
    throw new PageError(404, 'No such revision', `This what-if has revisions 1 to ${row.revision}.`);
  }
  return row;
}

/** Where a new what-if starts: ?from=<catalogue id>, saved:<id>[@<n>], or nothing (blank). */
async function baseFrom(c: Context<AppEnv>, from: string | undefined): Promise<FormBase> {
  if (!from || from === 'blank') return { kind: 'blank' };
  const scenario = catalog.scenariosById.get(from);
  if (scenario) return { kind: 'catalogue', scenario };
  const ref = parseSavedReference(from);
  if (!ref || typeof ref === 'string') {
    throw new PageError(404, 'Unknown scenario', 'There is no scenario to start from with that name.');
  }
  const row = await readSaved(SavedScenarioStore.forReading(c.env.DB, undefined), ref.id, ref.revision);
  const stored = parseStored(c, ref.id, ref.revision ?? row.revision, row.body ?? '');
  // A new what-if from a saved one starts as a copy: its own sources come along.
  return { kind: 'saved', id: ref.id, revision: ref.revision ?? row.revision, ...stored };
}

const ownSourcesOf = (base: FormBase): readonly Source[] => (base.kind === 'saved' ? base.sources : []);

/** The form of a new what-if, filled from its base or as sent. */
function newFormPage(
  c: Context<AppEnv>,
  base: FormBase,
  from: string,
  form: WhatIfForm,
  errors: FormErrors,
  status: ContentfulStatusCode,
) {
  const origin =
    base.kind === 'catalogue'
      ? `a copy of “${base.scenario.title}”`
      : base.kind === 'saved'
        ? `a copy of the saved what-if “${base.scenario.title}”`
        : 'a blank what-if';
  return c.html(
    renderFormPage({
      heading: 'Make a what-if',
      intro: (
        <p class="lead">
          This form holds {origin}. Change what you think will happen, then save: you get a link to share and
          a private link to edit it later.
        </p>
      ),
      form,
      errors,
      action: '/what-if',
      submitLabel: 'Save the what-if',
      csrf: csrfToken(c),
      hidden: { from },
      own: ownSourcesOf(base),
      catalog,
    }),
    status,
    PRIVATE,
  );
}

/** The API's per-client write limit (SAVED_WRITES), counted for page saves too. */
async function mayWrite(c: Context<AppEnv>): Promise<boolean> {
  const { success } = await c.env.SAVED_WRITES.limit({ key: c.req.header('CF-Connecting-IP') ?? 'unknown' });
  return success;
}

/** The form body, strings only; the anti-forgery check comes first. */
async function readForm(c: Context<AppEnv>): Promise<FormBody> {
  const body = (await c.req.parseBody({ all: true })) as FormBody;
  if (!csrfValid(c, body[CSRF_FIELD])) {
    throw new PageError(
      403,
      'This form could not be accepted',
      'It did not carry this site’s form token (it may have been sent from another site, or your browser dropped this site’s cookies). Nothing was changed. Go back, reload the page and try again.',
    );
  }
  return body;
}

const fieldOf = (body: FormBody, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};

/** The what-if pages. */
export const whatIfPages = new Hono<AppEnv>();

const formBodyLimit = bodyLimit({ maxSize: LIMITS.bodyBytes });

whatIfPages.get(WHAT_IF_SCRIPT_PATH, (c) =>
  c.body(WHAT_IF_SCRIPT, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
  }),
);

whatIfPages.get('/what-if/new', async (c) => {
  const from = c.req.query('from')?.trim() || 'blank';
  const base = await baseFrom(c, from);
  return newFormPage(
    c,
    base,
    from,
    formFromScenario(base.kind === 'blank' ? undefined : base.scenario, catalog),
    {},
    200,
  );
});

whatIfPages.post('/what-if', formBodyLimit, async (c) => {
  const body = await readForm(c);
  const from = fieldOf(body, 'from') || 'blank';
  const base = await baseFrom(c, from);
  const form = formFromBody(body, catalog);
  const built = buildBody(form, base, catalog);
  if ('errors' in built) return newFormPage(c, base, from, form, built.errors, 422);
  const input = { ...built.body, ...(base.kind === 'catalogue' && { forkOf: base.scenario.id }) };
  const checked = validateSavedBody(input, 'create');
  if (!checked.ok) return newFormPage(c, base, from, form, errorsOnForm(checked.errors, built.locate), 422);

  if (!(await mayWrite(c))) {
    return newFormPage(c, base, from, form, RATE_LIMITED, 429);
  }
  const store = SavedScenarioStore.forWriting(c.env.DB);
  const id = newSavedId();
  const token = newEditToken();
  const value = checked.value;
  await store.create({
    id,
    tokenHash: await sha256Hex(token),
    body: storedText(value.scenario, value.sources ?? []),
    now: nowIso(),
    ...(value.forkOf !== undefined && { forkOf: { id: value.forkOf, dataset: catalog.version } }),
  });
  grantEditing(c, id, token, true);
  return c.redirect(savedPath(id), 303);
});

whatIfPages.get('/saved/:id', async (c) => {
  const id = c.req.param('id');
  const asked = c.req.query('revision');
  const revision = asked && /^[1-9]\d{0,5}$/.test(asked) ? Number(asked) : undefined;
  // A browser that may edit reads from the primary, so that the page shows its own save at once;
  // anyone else may be answered by a replica.
  const store = hasEditCookie(c)
    ? SavedScenarioStore.forWriting(c.env.DB)
    : SavedScenarioStore.forReading(c.env.DB, undefined);
  const row = await readSaved(store, id, revision);
  const token = await editTokenFor(c, row);
  const stored = parseStored(c, id, revision ?? row.revision, row.body ?? '');
  const origin = new URL(c.req.url).origin;
  const reveal = token !== undefined && takeReveal(c, id);
  return c.html(
    renderSavedPage({
      id,
      ...stored,
      revision: revision ?? row.revision,
      latest: row.revision,
      history: await store.revisions(id),
      forkOf: row.forkOf,
      canEdit: token !== undefined,
      ...(reveal && token && { editLink: `${origin}/saved/${id}/claim#${token}` }),
      ...(c.req.query('saved') === '1' && { notice: `Saved as revision ${row.revision}.` }),
      publicLink: `${origin}/saved/${id}`,
      catalog,
    }),
    200,
    PRIVATE,
  );
});

/** The head and the edit token of this browser, or a 403 page saying how to get the right. */
async function editable(c: Context<AppEnv>, store: SavedScenarioStore, id: string) {
  const row = await readSaved(store, id);
  const token = await editTokenFor(c, row);
  if (!token) {
    throw new PageError(
      403,
      'This browser cannot edit this what-if',
      'Only the browser that made it, or one that opened its private edit link, can change it. If you have the edit link, open it in this browser.',
    );
  }
  return row;
}

/** The edit form of `id`: filled from `form` (as sent) or from the latest revision. */
function editFormPage(
  c: Context<AppEnv>,
  id: string,
  base: Extract<FormBase, { kind: 'saved' }>,
  form: WhatIfForm,
  errors: FormErrors,
  status: ContentfulStatusCode,
  conflict?: Parameters<typeof renderFormPage>[0]['conflict'],
) {
  return c.html(
    renderFormPage({
      heading: `Edit “${base.scenario.title}”`,
      intro: (
        <p class="lead">
          Editing revision {base.revision} of <a href={savedPath(id)}>this what-if</a>. Saving makes revision{' '}
          {base.revision + 1}; earlier revisions stay readable.
        </p>
      ),
      form,
      errors,
      action: `${savedPath(id)}/edit`,
      submitLabel: conflict ? `Save my version as revision ${base.revision + 1}` : 'Save changes',
      csrf: csrfToken(c),
      hidden: { revision: String(base.revision) },
      own: base.sources,
      catalog,
      ...(conflict && { conflict }),
    }),
    status,
    PRIVATE,
  );
}

whatIfPages.get('/saved/:id/edit', async (c) => {
  const id = c.req.param('id');
  const row = await editable(c, SavedScenarioStore.forWriting(c.env.DB), id);
  const stored = parseStored(c, id, row.revision, row.body ?? '');
  const base = { kind: 'saved' as const, id, revision: row.revision, ...stored };
  return editFormPage(c, id, base, formFromScenario(stored.scenario, catalog), {}, 200);
});

whatIfPages.post('/saved/:id/edit', formBodyLimit, async (c) => {
  const id = c.req.param('id');
  const body = await readForm(c);
  const store = SavedScenarioStore.forWriting(c.env.DB);
  const head = await editable(c, store, id);
  const form = formFromBody(body, catalog);
  const read = Number(fieldOf(body, 'revision'));
  const readRevision = Number.isInteger(read) && read >= 1 && read <= head.revision ? read : head.revision;

  // The fields the form does not show come from the revision the person was editing.
  const seen = readRevision === head.revision ? head : await readSaved(store, id, readRevision);
  const seenStored = parseStored(c, id, readRevision, seen.body ?? '');
  const latestStored = parseStored(c, id, head.revision, head.body ?? '');
  const latestBase = { kind: 'saved' as const, id, revision: head.revision, ...latestStored };
  const conflictWith = () => ({
    scenario: latestStored.scenario,
    sources: latestStored.sources,
    revision: head.revision,
    savedAt: `${head.updatedAt.replace('T', ' ').slice(0, 16)} UTC`,
  });
  // Someone saved in between: show both, keep the person's edits, and save nothing.
  if (readRevision !== head.revision) {
    return editFormPage(c, id, latestBase, form, {}, 409, conflictWith());
  }
  const base = { kind: 'saved' as const, id, revision: readRevision, ...seenStored };
  const built = buildBody(form, base, catalog);
  if ('errors' in built) return editFormPage(c, id, base, form, built.errors, 422);
  const checked = validateSavedBody(built.body, 'update');
  if (!checked.ok) return editFormPage(c, id, base, form, errorsOnForm(checked.errors, built.locate), 422);
  try {
    assertRevisionRoom(head);
  } catch (error) {
    if (error instanceof ProblemError) return editFormPage(c, id, base, form, { form: [error.message] }, 409);
    throw error;
  }
  if (!(await mayWrite(c))) {
    return editFormPage(c, id, base, form, RATE_LIMITED, 429);
  }
  const text = storedText(checked.value.scenario, checked.value.sources ?? []);
  const won = await store.update(id, head.revision, text, nowIso());
  forgetSaved(id);
  if (!won) {
    // Lost the race by a hair: the same answer as a stale form.
    const now = await readSaved(store, id);
    const nowStored = parseStored(c, id, now.revision, now.body ?? '');
    return editFormPage(c, id, { kind: 'saved', id, revision: now.revision, ...nowStored }, form, {}, 409, {
      scenario: nowStored.scenario,
      sources: nowStored.sources,
      revision: now.revision,
      savedAt: `${now.updatedAt.replace('T', ' ').slice(0, 16)} UTC`,
    });
  }
  return c.redirect(`${savedPath(id)}?saved=1`, 303);
});

whatIfPages.get('/saved/:id/delete', async (c) => {
  const id = c.req.param('id');
  const row = await editable(c, SavedScenarioStore.forWriting(c.env.DB), id);
  const stored = parseStored(c, id, row.revision, row.body ?? '');
  return c.html(
    renderDeletePage(catalog, id, stored.scenario.title, row.revision, csrfToken(c)),
    200,
    PRIVATE,
  );
});

whatIfPages.post('/saved/:id/delete', formBodyLimit, async (c) => {
  const id = c.req.param('id');
  const body = await readForm(c);
  const store = SavedScenarioStore.forWriting(c.env.DB);
  const head = await editable(c, store, id);
  const seen = Number(fieldOf(body, 'revision'));
  if (seen !== head.revision || !(await store.delete(id, head.revision, nowIso()))) {
    forgetSaved(id);
    throw new PageError(
      409,
      'Not deleted: it changed meanwhile',
      `Someone saved revision ${head.revision} after you opened the delete page. Look at it first, then delete again if you still want to.`,
    );
  }
  forgetSaved(id);
  dropEditing(c, id);
  return c.redirect(savedPath(id), 303);
});

whatIfPages.get('/saved/:id/claim', async (c) => {
  const id = c.req.param('id');
  await readSaved(SavedScenarioStore.forReading(c.env.DB, undefined), id);
  return c.html(renderClaimPage(catalog, id, csrfToken(c)), 200, PRIVATE);
});

whatIfPages.post('/saved/:id/claim', formBodyLimit, async (c) => {
  const id = c.req.param('id');
  const body = await readForm(c);
  const row = await readSaved(SavedScenarioStore.forWriting(c.env.DB), id);
  const token = fieldOf(body, 'token').trim();
  if (!(await tokenMatches(token, row))) {
    return c.html(
      renderClaimPage(
        catalog,
        id,
        csrfToken(c),
        'That key does not open this what-if. Check that you copied the whole link.',
      ),
      403,
      PRIVATE,
    );
  }
  grantEditing(c, id, token, false);
  return c.redirect(savedPath(id), 303);
});

// Errors on these pages are pages too: the reader is a person, and a form is never lost to a problem+json.
whatIfPages.onError((error, c) => {
  if (error instanceof PageError) {
    return c.html(renderMessagePage(catalog, error.title, <p>{error.body}</p>), error.status, PRIVATE);
  }
  if (error instanceof HTTPException && error.status === 413) {
    return c.html(
      renderMessagePage(
        catalog,
        'Too much text',
        <p>The form is larger than {LIMITS.bodyBytes} bytes; shorten the notes and try again.</p>,
      ),
      413,
      PRIVATE,
    );
  }
  logUnexpectedError(c, error);
  return c.html(
    renderMessagePage(
      catalog,
      'Something went wrong',
      <p>
        Something went wrong on our side. Please try again; if it keeps happening, quote request id{' '}
        <code>{c.get('requestId') ?? 'unknown'}</code>.
      </p>,
    ),
    500,
    PRIVATE,
  );
});
