// Saved what-ifs in the benchmark: the D1 and rate-limiter bindings the product Worker needs in
// Miniflare, the schema from migrations/, and clients that create, read and revise saved
// scenarios through the Worker as an analyst would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';

/** Miniflare options for the Worker's DB and SAVED_WRITES bindings (as in wrangler.toml). */
export const SAVED_BINDINGS = {
  d1Databases: ['DB'],
  // Each request comes from its own client key (below), so the limit never trips in the bench.
  ratelimits: { SAVED_WRITES: { namespace_id: '1701', simple: { limit: 30, period: 60 as const } } },
};

/** Applies migrations/*.sql in order (comments stripped; one statement per `;`). */
export async function applyMigrations(mf: Miniflare, root: string): Promise<void> {
  const db = await mf.getD1Database('DB');
  const dir = join(root, 'migrations');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('--'))
      .join('\n');
    for (const statement of sql.split(';').map((s) => s.trim())) {
      if (statement) await db.prepare(statement).run();
    }
  }
}

/** A what-if like the README's, that cites the catalogue's sources and one of its own. */
export function savedBody(title: string): unknown {
  return {
    scenario: {
      id: 'bench-what-if',
      title,
      summary: 'A hypothetical for the benchmark.',
      proposers: ['ukraine'],
      date: '2026-02-01',
      venue: 'Benchmark',
      status: 'what-if',
      sources: ['bench-estimate'],
      terms: [],
      stances: [],
      territory: [
        {
          region: 'donetsk',
          outcome: 'frozen-at-line',
          legalStatus: 'none',
          russianShare: { low: 0.7, high: 'baseline' },
          quantified: false,
          sources: ['bench-estimate'],
        },
      ],
    },
    sources: [
      {
        id: 'bench-estimate',
        publisher: 'Bench',
        title: 'Own estimate',
        date: '2026-02-01',
        kind: 'analysis',
      },
    ],
  };
}

let clients = 0;
/** Headers for a write from a client of its own (the per-client limit is not what is measured). */
export const writeHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  'Content-Type': 'application/json',
  'Accept-Encoding': 'identity',
  'CF-Connecting-IP': `bench-${++clients}`,
  ...extra,
});

export interface SavedHandle {
  id: string;
  editToken: string;
  etag: string;
  revision: number;
}

/** Creates a saved scenario through the Worker. */
export async function createSaved(mf: Miniflare, title = 'Bench what-if'): Promise<SavedHandle> {
  const response = await mf.dispatchFetch('http://localhost/v1/saved-scenarios', {
    method: 'POST',
    headers: writeHeaders(),
    body: JSON.stringify(savedBody(title)),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`create: status ${response.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { id: string; editToken: string };
  return { id: json.id, editToken: json.editToken, etag: response.headers.get('ETag') ?? '', revision: 1 };
}

/** Timed: one create (request and whole body). */
export async function timeCreate(mf: Miniflare): Promise<number> {
  const start = performance.now();
  await createSaved(mf);
  return performance.now() - start;
}

/**
 * Timed: one PUT with the token and the current If-Match; moves `handle` to the new revision, and
 * to a fresh scenario (created untimed) before the revision cap.
 */
export async function timeUpdate(mf: Miniflare, handle: SavedHandle, cap: number): Promise<number> {
  if (handle.revision >= cap - 1) Object.assign(handle, await createSaved(mf));
  const start = performance.now();
  const response = await mf.dispatchFetch(`http://localhost/v1/saved-scenarios/${handle.id}`, {
    method: 'PUT',
    headers: writeHeaders({ Authorization: `Bearer ${handle.editToken}`, 'If-Match': handle.etag }),
    body: JSON.stringify(savedBody(`Bench what-if, revision ${handle.revision + 1}`)),
  });
  await response.arrayBuffer();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`update: status ${response.status}`);
  handle.etag = response.headers.get('ETag') ?? '';
  handle.revision += 1;
  return ms;
}
