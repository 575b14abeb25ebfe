import { describe, expect, it } from 'vitest';
import { forgetRenderedBodies } from '../../src/caching.ts';
import { call, SEED_IDS } from '../helpers.ts';

const compareUrl = `/v1/compare?scenarios=${SEED_IDS.join(',')}`;

describe('conditional requests and caching', () => {
  it('answers a repeated comparison GET carrying its ETag with a 304 and no body', async () => {
    const first = await call(compareUrl);
    expect(first.status).toBe(200);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('Cache-Control')).toContain('public');
    expect(first.headers.get('Vary')).toContain('Accept');
    await first.arrayBuffer();
    const second = await call(compareUrl, { headers: { 'If-None-Match': etag as string } });
    expect(second.status).toBe(304);
    expect(second.headers.get('ETag')).toBe(etag);
    expect(await second.text()).toBe('');
  });

  it('derives the ETag from the canonical inputs: same for equal requests, different for other inputs', async () => {
    const etagOf = async (url: string, headers: Record<string, string> = {}) => {
      const response = await call(url, { headers });
      await response.arrayBuffer();
      return response.headers.get('ETag');
    };
    const base = await etagOf(compareUrl);
    expect(await etagOf(compareUrl)).toBe(base);
    // The default baseline and the Accept-chosen format are the same inputs spelled out.
    expect(await etagOf(`${compareUrl}&baseline=2026-01-01&format=json`)).toBe(base);
    expect(await etagOf(compareUrl, { Accept: 'text/csv' })).toBe(await etagOf(`${compareUrl}&format=csv`));
    expect(await etagOf(`${compareUrl}&format=csv`)).not.toBe(base);
    expect(await etagOf(`${compareUrl}&baseline=2025-08-18`)).not.toBe(base);
    expect(await etagOf(`/v1/compare?scenarios=${[...SEED_IDS].reverse().join(',')}`)).not.toBe(base);
  });

  it('gives catalogue responses an ETag and answers 304 to it', async () => {
    for (const path of [
      '/v1/scenarios',
      '/v1/scenarios/anchorage-2025-08',
      '/v1/sources',
      '/v1/baselines/2026-01-01',
      '/openapi.json',
    ]) {
      const first = await call(path);
      const etag = first.headers.get('ETag');
      expect(etag, path).toBeTruthy();
      await first.arrayBuffer();
      const second = await call(path, { headers: { 'If-None-Match': `"other", ${etag}` } });
      expect(second.status, path).toBe(304);
      await second.arrayBuffer();
    }
  });

  it('answers If-None-Match: * with 304 only where a representation exists (RFC 9110 §13.1.2)', async () => {
    // What does not exist, or is asked for with an invalid query, gets its error, never a 304.
    const absent = [
      '/v1/scenarios/does-not-exist',
      '/v1/baselines/1999-01-01',
      '/v1/baselines/2026-13-45',
      '/v1/scenarios?party=nobody',
      '/v1/scenarios?from=2026-13-45',
      '/v1/scenarios?from=2026-01-01&to=2025-01-01',
      '/v1/compare?scenarios=does-not-exist',
      `/v1/compare?scenarios=${SEED_IDS[0]}&baseline=1999-01-01`,
      `/v1/compare?scenarios=${SEED_IDS[0]}&format=pdf`,
      `/v1/compare?scenarios=${SEED_IDS[0]},${SEED_IDS[0]}`,
      '/v1/parties/nobody/timeline',
      '/v1/parties/russia/timeline?baseline=1999-01-01',
      '/v1/no-such-resource',
      '/v1/saved-scenarios/aaaaaaaaaaaaaaaaaaaaaaaaaa',
      '/v1/saved-scenarios/aaaaaaaaaaaaaaaaaaaaaaaaaa/revisions/1',
      '/v1/compare?scenarios=saved:aaaaaaaaaaaaaaaaaaaaaaaaaa',
    ];
    for (const path of absent) {
      const plain = await call(path);
      await plain.arrayBuffer();
      expect(plain.status, path).toBeGreaterThanOrEqual(400);
      for (const tag of ['*', 'W/"x", *']) {
        const conditional = await call(path, { headers: { 'If-None-Match': tag } });
        expect(conditional.status, `${path} with ${tag}`).toBe(plain.status);
        expect(conditional.headers.get('ETag'), path).toBeNull();
        expect(conditional.headers.get('Content-Type'), path).toBe('application/problem+json');
        await conditional.arrayBuffer();
      }
    }
    // Where it exists, * matches it.
    for (const path of ['/v1/scenarios/anchorage-2025-08', compareUrl, '/v1/parties/russia/timeline']) {
      const conditional = await call(path, { headers: { 'If-None-Match': '*' } });
      expect(conditional.status, path).toBe(304);
      expect(conditional.headers.get('ETag'), path).toBeTruthy();
      await conditional.arrayBuffer();
    }
  });

  it('does not cache errors, health or POSTs', async () => {
    const missing = await call('/v1/scenarios/nope');
    expect(missing.headers.get('ETag')).toBeNull();
    await missing.arrayBuffer();
    const health = await call('/health');
    expect(health.headers.get('Cache-Control')).toBe('no-store');
    await health.arrayBuffer();
    const post = await call('/v1/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenarios: [SEED_IDS[0]] }),
    });
    expect(post.headers.get('Cache-Control')).toBe('no-store');
    expect(post.headers.get('ETag')).toBeNull();
    await post.arrayBuffer();
  });

  it('builds a repeated XLSX once: from memory in this isolate, from the edge cache in another', async () => {
    const url =
      '/v1/compare?scenarios=donetsk-swap-2025-10,anchorage-2025-08&baseline=2025-08-18&format=xlsx';
    const first = await call(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(first.headers.get('ETag')).toMatch(/^W\//);
    const firstBytes = new Uint8Array(await first.arrayBuffer());

    const second = await call(url);
    expect(second.headers.get('X-Cache')).toBe('MEMO');
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(firstBytes);

    // An isolate that has not built it yet finds it in the data centre's cache (written after the response).
    forgetRenderedBodies();
    let third: Response | undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      third = await call(url);
      if (third.headers.get('X-Cache') === 'HIT') break;
      await third.arrayBuffer();
      forgetRenderedBodies();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(third?.headers.get('X-Cache')).toBe('HIT');
    expect(third?.headers.get('Content-Disposition')).toContain('.xlsx');
    expect(new Uint8Array(await (third as Response).arrayBuffer())).toEqual(firstBytes);
  });

  it('rebuilds when the client sends Cache-Control: no-cache', async () => {
    const url = `${compareUrl}&format=csv`;
    await (await call(url)).arrayBuffer();
    const repeat = await call(url);
    expect(repeat.headers.get('X-Cache')).toBe('MEMO');
    const repeatText = await repeat.text();
    const fresh = await call(url, { headers: { 'Cache-Control': 'no-cache' } });
    expect(fresh.headers.get('X-Cache')).toBe('MISS');
    expect(await fresh.text()).toBe(repeatText);
  });

  it('keeps a response asked for with Cache-Control: no-store out of memory and the edge cache', async () => {
    const url = '/v1/compare?scenarios=ceasefire-current-lines-2025-10&baseline=2025-08-18&format=xlsx';
    forgetRenderedBodies();
    const unstored = await call(url, { headers: { 'Cache-Control': 'no-cache, no-store' } });
    expect(unstored.status).toBe(200);
    expect(unstored.headers.get('X-Cache')).toBe('MISS');
    expect((await unstored.arrayBuffer()).byteLength).toBeGreaterThan(0);
    // Give a (wrongly) scheduled cache write time to land, then look: nothing was kept.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await call(url);
    expect(next.headers.get('X-Cache')).toBe('MISS');
    await next.arrayBuffer();
    // That plain request did store it.
    const repeat = await call(url);
    expect(repeat.headers.get('X-Cache')).toBe('MEMO');
    await repeat.arrayBuffer();
  });
});

describe('headers on every response', () => {
  it.each(['/health', '/v1/scenarios', '/docs', '/v1/nope', `${compareUrl}&format=pdf`])(
    '%s carries security headers and a request id',
    async (path) => {
      const response = await call(path);
      expect(response.headers.get('X-Request-Id')).toMatch(/^[\w-]+$/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
      expect(response.headers.get('Strict-Transport-Security')).toBeTruthy();
      await response.arrayBuffer();
    },
  );

  it('lets any origin read and POST JSON without credentials, allowing only the headers the API reads', async () => {
    const preflight = (method: string, headers: string) =>
      call('/v1/compare', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://newsroom.example',
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': headers,
        },
      });
    const post = await preflight('POST', 'content-type');
    expect(post.status).toBe(204);
    const methods = (post.headers.get('Access-Control-Allow-Methods') ?? '').split(/,\s*/);
    expect(methods.sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
    const allowed = (post.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'content-type',
        'if-none-match',
        'if-match',
        'authorization',
        'idempotency-key',
      ]),
    );
    expect(post.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    // A header the API does not read is not echoed back as allowed.
    const evil = await preflight('POST', 'x-evil, content-type');
    expect((evil.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase()).not.toContain('x-evil');
    // The answer to a cross-origin POST is readable, as the policy says.
    const response = await call('/v1/compare', {
      method: 'POST',
      headers: { Origin: 'https://newsroom.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenarios: [SEED_IDS[0]] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    await response.arrayBuffer();
  });

  it('opens CORS for GET and exposes ETag and Content-Disposition', async () => {
    const response = await call(compareUrl, { headers: { Origin: 'https://newsroom.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const exposed = response.headers.get('Access-Control-Expose-Headers') ?? '';
    expect(exposed).toContain('ETag');
    expect(exposed).toContain('Content-Disposition');
    await response.arrayBuffer();
    const preflight = await call('/v1/compare', {
      method: 'OPTIONS',
      headers: { Origin: 'https://newsroom.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET');
  });
});
