// The benchmark's report: machine, versions, and one Markdown table.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface Row {
  measure: string;
  samples?: number | string;
  median?: string;
  p99?: string;
  ratio?: string;
  budget?: string;
  result?: 'PASS' | 'FAIL' | string;
}

const HEADERS = ['measure', 'samples', 'median', 'p99', '× /health median', 'budget', 'result'];

const cell = (value: string | number | undefined) => String(value ?? '').replaceAll('|', '\\|');

/** One Markdown table, columns padded so it also reads well in a terminal. */
export function renderTable(rows: readonly Row[]): string {
  const lines = rows.map((r) =>
    [r.measure, r.samples, r.median, r.p99, r.ratio, r.budget, r.result].map(cell),
  );
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [format(HEADERS), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

export function machineLine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${gib} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
}

function packageVersion(root: string, name: string): string {
  try {
    const json = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return json.version ?? '?';
  } catch {
    return 'not installed';
  }
}

export function versionsLine(root: string): string {
  const workerd = spawnSync('npx', ['workerd', '--version'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const workerdVersion =
    workerd.status === 0 ? workerd.stdout.trim() : `unknown (npx workerd --version: ${workerd.status})`;
  return [
    `node ${process.version}`,
    `wrangler ${packageVersion(root, 'wrangler')}`,
    `miniflare ${packageVersion(root, 'miniflare')}`,
    `${workerdVersion} (npm workerd ${packageVersion(root, 'workerd')})`,
    `exceljs ${packageVersion(root, 'exceljs')}`,
    `hono ${packageVersion(root, 'hono')}`,
    `zod ${packageVersion(root, 'zod')}`,
  ].join(', ');
}

export const fmtMs = (ms: number) => `${ms.toFixed(2)} ms`;
export const fmtUs = (us: number) => `${us.toFixed(1)} µs`;
export const fmtRatio = (r: number) => `${r.toFixed(2)}×`;
export const fmtPercent = (r: number) => `${(r * 100).toFixed(1)} %`;
export const fmtKiB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
