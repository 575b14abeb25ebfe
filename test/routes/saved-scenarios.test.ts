import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.ts';
import { call, callJson, SEED_IDS } from '../helpers.ts';
import { createSaved, jsonFrom, newClient, putSaved, retitled, SAVED_BODY } from './saved-helpers.ts';

const PROBLEM = 'application/problem+json';
const auth = (token: string, etag?: string): Record<string, string> => ({
  Authorization: `Bearer ${token}`,
  ...(etag !== undefined && { 'If-Match': etag }),
});

describe('POST /v1/saved-scenarios', () => {
  it('creates a saved scenario: 201, Location, ETag, an unguessable id and a one-time edit token', async () => {
    const created = await createSaved({ ...SAVED_BODY, forkOf: SEED_IDS[0] });
    expect(created.id).toMatch(/^[a-z2-7]{26}$/);
    expect(created.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.revision).toBe(1);
    expect(created.location).toBe(`/v1/saved-scenarios/${created.id}`);
    expect(created.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(created.bookmark).toBeTruthy();
    const row = await env.DB.prepare('SELECT token_hash FROM saved_scenarios WHERE id = ?')
      .bind(created.id)
      .first<{ token_hash: string }>();
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toContain(created.editToken);
  });

  it('applies the rules of POST /v1/compare, naming this body’s fields', async () => {
    const client = newClient();
    const cases: [unknown, string][] = [
      [{ ...SAVED_BODY, scenario: { ...SAVED_BODY.scenario, id: SEED_IDS[0] } }, 'scenario.id'],
      [{ ...SAVED_BODY, sources: [] }, 'scenario.sources[0]'],
      [{ ...SAVED_BODY, forkOf: 'no-such-scenario' }, 'forkOf'],
      [{ ...SAVED_BODY, scenario: { ...SAVED_BODY.scenario, supersedes: 'no-such' } }, 'scenario.supersedes'],
      [{ scenario: { ...SAVED_BODY.scenario, title: '' }, sources: SAVED_BODY.sources }, 'scenario.title'],
      [{ ...SAVED_BODY, extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const { response, body: problem } = await callJson<{ errors: { path: string }[] }>(
        '/v1/saved-scenarios',
        { method: 'POST', headers: jsonFrom(client), body: JSON.stringify(body) },
      );
      expect(response.status, field).toBe(422);
      expect(response.headers.get('Content-Type')).toBe(PROBLEM);
      expect(
        problem.errors.map((e) => e.path).some((p) => p.startsWith(field)),
        JSON.stringify(problem),
      ).toBe(true);
    }
  });

  it('answers a retried create with the first answer (Idempotency-Key), and a reused key with a 422', async () => {
    const client = newClient();
    const key = `key-${crypto.randomUUID()}`;
    const send = (body: unknown) =>
      call('/v1/saved-scenarios', {
        method: 'POST',
        headers: jsonFrom(client, { 'Idempotency-Key': key }),
        body: JSON.stringify(body),
      });
    const [first, second] = await Promise.all([send(SAVED_BODY), send(SAVED_BODY)]);
    const a = (await first.json()) as { id: string; editToken: string };
    const b = (await second.json()) as { id: string; editToken: string };
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(b.id).toBe(a.id);
    expect(b.editToken).toBe(a.editToken);
    const third = await send(SAVED_BODY);
    expect(third.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await third.json()) as { id: string }).id).toBe(a.id);
    const count = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM saved_scenario_idempotency WHERE scenario_id = ?',
    )
      .bind(a.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);
    const other = await send(retitled('Another body'));
    expect(other.status).toBe(422);
    expect(((await other.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('Idempotency-Key');
    const sealed = await env.DB.prepare(
      'SELECT sealed_token FROM saved_scenario_idempotency WHERE scenario_id = ?',
    )
      .bind(a.id)
      .first<{ sealed_token: string }>();
    expect(sealed?.sealed_token).not.toContain(a.editToken);
  });
});

describe('GET, PUT and DELETE /v1/saved-scenarios/{id}', () => {
  it('reads the latest revision by link, with an ETag that 304s', async () => {
    const created = await createSaved();
    const { response, body } = await callJson<Record<string, unknown>>(`/v1/saved-scenarios/${created.id}`, {
      headers: { 'X-D1-Bookmark': created.bookmark ?? '' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe(created.etag);
    expect(body).toMatchObject({
      id: created.id,
      revision: 1,
      forkOf: null,
      compareAs: `saved:${created.id}@1`,
      scenario: SAVED_BODY.scenario,
      sources: SAVED_BODY.sources,
    });
    expect(body).not.toHaveProperty('editToken');
    const again = await call(`/v1/saved-scenarios/${created.id}`, {
      headers: { 'If-None-Match': created.etag },
    });
    expect(again.status).toBe(304);
    // A repeat within a moment comes from this isolate's memory; a bookmark or no-cache goes to D1.
    const repeat = await call(`/v1/saved-scenarios/${created.id}`);
    expect(repeat.headers.get('X-Cache')).toBe('MEMO');
    const fresh = await call(`/v1/saved-scenarios/${created.id}`, {
      headers: { 'Cache-Control': 'no-cache' },
    });
    expect(fresh.headers.get('X-Cache')).toBe('MISS');
    expect(fresh.headers.get('X-D1-Bookmark')).toBeTruthy();
  });

  it('revises with token and If-Match: 200 and a new ETag; 401, 403, 428 and 412 otherwise', async () => {
    const created = await createSaved();
    const noToken = await putSaved(created.id, retitled('x'), { 'If-Match': created.etag });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    const wrong = await putSaved(created.id, retitled('x'), auth('A'.repeat(43), created.etag));
    expect(wrong.status).toBe(403);
    const noIfMatch = await putSaved(created.id, retitled('x'), auth(created.editToken));
    expect(noIfMatch.status).toBe(428);

    const ok = await putSaved(created.id, retitled('Second'), auth(created.editToken, created.etag));
    expect(ok.status).toBe(200);
    const second = (await ok.json()) as { revision: number; scenario: { title: string } };
    expect(second).toMatchObject({ revision: 2, scenario: { title: 'Second' } });
    const etag2 = ok.headers.get('ETag') ?? '';
    expect(etag2).not.toBe(created.etag);

    const stale = await putSaved(created.id, retitled('Third'), auth(created.editToken, created.etag));
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe(etag2);
    expect(stale.headers.get('Content-Type')).toBe(PROBLEM);

    const latest = await callJson<{ revision: number; scenario: { title: string } }>(
      `/v1/saved-scenarios/${created.id}`,
      { headers: { 'X-D1-Bookmark': ok.headers.get('X-D1-Bookmark') ?? '' } },
    );
    expect(latest.body).toMatchObject({ revision: 2, scenario: { title: 'Second' } });
    expect(latest.response.headers.get('ETag')).toBe(etag2);
  });

  it('keeps every revision, unchanged and cacheable', async () => {
    const created = await createSaved();
    const ok = await putSaved(created.id, retitled('Second'), auth(created.editToken, created.etag));
    expect(ok.status).toBe(200);
    const list = await callJson<{ latest: number; revisions: { revision: number; href: string }[] }>(
      `/v1/saved-scenarios/${created.id}/revisions`,
    );
    expect(list.body.latest).toBe(2);
    expect(list.body.revisions.map((r) => r.revision)).toEqual([1, 2]);
    const first = await callJson<{ revision: number; scenario: { title: string } }>(
      list.body.revisions[0]?.href ?? '',
    );
    expect(first.body).toMatchObject({ revision: 1, scenario: { title: SAVED_BODY.scenario.title } });
    expect(first.response.headers.get('Cache-Control')).toMatch(/immutable/);
    expect(first.response.headers.get('ETag')).toBe(created.etag);
    const missing = await call(`/v1/saved-scenarios/${created.id}/revisions/3`);
    expect(missing.status).toBe(404);
  });

  it('deletes with token and If-Match: 204, then 410 Gone everywhere, content purged, tombstone kept', async () => {
    const created = await createSaved();
    const noIfMatch = await call(`/v1/saved-scenarios/${created.id}`, {
      method: 'DELETE',
      headers: { ...auth(created.editToken), 'CF-Connecting-IP': newClient() },
    });
    expect(noIfMatch.status).toBe(428);
    const deleted = await call(`/v1/saved-scenarios/${created.id}`, {
      method: 'DELETE',
      headers: { ...auth(created.editToken, created.etag), 'CF-Connecting-IP': newClient() },
    });
    expect(deleted.status).toBe(204);
    for (const path of ['', '/revisions', '/revisions/1']) {
      const response = await call(`/v1/saved-scenarios/${created.id}${path}`);
      expect(response.status, path).toBe(410);
      expect(response.headers.get('Content-Type')).toBe(PROBLEM);
    }
    const put = await putSaved(created.id, SAVED_BODY, auth(created.editToken, created.etag));
    expect(put.status).toBe(410);
    const revisions = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM saved_scenario_revisions WHERE scenario_id = ?',
    )
      .bind(created.id)
      .first<{ n: number }>();
    expect(revisions?.n).toBe(0);
    const tombstone = await env.DB.prepare('SELECT token_hash, deleted_at FROM saved_scenarios WHERE id = ?')
      .bind(created.id)
      .first<{ token_hash: string | null; deleted_at: string | null }>();
    expect(tombstone).toMatchObject({ token_hash: null });
    expect(tombstone?.deleted_at).toBeTruthy();
  });

  it('lets exactly one of 20 concurrent PUTs with the same If-Match win; nothing is lost', async () => {
    const created = await createSaved();
    const client = newClient();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putSaved(created.id, retitled(`Writer ${i}`), auth(created.editToken, created.etag), client),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = responses.find((r) => r.status === 200);
    const won = (await winner?.json()) as { revision: number; scenario: { title: string } };
    expect(won.revision).toBe(2);
    const rows = await env.DB.prepare(
      'SELECT revision, body FROM saved_scenario_revisions WHERE scenario_id = ? ORDER BY revision',
    )
      .bind(created.id)
      .all<{ revision: number; body: string }>();
    expect(rows.results.map((r) => r.revision)).toEqual([1, 2]);
    expect(JSON.parse(rows.results[1]?.body ?? '{}').scenario.title).toBe(won.scenario.title);
    const head = await env.DB.prepare('SELECT revision FROM saved_scenarios WHERE id = ?')
      .bind(created.id)
      .first<{ revision: number }>();
    expect(head?.revision).toBe(2);
  });

  it('refuses a revision beyond the cap with a 409, changing nothing', async () => {
    const created = await createSaved();
    let etag = created.etag;
    for (let revision = 2; revision <= LIMITS.savedRevisions; revision++) {
      const response = await putSaved(
        created.id,
        retitled(`Revision ${revision}`),
        auth(created.editToken, etag),
      );
      expect(response.status).toBe(200);
      etag = response.headers.get('ETag') ?? '';
    }
    const response = await putSaved(created.id, retitled('One too many'), auth(created.editToken, etag));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { limit: number }).limit).toBe(LIMITS.savedRevisions);
    const count = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM saved_scenario_revisions WHERE scenario_id = ?',
    )
      .bind(created.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(LIMITS.savedRevisions);
  }, 30_000);

  it('answers an unreadable stored row with a logged 500 for that id only', async () => {
    const good = await createSaved();
    const bad = await createSaved();
    await env.DB.prepare('UPDATE saved_scenario_revisions SET body = ? WHERE scenario_id = ?')
      .bind('{"scenario": {"id": 3', bad.id)
      .run();
    const broken = await callJson<{ detail: string }>(`/v1/saved-scenarios/${bad.id}`);
    expect(broken.response.status).toBe(500);
    expect(broken.body.detail).not.toMatch(/JSON|SyntaxError|at /);
    expect((await call(`/v1/saved-scenarios/${good.id}`)).status).toBe(200);
  });

  it('rate-limits writes per client: 429 with Retry-After', async () => {
    const client = newClient();
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) {
      last = await call('/v1/saved-scenarios/aaaaaaaaaaaaaaaaaaaaaaaaaa', {
        method: 'DELETE',
        headers: { 'CF-Connecting-IP': client },
      });
    }
    expect(last?.status).toBe(429);
    expect(last?.headers.get('Retry-After')).toBe('60');
    expect(last?.headers.get('Content-Type')).toBe(PROBLEM);
    const other = await call('/v1/saved-scenarios/aaaaaaaaaaaaaaaaaaaaaaaaaa', {
      method: 'DELETE',
      headers: { 'CF-Connecting-IP': newClient() },
    });
    expect(other.status).toBe(404);
  });
});
