// Saved scenarios this isolate read a moment ago. A link that is shared gets read in bursts, and a
// comparison page with a saved scenario reads it again for each download; a D1 query costs more
// than the rest of such a request. Entries live RECENT_MS: no longer than a read replica may lag
// behind the primary anyway, so a client without a bookmark can see nothing older than D1's own
// Sessions API would give it. A client that sends its bookmark (it has just written) or
// `Cache-Control: no-cache` skips this memory; writes in this isolate update it at once.
import type { SavedWithBody } from './saved-scenarios.ts';

/** How long a read is reused, in milliseconds. */
export const RECENT_MS = 2000;
const MAX_ENTRIES = 512;

/** Keys: `<id>` for the latest revision, `<id>@<n>` for a pinned one. */
const recent = new Map<string, { at: number; row: SavedWithBody }>();

/** A read of `key` from the last RECENT_MS, or undefined. */
export function recallSaved(key: string): SavedWithBody | undefined {
  const entry = recent.get(key);
  if (!entry) return undefined;
  if (Date.now() - entry.at > RECENT_MS) {
    recent.delete(key);
    return undefined;
  }
  return entry.row;
}

/** Keeps a read (never a miss: an id created meanwhile elsewhere must not look unknown). */
export function rememberSaved(key: string, row: SavedWithBody): void {
  recent.delete(key);
  recent.set(key, { at: Date.now(), row });
  for (const oldest of recent.keys()) {
    if (recent.size <= MAX_ENTRIES) break;
    recent.delete(oldest);
  }
}

/** Drops every read of one saved scenario (after it is revised or deleted here). */
export function forgetSaved(id: string): void {
  for (const key of recent.keys()) if (key === id || key.startsWith(`${id}@`)) recent.delete(key);
}

/** Whether a request asks for a fresh read: it carries a bookmark or Cache-Control: no-cache. */
export function wantsFresh(bookmark: string | undefined, cacheControl: string | undefined): boolean {
  return Boolean(bookmark) || /\bno-cache\b/i.test(cacheControl ?? '');
}
