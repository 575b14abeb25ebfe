import type { Context, MiddlewareHandler } from 'hono';
import { contentHash } from './domain/hash.ts';
import type { AppEnv } from './env.ts';

/** Lets a CDN and browsers keep catalogue and comparison responses; the ETag revalidates them. */
export const CACHE_CONTROL = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';

/** Whether an If-None-Match header matches an ETag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * ETag and Cache-Control for GET responses that depend only on the path, the query and the
 * dataset version (the catalogue, the OpenAPI document, the docs page). The condition is evaluated
 * after the handler has resolved and validated the request: `If-None-Match: *` or a matching tag
 * answers 304 only when there is a current representation, never for an error (RFC 9110 §13.1.2).
 * Attach it to each such route (zod-openapi's route `middleware`).
 */
export function catalogueCaching(datasetVersion: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const etag = etagFor(`catalogue|${datasetVersion}|${url.pathname}?${url.searchParams}`);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) {
      c.res = new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } });
      return;
    }
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', CACHE_CONTROL);
  };
}

/**
 * A 304 for a request whose `If-None-Match` matches the ETag of the resource it resolved to, or
 * undefined. Call it only once the request is known to name an existing representation.
 */
export function notModified(
  c: Context<AppEnv>,
  headers: Record<string, string> & { ETag: string },
): Response | undefined {
  return matchesEtag(c.req.header('If-None-Match'), headers.ETag)
    ? new Response(null, { status: 304, headers })
    : undefined;
}

/** A strong ETag for a deterministic body (weak for XLSX, whose zip stamps the time). */
export function etagFor(canonicalKey: string, weak = false): string {
  return `${weak ? 'W/' : ''}"${contentHash(canonicalKey)}"`;
}

/** The Workers cache of this data centre, or undefined where the runtime has none. */
function edgeCache(): Cache | undefined {
  return typeof caches === 'undefined' ? undefined : (caches as unknown as { default?: Cache }).default;
}

/** Rendered bodies kept in this isolate, newest last; bounded in entries and bytes. */
const memo = new Map<string, { body: Uint8Array<ArrayBuffer>; headers: [string, string][] }>();
let memoBytes = 0;
export const MEMO_LIMITS = { entries: 64, bytes: 16 * 1024 * 1024 };

function remember(key: string, body: Uint8Array<ArrayBuffer>, headers: Headers): void {
  if (body.byteLength > MEMO_LIMITS.bytes / 4) return;
  const previous = memo.get(key);
  if (previous) memoBytes -= previous.body.byteLength;
  memo.delete(key);
  memo.set(key, { body, headers: [...headers] });
  memoBytes += body.byteLength;
  for (const [oldest, entry] of memo) {
    if (memo.size <= MEMO_LIMITS.entries && memoBytes <= MEMO_LIMITS.bytes) break;
    memo.delete(oldest);
    memoBytes -= entry.body.byteLength;
  }
}

/**
 * Serves a deterministic GET response (JSON, CSV or XLSX of catalogue data) built once: from this
 * isolate's memory, else (for XLSX) from the Workers Cache API of the data centre, else built and
 * stored in both. `X-Cache` says which: MEMO, HIT or MISS. A client's `Cache-Control: no-cache`
 * skips both lookups and rebuilds; `no-store` (RFC 9111 §5.2.1.5) keeps the response out of both
 * stores. The canonical key must include the dataset version.
 */
export async function cachedBuild(
  c: Context<AppEnv>,
  canonicalKey: string,
  options: { edge: boolean },
  build: () => Promise<Response>,
): Promise<Response> {
  const directives = c.req.header('Cache-Control') ?? '';
  const fresh = /\bno-cache\b/i.test(directives) || c.req.header('Pragma') === 'no-cache';
  const store = !/\bno-store\b/i.test(directives);
  const remembered = fresh ? undefined : memo.get(canonicalKey);
  if (remembered) {
    memo.delete(canonicalKey);
    memo.set(canonicalKey, remembered);
    const response = new Response(remembered.body, { status: 200, headers: remembered.headers });
    response.headers.set('X-Cache', 'MEMO');
    return response;
  }
  const cache = options.edge ? edgeCache() : undefined;
  const key = new Request(`${new URL(c.req.url).origin}/__edge-cache/${contentHash(canonicalKey)}`);
  const hit = cache && !fresh ? await cache.match(key) : undefined;
  let response: Response;
  if (hit) {
    response = new Response(hit.body, hit);
    response.headers.set('X-Cache', 'HIT');
  } else {
    response = await build();
    response.headers.set('X-Cache', 'MISS');
    if (cache && store && response.status === 200) {
      const put = cache.put(key, response.clone());
      try {
        c.executionCtx.waitUntil(put);
      } catch {
        await put;
      }
    }
  }
  if (response.status !== 200 || !store) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  remember(canonicalKey, body, response.headers);
  return new Response(body, { status: 200, headers: response.headers });
}

/** Empties this isolate's memory of rendered bodies (for tests and benchmarks). */
export function forgetRenderedBodies(): void {
  memo.clear();
  memoBytes = 0;
}
