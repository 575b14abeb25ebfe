import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';
import { LIMITS } from './limits.ts';
import { ProblemError, payloadTooLarge } from './problem.ts';

/**
 * Gives every request its own id and logs one JSON line when it ends. The id is never taken from
 * the request: a client can send any `cf-ray` where the platform does not set it (wrangler dev), so
 * the ray is only logged beside the id, for operators to correlate on Cloudflare.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  const ray = c.req.header('cf-ray');
  c.set('requestId', crypto.randomUUID());
  try {
    await next();
  } finally {
    c.header('X-Request-Id', c.get('requestId'));
    console.log(
      JSON.stringify({
        level: 'info',
        requestId: c.get('requestId'),
        ray: ray && /^[\w-]{1,64}$/.test(ray) ? ray : undefined,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Date.now() - started,
        format: c.get('format'),
        cache: c.res.headers.get('X-Cache') ?? undefined,
      }),
    );
  }
};

/** Rejects an over-long query string before any parsing (414). */
export const queryLengthLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const q = url.indexOf('?');
  const length = q < 0 ? 0 : url.length - q - 1;
  if (length > LIMITS.queryChars) {
    throw new ProblemError(
      'uri-too-long',
      `The query string is ${length} characters; the limit is ${LIMITS.queryChars}.`,
      { limit: LIMITS.queryChars },
    );
  }
  await next();
};

/** A request body must be JSON (415 otherwise), checked before the body is read. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('Content-Type');
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ProblemError(
      'unsupported-media-type',
      type
        ? `Content-Type "${type.slice(0, 100)}" is not supported; send the body as application/json.`
        : 'The request has no Content-Type; send the body as application/json.',
      { errors: [{ in: 'header', path: 'Content-Type', message: 'must be application/json' }] },
    );
  }
  await next();
};

/**
 * One behaviour for every path with a trailing slash, whatever the method: a 308 (method and body
 * kept) to the canonical path without it, query kept. The Location is built on this origin, so a
 * path such as `//evil.example/` cannot become a redirect to another host.
 */
export const canonicalPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path;
  if (path.length <= 1 || !path.endsWith('/')) return next();
  const url = new URL(c.req.url);
  const canonical = `/${path.replace(/^[/\\]+/, '').replace(/\/+$/, '')}`;
  return c.body(null, 308, { Location: `${url.origin}${canonical}${url.search}` });
};

/** What every route that takes a JSON body needs first: a JSON content type (415), then a size limit (413). */
export const jsonBody: MiddlewareHandler<AppEnv>[] = [
  requireJsonBody,
  bodyLimit({ maxSize: LIMITS.bodyBytes, onError: payloadTooLarge }),
];
