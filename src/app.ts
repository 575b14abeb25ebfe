import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { methodNotAllowed as methodNotAllowedMiddleware } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { catalogueCaching } from './caching.ts';
import { catalog } from './catalog.ts';
import type { AppEnv } from './env.ts';
import { LIMITS } from './limits.ts';
import { canonicalPath, queryLengthLimit, requestContext } from './middleware.ts';
import { renderDocsPage } from './pages/docs.tsx';
import { isPageRequest, renderPageError } from './pages/error-page.tsx';
import { handleError, methodNotAllowed, notFound, problemResponses } from './problem.ts';
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

/**
 * CORS, decided: a public API that uses no cookies or other ambient credentials, so any origin may
 * read it, POST JSON to it (a newsroom page comparing its own what-if) and revise a saved what-if
 * with its bearer token (a token is never sent by the browser on its own). Only the request headers
 * the API reads are allowed (never an echo of what a preflight asks for), and credentials never.
 */
export const CORS_POLICY = {
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'Content-Type',
    'Accept',
    'If-None-Match',
    'If-Match',
    'Cache-Control',
    'Pragma',
    'Authorization',
    'Idempotency-Key',
    'X-D1-Bookmark',
  ],
  exposeHeaders: [
    'ETag',
    'Content-Disposition',
    'X-Request-Id',
    'X-Cache',
    'Location',
    'X-D1-Bookmark',
    'Idempotent-Replayed',
    'Retry-After',
  ],
  credentials: false,
  maxAge: 86400,
};

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

/** Builds the Worker's Hono app: middleware, routes, documentation and the one error path. */
export function createApp(): OpenAPIHono<AppEnv> {
  const app = createRouter();

  app.use('*', requestContext);
  app.use('*', canonicalPath);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', cors(CORS_POLICY));
  app.use('*', queryLengthLimit);
  // A known path with a wrong method is a 405 before anything reads the body (routes that take a
  // body check it themselves, in their route middleware).
  app.use('*', methodNotAllowedMiddleware({ app, onMethodNotAllowed: methodNotAllowed }));
  app.use('/health', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  const cached = catalogueCaching(catalog.version);

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
      middleware: cached,
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
      middleware: cached,
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

  app.notFound(notFound);
  // Errors raised before a page's own handler (a query string over the limit, 414) are pages too.
  app.onError((error, c) => (isPageRequest(c) ? renderPageError(error, c) : handleError(error, c)));

  return app;
}
