import { z } from 'zod';
import { BaselineSchema } from './reference.ts';
import { ScenarioFileSchema } from './scenario.ts';

/** JSON Schemas for the data files, generated from the zod schemas (committed under scenarios/schema/). */
export function dataFileJsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
    title,
  });
  return {
    'scenario.schema.json': generate(ScenarioFileSchema, 'Negotiation scenario (scenarios/<id>.json)'),
    'baseline.schema.json': generate(
      BaselineSchema,
      'Control baseline (scenarios/reference/baselines/<date>.json)',
    ),
  };
}
