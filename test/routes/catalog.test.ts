import { describe, expect, it } from 'vitest';
import { call, callJson } from '../helpers.ts';

const SEED_IDS = ['anchorage-2025-08', 'donetsk-swap-2025-10', 'ceasefire-current-lines-2025-10'];

describe('GET /health', () => {
  it('reports ok with the dataset version', async () => {
    const { response, body } = await callJson('/health');
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.datasetVersion).toMatch(/^[0-9a-f]{14}$/);
    expect(response.headers.get('X-Request-Id')).toBeTruthy();
  });
});

describe('GET /v1/scenarios', () => {
  it('lists the three seed scenarios, oldest first, without their detail', async () => {
    const { response, body } = await callJson<{ count: number; scenarios: Record<string, unknown>[] }>(
      '/v1/scenarios',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const ids = body.scenarios.map((s) => s.id);
    for (const id of SEED_IDS) expect(ids).toContain(id);
    expect(body.count).toBe(body.scenarios.length);
    const dates = body.scenarios.map((s) => s.date as string);
    expect([...dates].sort()).toEqual(dates);
    for (const s of body.scenarios) {
      expect(s).not.toHaveProperty('territory');
      expect(s.title).toEqual(expect.any(String));
    }
  });

  it('returns one scenario with every cited source resolved', async () => {
    const { response, body } = await callJson<{
      scenario: { id: string; stances: { sources: string[] }[]; territory: { sources: string[] }[] };
      sources: { id: string; publisher: string; date: string }[];
    }>('/v1/scenarios/donetsk-swap-2025-10');
    expect(response.status).toBe(200);
    expect(body.scenario.id).toBe('donetsk-swap-2025-10');
    const resolved = new Set(body.sources.map((s) => s.id));
    const cited = [...body.scenario.stances, ...body.scenario.territory].flatMap((x) => x.sources);
    for (const id of cited) expect(resolved).toContain(id);
    for (const source of body.sources) {
      expect(source.publisher.length).toBeGreaterThan(0);
      expect(source.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    }
    expect(body.scenario).not.toHaveProperty('$schema');
  });

  it('answers an unknown id with a 404 problem naming the id and the valid ones', async () => {
    const { response, body } = await callJson<{
      status: number;
      detail: string;
      validIds: string[];
      type: string;
    }>('/v1/scenarios/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(body.status).toBe(404);
    expect(body.type).toBe('/docs#problem-unknown-id');
    expect(body.detail).toContain('does-not-exist');
    for (const id of SEED_IDS) {
      expect(body.validIds).toContain(id);
      expect(body.detail).toContain(id);
    }
  });
});

describe('reference data', () => {
  it('serves regions with Ukraine’s total area', async () => {
    const { body } = await callJson<{ ukraine: { areaKm2: number }; regions: { id: string }[] }>(
      '/v1/regions',
    );
    expect(body.ukraine.areaKm2).toBe(603540);
    expect(body.regions.map((r) => r.id)).toEqual(
      expect.arrayContaining(['donetsk', 'luhansk', 'zaporizhzhia', 'kherson', 'crimea', 'sevastopol']),
    );
  });

  it('lists baselines and names the latest', async () => {
    const { body } = await callJson<{ latest: string; baselines: { id: string }[] }>('/v1/baselines');
    expect(body.baselines.map((b) => b.id)).toEqual(['2025-08-18', '2026-01-01']);
    expect(body.latest).toBe('2026-01-01');
  });

  it('serves one baseline with its sources, and 404s an unknown date with the valid ones', async () => {
    const ok = await callJson<{ baseline: { id: string; shares: unknown[] }; sources: unknown[] }>(
      '/v1/baselines/2025-08-18',
    );
    expect(ok.response.status).toBe(200);
    expect(ok.body.baseline.id).toBe('2025-08-18');
    expect(ok.body.sources.length).toBeGreaterThan(0);

    const missing = await callJson<{ validIds: string[] }>('/v1/baselines/2020-01-01');
    expect(missing.response.status).toBe(404);
    expect(missing.body.validIds).toEqual(['2025-08-18', '2026-01-01']);
  });

  it('rejects a malformed baseline date as a 400 naming the path parameter', async () => {
    const { response, body } = await callJson<{ errors: { in: string; path: string }[] }>(
      '/v1/baselines/not-a-date',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(body.errors[0]).toMatchObject({ in: 'path', path: 'date' });
  });

  it.each([
    ['/v1/parties', 'parties', ['russia', 'ukraine', 'united-states', 'european-allies']],
    ['/v1/issues', 'issues', ['ceasefire-sequencing', 'nato-neutrality', 'army-size', 'nuclear-plant']],
  ])('serves %s', async (path, key, expected) => {
    const { response, body } = await callJson<Record<string, { id: string }[]>>(path);
    expect(response.status).toBe(200);
    expect((body[key] ?? []).map((x) => x.id)).toEqual(expect.arrayContaining(expected));
  });

  it('serves the source registry with publisher and date on every entry', async () => {
    const { body } = await callJson<{ sources: { id: string; publisher: string; date: string }[] }>(
      '/v1/sources',
    );
    expect(body.sources.length).toBeGreaterThan(5);
    for (const s of body.sources) expect(s.publisher && s.date).toBeTruthy();
  });
});

describe('errors', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const { response, body } = await callJson<{ status: number; instance: string }>('/v2/nothing');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(body).toMatchObject({ status: 404, instance: '/v2/nothing' });
  });

  it('answers a wrong method with a 405 problem and an Allow header', async () => {
    const { response, body } = await callJson<{ allow: string[] }>('/v1/scenarios', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expect(body.allow).toEqual(['GET', 'HEAD']);
  });

  it('answers a wrong method on a parameterised path with a 405 too', async () => {
    const response = await call('/v1/scenarios/anchorage-2025-08', { method: 'PUT', body: '{}' });
    expect(response.status).toBe(405);
  });
});

describe('documentation', () => {
  it('serves a valid OpenAPI 3.1 document covering every route and its errors', async () => {
    const { response, body } = await callJson<{
      openapi: string;
      info: { title: string; version: string };
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
      components: { schemas: Record<string, unknown> };
    }>('/openapi.json');
    expect(response.status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.info.title).toBeTruthy();
    for (const path of [
      '/health',
      '/v1/scenarios',
      '/v1/scenarios/{id}',
      '/v1/regions',
      '/v1/baselines',
      '/v1/baselines/{date}',
      '/v1/parties',
      '/v1/issues',
      '/v1/sources',
      '/v1/compare',
      '/v1/parties/{id}/timeline',
      '/openapi.json',
      '/docs',
    ]) {
      expect(body.paths, path).toHaveProperty([path, 'get']);
    }
    for (const [path, methods] of Object.entries(body.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(Object.keys(op.responses), `${method} ${path} documents 414 and 500`).toEqual(
          expect.arrayContaining(['414', '500']),
        );
        const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        expect(errors.length, `${method} ${path} documents its errors`).toBeGreaterThan(0);
        for (const [, r] of errors)
          expect(Object.keys(r.content ?? {})).toEqual(['application/problem+json']);
      }
    }
    expect(Object.keys(body.paths['/v1/compare']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '406', '413', '415', '422']),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['Scenario', 'Source', 'Baseline', 'Problem', 'ShareInterval']),
    );
    // Every $ref resolves.
    const refs = JSON.stringify(body).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g) ?? [];
    for (const ref of new Set(refs))
      expect(body.components.schemas).toHaveProperty(ref.split('/').at(-1) as string);
  });

  it('serves a docs page that needs no outside host', async () => {
    const response = await call('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('/v1/scenarios/{id}');
    expect(html).toContain('id="problem-unknown-id"');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);
  });
});
