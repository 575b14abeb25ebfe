/**
 * Hono environment of the Worker: the bindings of wrangler.toml (the `Env` that `wrangler types`
 * generates in worker-configuration.d.ts; `npm run typecheck` fails when it is stale) and the
 * per-request variables.
 */
export type AppEnv = {
  Bindings: Env;
  Variables: { requestId: string; format?: string };
};
