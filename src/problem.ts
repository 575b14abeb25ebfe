// The one place errors become responses: the problem type table, the error class, validation
// failures (zod-openapi's defaultHook), Hono's own HTTP exceptions, unknown paths, wrong methods and
// unexpected errors. Routes throw ProblemError; nothing else builds an error body (pages have their
// own HTML error page, src/pages/error-page.tsx).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { LIMITS } from './limits.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The kinds of problem the service reports; each has a section on the /docs page. */
export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'Bad request' },
  validation: { status: 422, title: 'Invalid input' },
  'not-found': { status: 404, title: 'Not found' },
  'unknown-id': { status: 404, title: 'Unknown id' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'uri-too-long': { status: 414, title: 'URI too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'revision-limit': { status: 409, title: 'Revision limit reached' },
  gone: { status: 410, title: 'Gone' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'precondition-required': { status: 428, title: 'Precondition required' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const FieldErrorSchema = z
  .object({
    in: z.enum(['query', 'path', 'header', 'body']).describe('Where the field is.'),
    path: z
      .string()
      .describe('The field, e.g. "scenarios[0].territory[1].russianShare.low"; empty for the whole part.'),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z
  .object({
    type: z
      .string()
      .describe('A URI reference naming the kind of problem; it resolves to its description on /docs.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe('The request path.'),
    requestId: z.string().optional(),
    errors: z
      .array(FieldErrorSchema)
      .optional()
      .describe(`For invalid input: the failing fields, at most ${LIMITS.problemErrors} (see errorCount).`),
    errorCount: z
      .number()
      .int()
      .optional()
      .describe('How many fields failed, when errors lists only the first.'),
    validIds: z.array(z.string()).optional().describe('For an unknown id: the ids that exist.'),
    allow: z.array(z.string()).optional().describe('For a wrong method: the methods the path accepts.'),
    limit: z.number().optional().describe('For a limit that was exceeded: the limit.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem details object (application/problem+json).' });
export type Problem = z.infer<typeof ProblemSchema>;

type ProblemExtras = Pick<Problem, 'errors' | 'validIds' | 'allow' | 'limit'>;

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The one error type of the service: becomes an RFC 9457 problem+json response. */
export class ProblemError extends HTTPException {
  readonly problemType: ProblemType;
  readonly extras: ProblemExtras;
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    detail: string,
    extras: ProblemExtras = {},
    headers: Record<string, string> = {},
  ) {
    super(PROBLEM_TYPES[type].status, { message: detail });
    this.problemType = type;
    this.extras = extras;
    this.headers = headers;
  }
}

/** Formats a zod issue path as `a[0].b`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

type ZodIssueLike = { code: string; path: PropertyKey[]; message: string; errors?: ZodIssueLike[][] };

/**
 * Flattens an issue into located messages. A union that failed in exactly one branch below its
 * own level (e.g. an inline scenario object, not a scenario id) reports that branch's issues, so
 * the path points at the field at fault rather than at the union.
 */
function located(issue: ZodIssueLike, prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors) {
    const deeper = issue.errors.filter((branch) =>
      branch.some((e) => e.path.length > 0 || e.code === 'invalid_union'),
    );
    if (deeper.length === 1) return (deeper[0] ?? []).flatMap((e) => located(e, path));
  }
  return [{ path, message: issue.message }];
}

/** Turns zod issues into field errors, one per failing field. */
export function fieldErrors(
  where: FieldError['in'],
  error: z.ZodError,
  prefix: PropertyKey[] = [],
): FieldError[] {
  return error.issues.flatMap((issue) =>
    located(issue as ZodIssueLike, prefix).map((l) => ({
      in: where,
      path: formatPath(l.path),
      message: l.message,
    })),
  );
}

/**
 * Builds the problem+json response for a ProblemError. The body is bounded whatever the input:
 * at most LIMITS.problemErrors field errors (with `errorCount`), a detail of at most
 * LIMITS.problemDetailChars characters and at most LIMITS.problemValidIds valid ids, so a hostile
 * request cannot make the isolate build a body of megabytes.
 */
export function problemResponse(c: Context, error: ProblemError): Response {
  const { status, title } = PROBLEM_TYPES[error.problemType];
  const { errors, validIds, ...extras } = error.extras;
  const body: Problem = {
    type: `/docs#problem-${error.problemType}`,
    title,
    status,
    detail: cut(error.message, LIMITS.problemDetailChars),
    instance: cut(c.req.path, 300),
    ...(c.get('requestId') !== undefined && { requestId: c.get('requestId') }),
    ...extras,
    ...(errors && {
      errors: errors
        .slice(0, LIMITS.problemErrors)
        .map((e) => ({ ...e, path: cut(e.path, 300), message: cut(e.message, 300) })),
    }),
    ...(errors && errors.length > LIMITS.problemErrors && { errorCount: errors.length }),
    ...(validIds && { validIds: validIds.slice(0, LIMITS.problemValidIds) }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}

/** OpenAPI response entries for the given problem types (plus 414 and 500, which any route can give). */
export function problemResponses(...types: ProblemType[]) {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: typeof ProblemSchema }> }
  > = {};
  for (const type of new Set<ProblemType>([...types, 'uri-too-long', 'internal'])) {
    const { status, title } = PROBLEM_TYPES[type];
    const previous = out[status]?.description;
    out[status] = {
      description: previous ? `${previous}; ${title.toLowerCase()}` : title,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return out;
}

/** Logs an unexpected error for operators (one JSON line with the cause and stack); never sent to the client. */
export function logUnexpectedError(c: Context, error: unknown): void {
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
  );
}

const TARGETS: Record<string, FieldError['in']> = {
  query: 'query',
  param: 'path',
  header: 'header',
  json: 'body',
};

/** "Invalid field: x." or "Invalid fields: x, y.": the detail of a validation problem. */
export function invalidFieldsDetail(errors: readonly Pick<FieldError, 'in' | 'path'>[]): string {
  const fields = [...new Set(errors.map((e) => (e.path === '' ? e.in : `${e.in} ${e.path}`)))];
  const shown = fields.slice(0, 10);
  const more = fields.length > shown.length ? ` and ${fields.length - shown.length} more` : '';
  return `Invalid ${fields.length === 1 ? 'field' : 'fields'}: ${shown.join(', ')}${more}.`;
}

/** zod-openapi's defaultHook: a request part that fails its schema is a problem naming every field. */
export function validationHook(
  result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }),
): void {
  if (result.success) return;
  const where = TARGETS[result.target] ?? 'body';
  const errors = fieldErrors(where, result.error);
  throw new ProblemError(where === 'body' ? 'validation' : 'bad-request', invalidFieldsDetail(errors), {
    errors,
  });
}

/** An unknown id: a 404 naming the kind, the id and (when given) the field, with the ids that exist. */
export function unknownIdProblem(
  kind: string,
  ids: readonly string[],
  validIds: readonly string[],
  field?: Pick<FieldError, 'in' | 'path'>,
): ProblemError {
  const named = ids.map((id) => `"${id}"`).join(', ');
  return new ProblemError('unknown-id', `No ${kind} with id ${named}. Valid ids: ${validIds.join(', ')}.`, {
    validIds: [...validIds],
    ...(field && { errors: [{ ...field, message: `unknown ${kind} id ${named}` }] }),
  });
}

const PROBLEM_BY_STATUS = new Map<number, ProblemType>(
  (Object.entries(PROBLEM_TYPES) as [ProblemType, { status: number }][])
    // Several types share 404 and 422; Hono raises only the generic ones (not-found, bad-request).
    .filter(([type]) => type !== 'unknown-id' && type !== 'validation')
    .map(([type, { status }]) => [status, type]),
);

/** Maps an error raised by Hono or its middleware (not our own) to a problem. */
function problemFromHttpException(error: HTTPException): ProblemError {
  // Hono's JSON validator is the one place that raises a 400 of its own: a body that is not JSON.
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

/** The 413 problem for a body over the limit: bodyLimit's onError. */
export const payloadTooLarge = (c: Context): Response =>
  problemResponse(
    c,
    new ProblemError('payload-too-large', `The request body is larger than ${LIMITS.bodyBytes} bytes.`, {
      limit: LIMITS.bodyBytes,
    }),
  );

/** The 405 problem for a known path and a wrong method: method-not-allowed's handler. */
export const methodNotAllowed = (c: Context, methods: readonly string[]): Response => {
  const allow = [...methods].sort();
  return problemResponse(
    c,
    new ProblemError(
      'method-not-allowed',
      `${c.req.method} is not allowed on ${c.req.path.slice(0, 200)}. Allowed: ${allow.join(', ')}.`,
      { allow },
      { Allow: allow.join(', ') },
    ),
  );
};

/** The app's notFound: no route at this path, with any method. */
export const notFound = (c: Context): Response =>
  problemResponse(
    c,
    new ProblemError('not-found', `No resource at ${c.req.path.slice(0, 200)}. See /docs for the API.`),
  );

/** The app's onError: our problems as they are, Hono's mapped, anything else a logged generic 500. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ProblemError) return problemResponse(c, error);
  if (error instanceof HTTPException) return problemResponse(c, problemFromHttpException(error));
  // Logged for operators, never echoed to the client.
  logUnexpectedError(c, error);
  return problemResponse(
    c,
    new ProblemError(
      'internal',
      `An unexpected error occurred. Quote request id ${c.get('requestId') ?? 'unknown'} when reporting it.`,
    ),
  );
}
