// Validates the served /openapi.json against the OpenAPI 3.1 specification (schema and
// semantics, with @readme/openapi-parser), from a local wrangler dev. Run: npm run check:openapi
import { compileErrors, validate } from '@readme/openapi-parser';
import { startDevServer } from './dev-server.ts';

const server = await startDevServer({ quiet: true });
let ok = false;
try {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Parameters<
    typeof validate
  >[0];
  const result = await validate(document);
  ok = result.valid;
  const paths = Object.keys((document as { paths?: object }).paths ?? {}).length;
  console.log(
    ok
      ? `openapi: valid OpenAPI ${(document as { openapi: string }).openapi}, ${paths} paths`
      : compileErrors(result),
  );
  if (result.warnings.length > 0) console.log(`openapi: ${result.warnings.length} warnings`);
} finally {
  await server.stop();
}
process.exit(ok ? 0 : 1);
