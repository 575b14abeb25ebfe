-- Saved what-ifs (issue 17). One row per saved scenario: its latest revision, the SHA-256 of its
-- edit token, its provenance; after a delete the row stays as a tombstone (deleted_at set,
-- token_hash cleared) so that the id answers 410 and is never reused.
CREATE TABLE saved_scenarios (
  id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  token_hash TEXT,
  fork_of TEXT,
  fork_of_dataset TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

-- Every revision's canonical JSON ({ scenario, sources }), never changed once written; purged on delete.
CREATE TABLE saved_scenario_revisions (
  scenario_id TEXT NOT NULL REFERENCES saved_scenarios (id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scenario_id, revision)
) STRICT, WITHOUT ROWID;

-- Idempotency-Key records for creates: the key and the request are kept only as SHA-256 digests,
-- and the first answer's edit token only encrypted under a key derived from the Idempotency-Key.
CREATE TABLE saved_scenario_idempotency (
  key_hash TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  sealed_token TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX saved_scenario_idempotency_by_scenario ON saved_scenario_idempotency (scenario_id);
