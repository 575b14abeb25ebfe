import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

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
    errors: z.array(FieldErrorSchema).optional().describe('For invalid input: every failing field.'),
    validIds: z.array(z.string()).optional().describe('For an unknown id: the ids that exist.'),
    allow: z.array(z.string()).optional().describe('For a wrong method: the methods the path accepts.'),
    limit: z.number().optional().describe('For a limit that was exceeded: the limit.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem details object (application/problem+json).' });
export type Problem = z.infer<typeof ProblemSchema>;

type ProblemExtras = Pick<Problem, 'errors' | 'validIds' | 'allow' | 'limit'>;

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

/** Builds the problem+json response for a ProblemError. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const { status, title } = PROBLEM_TYPES[error.problemType];
  const body: Problem = {
    type: `/docs#problem-${error.problemType}`,
    title,
    status,
    detail: error.message,
    instance: c.req.path,
    ...(c.get('requestId') !== undefined && { requestId: c.get('requestId') }),
    ...error.extras,
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
