import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate } from '../arbitraries.ts';
import { call } from '../helpers.ts';
import { createSaved, jsonFrom, newClient, SAVED_BODY } from './saved-helpers.ts';

/** Every row of the saved-scenario tables, as one text: equal texts mean an unchanged database. */
async function snapshot(): Promise<string> {
  const [heads, revisions, keys] = await env.DB.batch([
    env.DB.prepare('SELECT * FROM saved_scenarios ORDER BY id'),
    env.DB.prepare('SELECT * FROM saved_scenario_revisions ORDER BY scenario_id, revision'),
    env.DB.prepare('SELECT * FROM saved_scenario_idempotency ORDER BY key_hash'),
  ]);
  return JSON.stringify([heads?.results, revisions?.results, keys?.results]);
}

const bodyArb = fc.oneof(
  mutate(SAVED_BODY),
  fc.jsonValue(),
  fc.string({ maxLength: 200 }),
  fc.constant(SAVED_BODY),
);

describe('fuzzing the saved-scenario endpoints', () => {
  it('never changes the database for a request it refuses, and never answers 5xx', async () => {
    const target = await createSaved();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'DELETE'),
        bodyArb,
        fc.record({
          token: fc.constantFrom(undefined, 'wrong', `Bearer ${'x'.repeat(43)}`),
          ifMatch: fc.constantFrom(undefined, '*', '"stale"', 'W/"weak"'),
          idempotencyKey: fc.option(fc.string({ minLength: 0, maxLength: 140 }), { nil: undefined }),
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
        }),
        async (method, body, h) => {
          const before = await snapshot();
          const headers: Record<string, string> = { ...jsonFrom(newClient()), 'Content-Type': h.contentType };
          if (h.token !== undefined) headers.Authorization = h.token;
          if (h.ifMatch !== undefined) headers['If-Match'] = h.ifMatch;
          if (h.idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(h.idempotencyKey))
            headers['Idempotency-Key'] = h.idempotencyKey;
          const path = method === 'POST' ? '/v1/saved-scenarios' : `/v1/saved-scenarios/${target.id}`;
          const response = await call(path, {
            method,
            headers,
            ...(method !== 'DELETE' && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: 120 },
    );
    // Nothing the fuzzer sent carried the edit token, so the target is untouched.
    const still = await call(`/v1/saved-scenarios/${target.id}`);
    expect(still.headers.get('ETag')).toBe(target.etag);
  }, 60_000);
});
