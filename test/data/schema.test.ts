import { describe, expect, it } from 'vitest';
import baselineSchema from '../../scenarios/schema/baseline.schema.json';
import scenarioSchema from '../../scenarios/schema/scenario.schema.json';
import { dataFileJsonSchemas } from '../../src/domain/json-schema.ts';

describe('the committed JSON Schemas for editors', () => {
  it('match what the zod schemas generate (run `npm run schema` when this fails)', () => {
    const generated = dataFileJsonSchemas();
    expect(scenarioSchema).toEqual(generated['scenario.schema.json']);
    expect(baselineSchema).toEqual(generated['baseline.schema.json']);
  });
});
