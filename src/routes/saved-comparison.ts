import type { Context } from 'hono';
import type { Source } from '../domain/reference.ts';
import { asComparedScenario, parseSavedReference, type SavedReference } from '../domain/saved-scenario.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { AppEnv } from '../env.ts';
import { type FieldError, ProblemError } from '../problem.ts';
import { recallSaved, rememberSaved, wantsFresh } from '../storage/saved-cache.ts';
import { SavedScenarioStore } from '../storage/saved-scenarios.ts';
import { BOOKMARK_HEADER, parseStored } from './saved-scenarios.ts';

/** A saved scenario as a comparison takes it: under its pinned `saved:<id>@<n>` id, with its sources. */
export interface SavedForComparison {
  scenario: Scenario;
  sources: readonly Source[];
}

/** The saved scenarios a comparison names, keyed by the reference as written (`saved:<id>` or `saved:<id>@<n>`). */
export type SavedScenarios = ReadonlyMap<string, SavedForComparison>;

/**
 * Loads every `saved:` reference among a comparison's scenarios in one D1 round trip (after the
 * client's bookmark, if it sent one), each pinned to the revision it resolves to. Unknown ids and
 * revisions are 404s, deleted ones 410s; a malformed reference is a 400 (query) or 422 (body).
 */
export async function loadSavedScenarios(
  c: Context<AppEnv>,
  entries: readonly unknown[],
  where: 'query' | 'body',
): Promise<SavedScenarios> {
  const wanted: { ref: string; at: number; parsed: SavedReference }[] = [];
  const errors: FieldError[] = [];
  entries.forEach((entry, at) => {
    if (typeof entry !== 'string') return;
    const parsed = parseSavedReference(entry);
    if (parsed === undefined) return;
    if (typeof parsed === 'string') {
      errors.push({ in: where, path: where === 'query' ? 'scenarios' : `scenarios[${at}]`, message: parsed });
    } else wanted.push({ ref: entry, at, parsed });
  });
  if (errors.length > 0) {
    throw new ProblemError(where === 'query' ? 'bad-request' : 'validation', 'Invalid field: scenarios.', {
      errors,
    });
  }
  if (wanted.length === 0) return new Map();

  // Recent reads of this isolate serve what they can (saved-cache.ts); the rest is one D1 batch.
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const fresh = wantsFresh(bookmark, c.req.header('Cache-Control'));
  const keyOf = ({ id, revision }: SavedReference) => (revision === undefined ? id : `${id}@${revision}`);
  const rows = wanted.map((w) => (fresh ? undefined : recallSaved(keyOf(w.parsed))));
  const missing = wanted.filter((_, i) => rows[i] === undefined);
  if (missing.length > 0) {
    const read = await SavedScenarioStore.forReading(c.env.DB, bookmark).readMany(
      missing.map((w) => w.parsed),
    );
    let next = 0;
    rows.forEach((row, i) => {
      if (row !== undefined) return;
      const found = read[next++] ?? undefined;
      const ref = wanted[i];
      if (found && ref) rememberSaved(keyOf(ref.parsed), found);
      rows[i] = found;
    });
  }
  const saved = new Map<string, SavedForComparison>();
  wanted.forEach(({ ref, at, parsed }, i) => {
    const row = rows[i];
    const path = where === 'query' ? 'scenarios' : `scenarios[${at}]`;
    if (!row) {
      throw new ProblemError('not-found', `No saved scenario "${ref}".`, {
        errors: [{ in: where, path, message: `unknown saved scenario "${ref}"` }],
      });
    }
    if (row.deletedAt)
      throw new ProblemError('gone', `Saved scenario "${ref}" was deleted on ${row.deletedAt}.`);
    const revision = parsed.revision ?? row.revision;
    if (row.body === null) {
      throw new ProblemError('not-found', `Saved scenario "${parsed.id}" has no revision ${revision}.`, {
        errors: [{ in: where, path, message: `revisions are 1 to ${row.revision}` }],
      });
    }
    const stored = parseStored(c, parsed.id, revision, row.body);
    saved.set(ref, {
      scenario: asComparedScenario(stored, parsed.id, revision),
      sources: stored.sources,
    });
  });
  return saved;
}
