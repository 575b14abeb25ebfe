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
 * dataset version (the catalogue, the OpenAPI document, the docs page); answers 304 without
 * running the handler when the client already holds the current version.
 */
export function catalogueCaching(datasetVersion: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const etag = etagFor(`catalogue|${datasetVersion}|${url.pathname}?${url.searchParams}`);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set('ETag', etag);
      c.res.headers.set('Cache-Control', CACHE_CONTROL);
    }
  };
}

/** A strong ETag for a deterministic body (weak for XLSX, whose zip stamps the time). */
export function etagFor(canonicalKey: string, weak = false): string {
  return `${weak ? 'W/' : ''}"${contentHash(canonicalKey)}"`;
}

/** The Workers cache of this data centre, or undefined where the runtime has none. */
function edgeCache(): Cache | undefined {
  return typeof caches === 'undefined' ? undefined : (caches as unknown as { default?: Cache }).default;
}

/**
 * Serves a response from the Workers Cache API when this data centre already built it for the
 * same canonical key; otherwise builds it, stores a copy without delaying the client, and
 * returns it. X-Cache says which happened.
 */
export async function fromEdgeCache(
  c: Context<AppEnv>,
  canonicalKey: string,
  build: () => Promise<Response>,
): Promise<Response> {
  const cache = edgeCache();
  const key = new Request(`${new URL(c.req.url).origin}/__edge-cache/${contentHash(canonicalKey)}`);
  const hit = cache ? await cache.match(key) : undefined;
  if (hit) {
    const response = new Response(hit.body, hit);
    response.headers.set('X-Cache', 'HIT');
    return response;
  }
  const response = await build();
  response.headers.set('X-Cache', 'MISS');
  if (cache && response.status === 200) {
    const store = cache.put(key, response.clone());
    try {
      c.executionCtx.waitUntil(store);
    } catch {
      await store;
    }
  }
  return response;
}
