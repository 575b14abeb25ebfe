import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { catalog } from './catalog.ts';
import type { AppEnv } from './env.ts';
import { renderDocsPage } from './pages/docs.tsx';
import { ProblemError, problemResponse, problemResponses } from './problem.ts';
import { createRouter } from './router.ts';
import { compare } from './routes/compare.ts';
import { health } from './routes/health.ts';
import { reference } from './routes/reference.ts';
import { scenarios } from './routes/scenarios.ts';

export const API_TITLE = 'Negotiation scenarios API';

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

/** Builds the Worker's Hono app: middleware, routes, documentation and the one error path. */
export function createApp(): OpenAPIHono<AppEnv> {
  const app = createRouter();

  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID());
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  });

  app.route('/', health);
  app.route('/v1', scenarios);
  app.route('/v1', reference);
  app.route('/v1', compare);

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: `1.0.0+data.${catalog.version}`,
      description:
        'Publicly reported negotiation positions for ending the Russia–Ukraine war, as structured, sourced scenarios, compared side by side. Every figure, term and quote carries source ids that resolve under /v1/sources. Errors are RFC 9457 problem+json.',
    },
    tags: [
      { name: 'Catalogue', description: 'The scenarios.' },
      { name: 'Comparison', description: 'Scenarios side by side, as JSON, CSV or XLSX.' },
      { name: 'Reference data', description: 'Regions, baselines, parties, issues and sources.' },
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
        ...problemResponses('internal'),
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
        ...problemResponses('internal'),
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
    const response = problemResponse(c, problem);
    response.headers.set('X-Request-Id', c.get('requestId'));
    return response;
  });

  app.onError((error, c) => {
    const problem =
      error instanceof ProblemError
        ? error
        : new ProblemError(
            'internal',
            `An unexpected error occurred. Quote request id ${c.get('requestId') ?? 'unknown'} when reporting it.`,
          );
    if (!(error instanceof ProblemError)) {
      console.error(
        JSON.stringify({
          level: 'error',
          requestId: c.get('requestId'),
          path: c.req.path,
          error: String(error),
          stack: error instanceof Error ? error.stack : undefined,
        }),
      );
    }
    const response = problemResponse(c, problem);
    response.headers.set('X-Request-Id', c.get('requestId') ?? '');
    return response;
  });

  return app;
}
