// The hostile-input table of hostile.test.ts, for the saved-scenario endpoints: every refusal is
// problem+json with a request id, no stack, and names the field at fault.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers.ts';
import { type Created, createSaved, newClient, SAVED_BODY } from './saved-helpers.ts';

interface HostileCase {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  /** Path under /v1/saved-scenarios; `{id}` becomes a live saved scenario's id. */
  path?: string;
  headers?: (saved: Created) => Record<string, string>;
  body?: string;
  status: number;
  field?: string;
  header?: [string, RegExp];
}

const json = { 'Content-Type': 'application/json' };
const body = JSON.stringify(SAVED_BODY);
const owner = (s: Created) => ({ ...json, Authorization: `Bearer ${s.editToken}`, 'If-Match': s.etag });

const cases: HostileCase[] = [
  { name: 'malformed JSON', method: 'POST', body: '{"scenario": ', status: 400, field: 'body:' },
  { name: 'no body object', method: 'POST', body: '[]', status: 422, field: 'body:' },
  {
    name: 'a text/plain body',
    method: 'POST',
    headers: () => ({ 'Content-Type': 'text/plain' }),
    body,
    status: 415,
  },
  {
    name: 'a 1 MB body',
    method: 'POST',
    body: JSON.stringify({
      ...SAVED_BODY,
      scenario: { ...SAVED_BODY.scenario, summary: 'a'.repeat(1 << 20) },
    }),
    status: 413,
  },
  {
    name: 'a catalogue id',
    method: 'POST',
    body: JSON.stringify({ ...SAVED_BODY, scenario: { ...SAVED_BODY.scenario, id: 'anchorage-2025-08' } }),
    status: 422,
    field: 'body:scenario.id',
  },
  {
    name: 'an unknown forkOf',
    method: 'POST',
    body: JSON.stringify({ ...SAVED_BODY, forkOf: 'nope' }),
    status: 422,
    field: 'body:forkOf',
  },
  {
    name: 'a short Idempotency-Key',
    method: 'POST',
    headers: () => ({ ...json, 'Idempotency-Key': 'short' }),
    body,
    status: 400,
    field: 'header:Idempotency-Key',
  },
  { name: 'a malformed id', method: 'GET', path: '/NOT-AN-ID', status: 400, field: 'path:id' },
  {
    name: 'an unknown id',
    method: 'GET',
    path: '/aaaaaaaaaaaaaaaaaaaaaaaaaa',
    status: 404,
    field: 'path:id',
  },
  { name: 'revision 0', method: 'GET', path: '/{id}/revisions/0', status: 400, field: 'path:n' },
  {
    name: 'a revision not yet written',
    method: 'GET',
    path: '/{id}/revisions/7',
    status: 404,
    field: 'path:n',
  },
  {
    name: 'PUT without a token',
    method: 'PUT',
    path: '/{id}',
    headers: (s) => ({ ...json, 'If-Match': s.etag }),
    body,
    status: 401,
    field: 'header:Authorization',
    header: ['WWW-Authenticate', /^Bearer realm=/],
  },
  {
    name: 'PUT with a Basic credential',
    method: 'PUT',
    path: '/{id}',
    headers: (s) => ({ ...json, Authorization: 'Basic dXNlcjpwYXNz', 'If-Match': s.etag }),
    body,
    status: 401,
  },
  {
    name: 'PUT with a wrong token',
    method: 'PUT',
    path: '/{id}',
    headers: (s) => ({ ...owner(s), Authorization: `Bearer ${'B'.repeat(43)}` }),
    body,
    status: 403,
  },
  {
    name: 'PUT without If-Match',
    method: 'PUT',
    path: '/{id}',
    headers: (s) => ({ ...json, Authorization: `Bearer ${s.editToken}` }),
    body,
    status: 428,
    field: 'header:If-Match',
  },
  {
    name: 'PUT with a weak If-Match',
    method: 'PUT',
    path: '/{id}',
    headers: (s) => ({ ...owner(s), 'If-Match': `W/${s.etag}` }),
    body,
    status: 412,
    field: 'header:If-Match',
    header: ['ETag', /^"/],
  },
  {
    name: 'PUT with forkOf (provenance is fixed at create)',
    method: 'PUT',
    path: '/{id}',
    headers: owner,
    body: JSON.stringify({ ...SAVED_BODY, forkOf: 'anchorage-2025-08' }),
    status: 422,
  },
  {
    name: 'PUT breaking a rule',
    method: 'PUT',
    path: '/{id}',
    headers: owner,
    body: JSON.stringify({ ...SAVED_BODY, sources: [] }),
    status: 422,
    field: 'body:scenario.sources[0]',
  },
  {
    name: 'DELETE with a stale If-Match',
    method: 'DELETE',
    path: '/{id}',
    headers: (s) => ({ Authorization: `Bearer ${s.editToken}`, 'If-Match': '"0000"' }),
    status: 412,
  },
  { name: 'PATCH', method: 'PATCH' as 'PUT', path: '/{id}', status: 405 },
];

describe('hostile inputs to saved scenarios', () => {
  let saved: Created;
  beforeAll(async () => {
    saved = await createSaved();
  });

  it.each(cases)('$method $name → $status problem+json', async (c) => {
    const path = `/v1/saved-scenarios${(c.path ?? '').replace('{id}', saved.id)}`;
    const response = await call(path, {
      method: c.method,
      headers: { 'CF-Connecting-IP': newClient(), ...(c.headers?.(saved) ?? json) },
      ...(c.body !== undefined && { body: c.body }),
    });
    expect(response.status).toBe(c.status);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
    if (c.header) expect(response.headers.get(c.header[0])).toMatch(c.header[1]);
    const text = await response.text();
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/);
    expect(text).not.toContain(saved.editToken);
    const problem = JSON.parse(text) as { status: number; errors?: { in: string; path: string }[] };
    expect(problem.status).toBe(c.status);
    if (c.field) expect(problem.errors?.map((e) => `${e.in}:${e.path}`)).toContain(c.field);
  });

  it('leaves the saved scenario as it was after all of that', async () => {
    const response = await call(`/v1/saved-scenarios/${saved.id}`);
    expect(response.headers.get('ETag')).toBe(saved.etag);
  });
});
