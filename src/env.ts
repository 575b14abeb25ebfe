/** Hono environment of the Worker: bindings from wrangler.toml and per-request variables. */
export type AppEnv = {
  Bindings: {
    /** Saved what-ifs (migrations/). */
    DB: D1Database;
    /** Creates and writes of saved what-ifs, per client. */
    SAVED_WRITES: RateLimit;
  };
  Variables: { requestId: string; format?: string };
};
