// D1 access for saved what-ifs. Every write is one batch (a transaction on the primary) whose
// statements carry the same condition, `revision = <the If-Match revision>`: two writers holding
// the same ETag can both send their batch, but only the first commits a change, in whichever
// isolate or data centre they run. Reads go through D1's Sessions API: a client that hands back
// the bookmark of its own write reads from a replica at least that fresh.

/** The scenario row: head of the revisions, or a tombstone once deleted. */
export interface SavedHead {
  id: string;
  revision: number;
  tokenHash: string | null;
  forkOf: string | null;
  forkOfDataset: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A head with the stored text of one revision (null when that revision does not exist or was purged). */
export interface SavedWithBody extends SavedHead {
  body: string | null;
  revisionCreatedAt: string | null;
}

interface HeadRow {
  id: string;
  revision: number;
  token_hash: string | null;
  fork_of: string | null;
  fork_of_dataset: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  body?: string | null;
  revision_created_at?: string | null;
}

const HEAD_COLUMNS =
  's.id, s.revision, s.token_hash, s.fork_of, s.fork_of_dataset, s.created_at, s.updated_at, s.deleted_at';

const toHead = (row: HeadRow): SavedHead => ({
  id: row.id,
  revision: row.revision,
  tokenHash: row.token_hash,
  forkOf: row.fork_of,
  forkOfDataset: row.fork_of_dataset,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
});

const toWithBody = (row: HeadRow): SavedWithBody => ({
  ...toHead(row),
  body: row.body ?? null,
  revisionCreatedAt: row.revision_created_at ?? null,
});

/** A D1 bookmark as handed back by a client: hex digits and dashes (anything else is ignored). */
const BOOKMARK = /^[0-9a-f-]{1,200}$/i;

/** What a new saved scenario is created with. */
export interface NewSaved {
  id: string;
  tokenHash: string;
  body: string;
  forkOf?: { id: string; dataset: string };
  now: string;
  idempotency?: { keyHash: string; requestHash: string; sealedToken: string };
}

/** An Idempotency-Key record. */
export interface IdempotencyRecord {
  requestHash: string;
  scenarioId: string;
  sealedToken: string;
}

/** Saved scenarios in one D1 session: reads (optionally after a bookmark) or writes on the primary. */
export class SavedScenarioStore {
  private readonly session: D1DatabaseSession;

  private constructor(session: D1DatabaseSession) {
    this.session = session;
  }

  /** A read session: after the client's bookmark when it gave a well-formed one, else from any replica. */
  static forReading(db: D1Database, bookmark: string | undefined): SavedScenarioStore {
    return new SavedScenarioStore(
      db.withSession(bookmark && BOOKMARK.test(bookmark) ? bookmark : 'first-unconstrained'),
    );
  }

  /** A session whose first query goes to the primary: for writes and the reads that decide them. */
  static forWriting(db: D1Database): SavedScenarioStore {
    return new SavedScenarioStore(db.withSession('first-primary'));
  }

  /** The bookmark of the latest state this session has seen, for the client to hand back. */
  bookmark(): string | null {
    return this.session.getBookmark();
  }

  /** The head row and the text of `revision` (the latest when omitted), in one query. */
  async read(id: string, revision?: number): Promise<SavedWithBody | null> {
    const row = await this.session
      .prepare(
        `SELECT ${HEAD_COLUMNS}, r.body, r.created_at AS revision_created_at
           FROM saved_scenarios s
           LEFT JOIN saved_scenario_revisions r ON r.scenario_id = s.id AND r.revision = COALESCE(?2, s.revision)
          WHERE s.id = ?1`,
      )
      .bind(id, revision ?? null)
      .first<HeadRow>();
    return row ? toWithBody(row) : null;
  }

  /** Several saved scenarios (latest or pinned revisions) in one round trip, in the order asked. */
  async readMany(refs: readonly { id: string; revision?: number }[]): Promise<(SavedWithBody | null)[]> {
    if (refs.length === 0) return [];
    const statement = this.session.prepare(
      `SELECT ${HEAD_COLUMNS}, r.body, r.created_at AS revision_created_at
         FROM saved_scenarios s
         LEFT JOIN saved_scenario_revisions r ON r.scenario_id = s.id AND r.revision = COALESCE(?2, s.revision)
        WHERE s.id = ?1`,
    );
    const results = await this.session.batch<HeadRow>(
      refs.map((ref) => statement.bind(ref.id, ref.revision ?? null)),
    );
    return results.map((result) => {
      const row = result.results[0];
      return row ? toWithBody(row) : null;
    });
  }

  /** The revision numbers and times of a saved scenario, oldest first. */
  async revisions(id: string): Promise<{ revision: number; createdAt: string }[]> {
    const { results } = await this.session
      .prepare(
        'SELECT revision, created_at FROM saved_scenario_revisions WHERE scenario_id = ? ORDER BY revision',
      )
      .bind(id)
      .all<{ revision: number; created_at: string }>();
    return results.map((r) => ({ revision: r.revision, createdAt: r.created_at }));
  }

  /** The record of an Idempotency-Key, by its digest. */
  async idempotencyRecord(keyHash: string): Promise<IdempotencyRecord | null> {
    const row = await this.session
      .prepare(
        'SELECT request_hash, scenario_id, sealed_token FROM saved_scenario_idempotency WHERE key_hash = ?',
      )
      .bind(keyHash)
      .first<{ request_hash: string; scenario_id: string; sealed_token: string }>();
    return row
      ? { requestHash: row.request_hash, scenarioId: row.scenario_id, sealedToken: row.sealed_token }
      : null;
  }

  /**
   * Creates a saved scenario with its first revision (and its Idempotency-Key record) in one
   * transaction. False when the Idempotency-Key was recorded meanwhile by a concurrent create: the
   * whole batch is rolled back, and the caller answers from that record.
   */
  async create(saved: NewSaved): Promise<boolean> {
    const statements = [
      this.session
        .prepare(
          `INSERT INTO saved_scenarios (id, revision, token_hash, fork_of, fork_of_dataset, created_at, updated_at)
           VALUES (?, 1, ?, ?, ?, ?, ?)`,
        )
        .bind(
          saved.id,
          saved.tokenHash,
          saved.forkOf?.id ?? null,
          saved.forkOf?.dataset ?? null,
          saved.now,
          saved.now,
        ),
      this.session
        .prepare(
          'INSERT INTO saved_scenario_revisions (scenario_id, revision, body, created_at) VALUES (?, 1, ?, ?)',
        )
        .bind(saved.id, saved.body, saved.now),
    ];
    if (saved.idempotency) {
      statements.push(
        this.session
          .prepare(
            `INSERT INTO saved_scenario_idempotency (key_hash, request_hash, scenario_id, sealed_token, created_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .bind(
            saved.idempotency.keyHash,
            saved.idempotency.requestHash,
            saved.id,
            saved.idempotency.sealedToken,
            saved.now,
          ),
      );
    }
    try {
      await this.session.batch(statements);
      return true;
    } catch (error) {
      if (saved.idempotency && /UNIQUE constraint failed: saved_scenario_idempotency/i.test(String(error))) {
        return false;
      }
      throw error;
    }
  }

  /**
   * Adds revision `expected + 1` if `expected` is still the latest: one transaction whose insert
   * and update share that condition. True if this call won; false if the scenario moved on (or
   * was deleted) first.
   */
  async update(id: string, expected: number, body: string, now: string): Promise<boolean> {
    const [, updated] = await this.session.batch([
      this.session
        .prepare(
          `INSERT INTO saved_scenario_revisions (scenario_id, revision, body, created_at)
           SELECT id, revision + 1, ?3, ?4 FROM saved_scenarios
            WHERE id = ?1 AND revision = ?2 AND deleted_at IS NULL`,
        )
        .bind(id, expected, body, now),
      this.session
        .prepare(
          `UPDATE saved_scenarios SET revision = revision + 1, updated_at = ?3
            WHERE id = ?1 AND revision = ?2 AND deleted_at IS NULL`,
        )
        .bind(id, expected, now),
    ]);
    return (updated?.meta.changes ?? 0) === 1;
  }

  /**
   * Deletes the content if `expected` is still the latest revision: purges every revision and the
   * Idempotency-Key records, and leaves a tombstone (no token, no provenance) so that the id
   * answers 410 and is never reused. True if this call won.
   */
  async delete(id: string, expected: number, now: string): Promise<boolean> {
    const stillAt = `EXISTS (SELECT 1 FROM saved_scenarios WHERE id = ?1 AND revision = ?2 AND deleted_at IS NULL)`;
    const results = await this.session.batch([
      this.session
        .prepare(`DELETE FROM saved_scenario_revisions WHERE scenario_id = ?1 AND ${stillAt}`)
        .bind(id, expected),
      this.session
        .prepare(`DELETE FROM saved_scenario_idempotency WHERE scenario_id = ?1 AND ${stillAt}`)
        .bind(id, expected),
      this.session
        .prepare(
          `UPDATE saved_scenarios
              SET deleted_at = ?3, updated_at = ?3, token_hash = NULL, fork_of = NULL, fork_of_dataset = NULL
            WHERE id = ?1 AND revision = ?2 AND deleted_at IS NULL`,
        )
        .bind(id, expected, now),
    ]);
    return (results[2]?.meta.changes ?? 0) === 1;
  }
}
