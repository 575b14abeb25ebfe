// Writes the JSON Schemas that editors use to validate scenarios/*.json, from the zod schemas.
// Run with `npm run schema`; test/data/schema.test.ts fails when the committed files are stale.
import { writeFileSync } from 'node:fs';
import { dataFileJsonSchemas } from '../src/domain/json-schema.ts';

for (const [file, schema] of Object.entries(dataFileJsonSchemas())) {
  const path = new URL(`../scenarios/schema/${file}`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote scenarios/schema/${file}`);
}
