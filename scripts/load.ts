// Load test: starts the Worker with wrangler dev on a free loopback port, drives a bounded mix
// of catalogue, JSON, CSV and XLSX requests with autocannon, stops it, and prints throughput,
// latency percentiles and the count of errors and non-2xx/304 responses. Exits 1 if any failed.
// Run: npm run load [-- --seconds 30 --connections 32]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startDevServer } from './dev-server.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '30' }, connections: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const seed = 'anchorage-2025-08,donetsk-swap-2025-10,ceasefire-current-lines-2025-10';
const MIX = [
  '/health',
  '/v1/scenarios',
  '/v1/scenarios/donetsk-swap-2025-10',
  '/v1/sources',
  '/v1/baselines/2026-01-01',
  `/v1/compare?scenarios=${seed}`,
  `/v1/compare?scenarios=${seed}&baseline=2025-08-18`,
  `/v1/compare?scenarios=${seed}&format=csv`,
  `/v1/compare?scenarios=${seed}&format=xlsx`,
  '/v1/compare?scenarios=anchorage-2025-08,ceasefire-current-lines-2025-10&format=xlsx',
];

const server = await startDevServer({ quiet: true });
let failed = 0;
try {
  // Warm up every path once (and fill the edge cache for the XLSX).
  for (const path of MIX) {
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`warm-up ${path} answered ${response.status}`);
  }
  console.log(
    `load: ${MIX.length} paths in rotation, ${connections} connections, ${seconds} s, against ${server.url}`,
  );
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: MIX.map((path) => ({ method: 'GET', path })),
  });
  const statuses = Object.entries(result.statusCodeStats as Record<string, { count: number }>);
  const bad = statuses.filter(([code]) => !(/^2\d\d$/.test(code) || code === '304'));
  const badCount = bad.reduce((n, [, s]) => n + s.count, 0);
  failed = result.errors + result.timeouts + badCount;
  const table = [
    ['requests', String(result.requests.total)],
    ['throughput (req/s, mean)', result.requests.average.toFixed(1)],
    ['latency p50 (ms)', String(result.latency.p50)],
    ['latency p90 (ms)', String(result.latency.p90)],
    ['latency p99 (ms)', String(result.latency.p99)],
    ['latency max (ms)', String(result.latency.max)],
    ['status codes', statuses.map(([code, s]) => `${code}×${s.count}`).join(' ')],
    ['connection errors', String(result.errors)],
    ['timeouts', String(result.timeouts)],
    ['non-2xx/304 responses', String(badCount)],
  ];
  for (const [k, v] of table) console.log(`${(k ?? '').padEnd(26)} ${v}`);
} finally {
  await server.stop();
}
console.log(failed === 0 ? 'load: ok, no failed requests' : `load: FAILED, ${failed} failed requests`);
process.exit(failed === 0 ? 0 : 1);
