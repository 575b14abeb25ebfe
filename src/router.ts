import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { type FieldError, fieldErrors, ProblemError } from './problem.ts';

const TARGETS: Record<string, FieldError['in']> = {
  query: 'query',
  param: 'path',
  header: 'header',
  json: 'body',
};

/** A sub-app whose request validation failures become problem+json responses naming every field. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const where = TARGETS[result.target] ?? 'body';
      const errors = fieldErrors(where, result.error);
      const fields = [...new Set(errors.map((e) => (e.path === '' ? where : `${where} ${e.path}`)))];
      throw new ProblemError(
        where === 'body' ? 'validation' : 'bad-request',
        `Invalid ${fields.length === 1 ? 'field' : 'fields'}: ${fields.join(', ')}.`,
        { errors },
      );
    },
  });
}
