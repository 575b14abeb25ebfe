import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { LIMITS } from './limits.ts';
import { ProblemError } from './problem.ts';

/** Gives every request an id (Cloudflare's ray id when present) and logs one JSON line when it ends. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = Date.now();
  const incoming = c.req.header('cf-ray');
  c.set('requestId', incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID());
  try {
    await next();
  } finally {
    c.header('X-Request-Id', c.get('requestId'));
    console.log(
      JSON.stringify({
        level: 'info',
        requestId: c.get('requestId'),
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
