import { describe, expect, it } from 'vitest';
import { call } from '../helpers.ts';

describe('paths and methods', () => {
  it('redirects a path with a trailing slash to the canonical path, for every path and method (308)', async () => {
    for (const [path, location] of [
      ['/v1/scenarios/', 'http://localhost/v1/scenarios'],
      ['/v1/scenarios/anchorage-2025-08/', 'http://localhost/v1/scenarios/anchorage-2025-08'],
      ['/health/', 'http://localhost/health'],
      ['/compare/?scenarios=anchorage-2025-08', 'http://localhost/compare?scenarios=anchorage-2025-08'],
      ['/v1/compare///', 'http://localhost/v1/compare'],
      ['/no-such-thing/', 'http://localhost/no-such-thing'],
    ] as const) {
      for (const method of ['GET', 'HEAD', 'POST']) {
        const response = await call(path, { method, redirect: 'manual' });
        expect(response.status, `${method} ${path}`).toBe(308);
        expect(response.headers.get('Location'), `${method} ${path}`).toBe(location);
        await response.arrayBuffer();
      }
    }
  });

  it('never redirects to another host', async () => {
    for (const path of ['//evil.example/', '///evil.example//', '/\\evil.example/']) {
      const response = await call(path, { redirect: 'manual' });
      const location = response.headers.get('Location');
      if (location !== null) expect(new URL(location).host, path).toBe('localhost');
      await response.arrayBuffer();
    }
  });

  it('answers a known path with the wrong method with a 405 whose Allow lists the right ones', async () => {
    for (const [method, path, allow] of [
      ['POST', '/v1/scenarios', 'GET, HEAD'],
      ['DELETE', '/v1/scenarios/anchorage-2025-08', 'GET, HEAD'],
      ['PUT', '/v1/compare', 'GET, HEAD, POST'],
      ['POST', '/health', 'GET, HEAD'],
      ['POST', '/compare', 'GET, HEAD'],
    ] as const) {
      const response = await call(path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('Allow'), `${method} ${path}`).toBe(allow);
      const problem = (await response.json()) as { allow: string[]; detail: string };
      expect(problem.allow.join(', ')).toBe(allow);
      expect(problem.detail).not.toContain(`${method} is not allowed on ${path}. Allowed: ${method}`);
    }
  });

  it('says the method is wrong before it looks at the body: 405, not 415 or 413', async () => {
    const form = await call('/v1/scenarios', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(405);
    await form.arrayBuffer();
    const big = await call('/v1/regions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `"${'a'.repeat(300 * 1024)}"`,
    });
    expect(big.status).toBe(405);
    await big.arrayBuffer();
  });
});

describe('request ids and page errors', () => {
  it('makes its own request id, whatever cf-ray a client sends, and logs a well-formed ray beside it', async () => {
    const logged: string[] = [];
    const original = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      const response = await call('/health', { headers: { 'cf-ray': 'chosen-by-the-client' } });
      await response.arrayBuffer();
      expect(response.headers.get('X-Request-Id')).not.toBe('chosen-by-the-client');
      expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
      const entry = JSON.parse(logged.at(-1) as string) as { requestId: string; ray?: string };
      expect(entry.requestId).toBe(response.headers.get('X-Request-Id'));
      expect(entry.ray).toBe('chosen-by-the-client');
    } finally {
      console.log = original;
    }
  });

  it('answers an over-long query string on a page with an HTML page, not problem+json', async () => {
    const response = await call(`/compare?scenarios=${'a'.repeat(5000)}`);
    expect(response.status).toBe(414);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/query string is \d+ characters; the limit is 4096/);
    const api = await call(`/v1/compare?scenarios=${'a'.repeat(5000)}`);
    expect(api.status).toBe(414);
    expect(api.headers.get('Content-Type')).toBe('application/problem+json');
    await api.arrayBuffer();
  });
});

describe('error bodies', () => {
  it('caps the error list, the detail and the valid ids, and says how many errors there were', async () => {
    // 200 empty sources (the most a request may send): a thousand field errors from a 1 KB body.
    const body = JSON.stringify({
      scenarios: ['anchorage-2025-08'],
      sources: Array.from({ length: 200 }, () => ({})),
    });
    const response = await call('/v1/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(16 * 1024);
    const problem = JSON.parse(text) as { errors: unknown[]; errorCount: number; detail: string };
    expect(problem.errors).toHaveLength(50);
    expect(problem.errorCount).toBeGreaterThanOrEqual(1000);
    expect(problem.detail.length).toBeLessThanOrEqual(1000);
    expect(problem.detail).toMatch(/and \d+ more/);
    // A query of 400 bad ids.
    const ids = Array.from({ length: 400 }, (_, i) => `BAD_${i}`).join(',');
    const query = await call(`/v1/compare?scenarios=${ids}`);
    expect(query.status).toBe(400);
    const queryText = await query.text();
    expect(queryText.length).toBeLessThan(16 * 1024);
    expect((JSON.parse(queryText) as { errors: unknown[] }).errors.length).toBeLessThanOrEqual(50);
  });
});
