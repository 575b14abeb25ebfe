// Applies pending D1 migrations (migrations/) to the local database that `wrangler dev` uses, so
// that `npm install && npm run dev` works on a fresh machine with no other step. Wrangler asks for
// confirmation in a terminal; CI=true and a closed stdin make it take its default ("yes") instead
// of waiting for an answer that `npm run dev` would never show.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], {
  env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  stdio: ['ignore', 'inherit', 'inherit'],
  timeout: 120_000,
});
if (result.status !== 0) {
  console.error(
    `wrangler d1 migrations apply DB --local failed (${result.error ?? `status ${result.status}`})`,
  );
  process.exit(1);
}
