import { z } from '@hono/zod-openapi';
import { IsoDateSchema } from '../domain/primitives.ts';
import { FORMATS } from '../formats/media-types.ts';

/** `baseline`: a snapshot date, validated alike on every route (malformed: 400; unknown: 404). */
export const BaselineQuerySchema = IsoDateSchema.optional().openapi({
  param: { description: 'Baseline snapshot date (see /v1/baselines); defaults to the latest.' },
  example: '2026-01-01',
});

/** `format`: a format name; unknown names are a 406 from content negotiation, not a 400. */
export const FormatQuerySchema = z
  .string()
  .max(40)
  .optional()
  .openapi({
    param: {
      description: `One of ${FORMATS.join(', ')}. Without it, the Accept header chooses (JSON by default).`,
    },
    example: 'json',
  });
