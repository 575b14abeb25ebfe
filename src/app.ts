import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { catalogueCaching } from './caching.ts';
import { catalog } from './catalog.ts';
import type { AppEnv } from './env.ts';
import { LIMITS } from './limits.ts';
import { queryLengthLimit, requestContext, requireJsonBody } from './middleware.ts';
import { renderDocsPage } from './pages/docs.tsx';
import {
  logUnexpectedError,
  PROBLEM_TYPES,
  ProblemError,
  type ProblemType,
  problemResponse,
  problemResponses,
} from './problem.ts';
import { createRouter } from './router.ts';
import { compare } from './routes/compare.ts';
import { health } from './routes/health.ts';
import { pages } from './routes/pages.tsx';
import { reference } from './routes/reference.ts';
import { savedScenarios } from './routes/saved-scenarios.ts';
import { scenarios } from './routes/scenarios.ts';
import { timeline } from './routes/timeline.ts';
import { whatIfPages } from './routes/what-if-pages.tsx';

export const API_TITLE = 'Negotiation scenarios API';

/** Content Security Policy: everything from this Worker, nothing from outside hosts. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Turns registered routes into matchers, so that a known path with the wrong method is a 405. */
function methodsByPath(app: OpenAPIHono<AppEnv>): (path: string) => string[] {
  const patterns = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+');
    const entry = patterns.get(route.path) ?? {
      pattern: new RegExp(`^${source}/?$`),
      methods: new Set<string>(),
    };
    entry.methods.add(route.method);
    if (route.method === 'GET') entry.methods.add('HEAD');
    patterns.set(route.path, entry);
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, methods: allowed } of patterns.values()) {
      if (pattern.test(path)) for (const m of allowed) methods.add(m);
    }
    return [...methods].sort();
  };
}

const PROBLEM_BY_STATUS = new Map<number, ProblemType>(
  (Object.entries(PROBLEM_TYPES) as [ProblemType, { status: number }][])
    .filter(([type]) => type !== 'unknown-id' && type !== 'validation')
    .map(([type, { status }]) => [status, type]),
);

/** Maps an error raised by Hono or its middleware (not our own) to a problem. */
function problemFromHttpException(error: HTTPException): ProblemError {
  if (error.status === 413) {
    return new ProblemError(
      'payload-too-large',
      `The request body is larger than ${LIMITS.bodyBytes} bytes.`,
      {
        limit: LIMITS.bodyBytes,
      },
    );
  }
  if (error.status === 400 && /json/i.test(error.message)) {
    return new ProblemError('bad-request', 'The request body is not valid JSON.', {
      errors: [{ in: 'body', path: '', message: 'malformed JSON' }],
    });
  }
  const type = PROBLEM_BY_STATUS.get(error.status) ?? (error.status < 500 ? 'bad-request' : 'internal');
  return new ProblemError(
    type,
    type === 'internal' ? 'An unexpected error occurred.' : PROBLEM_TYPES[type].title,
  );
}

/** Builds the Worker's Hono app: middleware, routes, documentation and the one error path. */
export function createApp(): OpenAPIHono<AppEnv> {
  const app = createRouter();

  app.use('*', requestContext);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Content-Disposition', 'X-Request-Id', 'X-Cache', 'Location', 'X-D1-Bookmark'],
      maxAge: 86400,
    }),
  );
  app.use('*', queryLengthLimit);
  app.on('POST', '/v1/*', requireJsonBody, bodyLimit({ maxSize: LIMITS.bodyBytes }));
  app.use('/health', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  const cacheByVersion = catalogueCaching(catalog.version);
  for (const path of [
    '/v1/scenarios',
    '/v1/scenarios/*',
    '/v1/regions',
    '/v1/baselines',
    '/v1/baselines/*',
    '/v1/parties',
    '/v1/issues',
    '/v1/sources',
    '/v1/changelog',
    '/openapi.json',
    '/docs',
  ]) {
    app.use(path, cacheByVersion);
  }

  app.route('/', health);
  app.route('/v1', scenarios);
  app.route('/v1', reference);
  app.route('/v1', compare);
  app.route('/v1', timeline);
  app.route('/v1', savedScenarios);
  app.route('/', whatIfPages);
  app.route('/', pages);

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: `1.0.0+data.${catalog.version}`,
      description: `Publicly reported negotiation positions for ending the Russia–Ukraine war, as structured, sourced scenarios, compared side by side. Every figure, term and quote carries source ids that resolve under /v1/sources. Errors are RFC 9457 problem+json. Limits: request body ${LIMITS.bodyBytes} bytes (413), query string ${LIMITS.queryChars} characters (414), ${LIMITS.scenariosPerComparison} scenarios per comparison, ${LIMITS.inlineScenarios} inline scenarios and ${LIMITS.inlineSources} inline sources per request (422); text fields and lists have the maximum lengths given in the schemas.`,
    },
    tags: [
      { name: 'Catalogue', description: 'The scenarios.' },
      { name: 'Comparison', description: 'Scenarios side by side, as JSON, CSV or XLSX.' },
      { name: 'Reference data', description: 'Regions, baselines, parties, issues and sources.' },
      {
        name: 'Saved what-ifs',
        description: 'Your own scenarios, stored, revised, shared by link and compared as saved:<id>.',
      },
      { name: 'Service', description: 'Health and documentation.' },
    ],
  };
  let openApiDocument: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  let docsPage: string | undefined;
  const getDocument = () => {
    openApiDocument ??= app.getOpenAPI31Document(openApiConfig);
    return openApiDocument;
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/openapi.json',
      tags: ['Service'],
      summary: 'This OpenAPI 3.1 document',
      responses: {
        200: {
          description: 'The OpenAPI document.',
          content: { 'application/json': { schema: z.looseObject({}) } },
        },
        ...problemResponses('uri-too-long', 'internal'),
      },
    }),
    (c) => c.json(getDocument(), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs',
      tags: ['Service'],
      summary: 'Human-readable API reference (HTML, no outside assets)',
      responses: {
        200: { description: 'The reference page.', content: { 'text/html': { schema: z.string() } } },
        ...problemResponses('uri-too-long', 'internal'),
      },
    }),
    (c) => {
      docsPage ??= renderDocsPage(getDocument());
      return c.html(docsPage, 200);
    },
  );

  const allowedMethods = methodsByPath(app);
  app.notFound((c) => {
    const allow = allowedMethods(c.req.path);
    const problem =
      allow.length > 0
        ? new ProblemError(
            'method-not-allowed',
            `${c.req.method} is not allowed on ${c.req.path}. Allowed: ${allow.join(', ')}.`,
            { allow },
            { Allow: allow.join(', ') },
          )
        : new ProblemError('not-found', `No resource at ${c.req.path}. See /docs for the API.`);
    return problemResponse(c, problem);
  });

  app.onError((error, c) => {
    let problem: ProblemError;
    if (error instanceof ProblemError) problem = error;
    else if (error instanceof HTTPException) problem = problemFromHttpException(error);
    else {
      problem = new ProblemError(
        'internal',
        `An unexpected error occurred. Quote request id ${c.get('requestId') ?? 'unknown'} when reporting it.`,
      );
      // Logged for operators, never echoed to the client.
      logUnexpectedError(c, error);
    }
    return problemResponse(c, problem);
  });

  return app;
}
