/** Hono environment of the Worker: bindings from wrangler.toml and per-request variables. */
export type AppEnv = {
  Bindings: Record<string, never>;
  Variables: { requestId: string; format?: string };
};
