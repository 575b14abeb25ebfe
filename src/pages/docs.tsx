import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { PROBLEM_TYPES, type ProblemType } from '../problem.ts';
import { PAGE_STYLE } from './style.ts';

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

const PROBLEM_HELP: Record<ProblemType, string> = {
  'bad-request': 'A query or path parameter is malformed. `errors` lists every failing field.',
  validation:
    'The request body parsed but does not satisfy the schema. `errors` lists every failing field by JSON path.',
  'not-found': 'No resource at this path.',
  'unknown-id': 'A scenario id or baseline date does not exist. `validIds` lists the ones that do.',
  'method-not-allowed':
    'The path exists but not for this method. `allow` (and the Allow header) list the methods it accepts.',
  'not-acceptable':
    'Neither the `format` parameter nor the Accept header names a format the service can produce.',
  'payload-too-large': 'The request body is larger than the limit given in `limit` (bytes).',
  'uri-too-long': 'The query string is longer than the limit given in `limit` (characters).',
  'unsupported-media-type': 'A request body must be sent as application/json.',
  unauthorized:
    'Changing a saved scenario needs its edit token as `Authorization: Bearer <editToken>` (see the WWW-Authenticate header).',
  forbidden: 'The edit token does not belong to this saved scenario.',
  'revision-limit':
    'The saved scenario has as many revisions as it may keep (`limit`); save a new one instead.',
  gone: 'The saved scenario was deleted: its content and revisions are purged, and the id is never reused.',
  'precondition-failed':
    'If-Match names a revision that is no longer the latest: someone else changed the saved scenario. The ETag header carries the current one; read it, merge, and retry.',
  'precondition-required':
    'Changing a saved scenario needs If-Match with the ETag of the revision you read, so that two writers never overwrite each other.',
  'too-many-requests':
    'Too many creates or writes from this client; wait the number of seconds in Retry-After (`limit` is the allowance per minute).',
  internal:
    'Something failed on our side. The response carries a request id; nothing about the cause is exposed.',
};

const schemaName = (schema: unknown): string => {
  if (schema && typeof schema === 'object' && '$ref' in schema && typeof schema.$ref === 'string') {
    return schema.$ref.replace('#/components/schemas/', '');
  }
  if (schema && typeof schema === 'object' && 'type' in schema) return String(schema.type);
  return 'object';
};

const Operation: FC<{ method: string; path: string; op: OpenApiOperation }> = ({ method, path, op }) => (
  <section class="op" id={`${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`}>
    <h3>
      <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
    </h3>
    {op.summary && <p class="summary">{op.summary}</p>}
    {op.description && <p>{op.description}</p>}
    {op.parameters && op.parameters.length > 0 && (
      <table>
        <caption>Parameters</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">In</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {op.parameters.map((p) => (
            <tr>
              <td>
                <code>{p.name}</code>
              </td>
              <td>{p.in}</td>
              <td>{p.required ? 'yes' : 'no'}</td>
              <td>{p.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    {op.requestBody?.content && (
      <p>
        Request body:{' '}
        {Object.entries(op.requestBody.content).map(([type, media]) => (
          <span>
            <code>{type}</code> ({schemaName((media as { schema?: unknown }).schema)}){' '}
          </span>
        ))}
      </p>
    )}
    <table>
      <caption>Responses</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Meaning</th>
          <th scope="col">Content</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(op.responses ?? {}).map(([status, response]) => (
          <tr>
            <td>{status}</td>
            <td>{response.description ?? ''}</td>
            <td>
              {Object.entries(response.content ?? {}).map(([type, media]) => (
                <div>
                  <code>{type}</code> {schemaName((media as { schema?: unknown }).schema)}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

/** Renders the API reference as one self-contained HTML page (no outside assets) from the OpenAPI document. */
export function renderDocsPage(document: unknown): string {
  const doc = document as OpenApiDocument;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title} — reference</title>
        <style>{raw(PAGE_STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>{doc.info.title}</h1>
          <p class="version">Version {doc.info.version}</p>
          <p>{doc.info.description}</p>
          <p>
            Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
          </p>
          <nav aria-label="Operations">
            <ul>
              {operations.map(({ path, method, op }) => (
                <li>
                  <a href={`#${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`}>
                    {method.toUpperCase()} {path}
                  </a>{' '}
                  — {op.summary ?? ''}
                </li>
              ))}
            </ul>
          </nav>
          <h2>Operations</h2>
          {operations.map(({ path, method, op }) => (
            <Operation method={method} path={path} op={op} />
          ))}
          <h2 id="problems">Errors</h2>
          <p>
            Every error is an RFC 9457 <code>application/problem+json</code> object with <code>type</code>,{' '}
            <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code> and{' '}
            <code>requestId</code>. Its <code>type</code> links to one of these sections.
          </p>
          {(Object.keys(PROBLEM_TYPES) as ProblemType[]).map((type) => (
            <section id={`problem-${type}`}>
              <h3>
                {PROBLEM_TYPES[type].status} {PROBLEM_TYPES[type].title} <code>/docs#problem-{type}</code>
              </h3>
              <p>{PROBLEM_HELP[type]}</p>
            </section>
          ))}
          <h2 id="schemas">Schemas</h2>
          {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
            <details id={`schema-${name}`}>
              <summary>{name}</summary>
              <pre>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          ))}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
