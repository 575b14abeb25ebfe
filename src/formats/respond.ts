import type { Comparison } from '../domain/comparison.ts';
import type { Timeline } from '../domain/timeline.ts';
import { comparisonToCsv, timelineToCsv } from './csv.ts';
import { CONTENT_TYPES, type Format } from './negotiate.ts';
import { comparisonToXlsx } from './xlsx.ts';

export const GENERATOR = 'negotiation-scenarios API v1';

/** A file name for a comparison: comparison-<ids joined by -vs->-<baseline>.<ext>, kept short. */
export function comparisonFileName(
  scenarioIds: readonly string[],
  baselineId: string,
  format: Format,
): string {
  const shown =
    scenarioIds.length > 4 ? [...scenarioIds.slice(0, 3), `and-${scenarioIds.length - 3}-more`] : scenarioIds;
  const stem = `comparison-${shown.join('-vs-')}-${baselineId}`.replace(/[^a-z0-9.-]+/gi, '-').slice(0, 180);
  return `${stem}.${format}`;
}

/** Renders a comparison in the chosen format as a response body with its headers. */
export async function renderComparison(
  comparison: Comparison,
  format: Format,
  options: { fileName: string; requestPath: string },
): Promise<{ body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[format] };
  if (format !== 'json') headers['Content-Disposition'] = `attachment; filename="${options.fileName}"`;
  switch (format) {
    case 'json':
      return { body: JSON.stringify(comparison), headers };
    case 'csv':
      return { body: comparisonToCsv(comparison), headers };
    case 'xlsx':
      return {
        body: await comparisonToXlsx(comparison, { generator: GENERATOR, requestPath: options.requestPath }),
        headers,
      };
  }
}

/** Renders a party's timeline: JSON and CSV of the timeline; XLSX = its positions compared, plus a Changes sheet. */
export async function renderTimeline(
  timeline: Timeline,
  comparison: () => Comparison,
  format: Format,
  options: { fileName: string; requestPath: string },
): Promise<{ body: string | Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[format] };
  if (format !== 'json') headers['Content-Disposition'] = `attachment; filename="${options.fileName}"`;
  switch (format) {
    case 'json':
      return { body: JSON.stringify(timeline), headers };
    case 'csv':
      return { body: timelineToCsv(timeline), headers };
    case 'xlsx':
      return {
        body: await comparisonToXlsx(comparison(), {
          generator: GENERATOR,
          requestPath: options.requestPath,
          timeline,
        }),
        headers,
      };
  }
}
