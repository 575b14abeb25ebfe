// The comparison (or a party's timeline) as an XLSX workbook, written with exceljs. Everything
// that bends exceljs for the Worker is in this folder; README.md says what and why.
import type { Worksheet } from 'exceljs';
import type { Comparison } from '../../domain/comparison.ts';
import type { ChangelogEntry } from '../../domain/reference.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { SHEETS, workbookLayout } from './layout.ts';
import { addAboutSheet } from './sheets/about.ts';
import { addBaselineSheet } from './sheets/baseline.ts';
import { addChangesSheet } from './sheets/changes.ts';
import { addIssuesSheet } from './sheets/issues.ts';
import { addPairwiseSheet } from './sheets/pairwise.ts';
import { addSourcesSheet } from './sheets/sources.ts';
import { addStancesSheet } from './sheets/stances.ts';
import { addSummarySheet } from './sheets/summary.ts';
import { addTerritorySheet } from './sheets/territory.ts';
import { text } from './table.ts';
import { workbookToXlsx } from './workbook-file.ts';

/** Who made the workbook, for its properties and About sheet. */
export interface WorkbookContext {
  generator: string;
  /** The API path the comparison can be fetched from again, for the citation. */
  requestPath?: string;
  /** For a party's timeline: adds a Changes sheet listing what changed between its positions. */
  timeline?: Timeline;
  /** The dataset's own changelog, listed on the About sheet beside the scenarios' corrections. */
  changelog?: readonly ChangelogEntry[];
}

/**
 * Writes the comparison as an XLSX workbook. Territory km², change and total cells are live
 * formulas over the Baseline sheet and the scenario share cells, each with its cached result.
 */
export async function comparisonToXlsx(
  comparison: Comparison,
  context: WorkbookContext,
): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs is large: evaluate it only when a workbook is asked for.
  const { default: ExcelJS } = await import('exceljs/lib/exceljs.bare.js');
  const workbook = new ExcelJS.Workbook();
  const titles = comparison.scenarios.map((scenario) => scenario.title);
  workbook.creator = context.generator;
  workbook.lastModifiedBy = context.generator;
  workbook.title = text(`Comparison: ${titles.join(' vs ')}`);
  workbook.subject = `Russia–Ukraine negotiation scenarios against the ${comparison.baseline.id} baseline`;
  workbook.keywords = 'Russia; Ukraine; negotiations; scenarios; territory';
  workbook.description = `Dataset version ${comparison.datasetVersion}.`;

  const layout = workbookLayout(comparison.scenarios.length, comparison.territory.regions.length);
  // Sheets in reading order; each is filled once the cells it refers to are known.
  const [summary, territory, baseline, issues, stances, pairwise, sources] = SHEETS.map((name) =>
    workbook.addWorksheet(name),
  ) as [Worksheet, Worksheet, Worksheet, Worksheet, Worksheet, Worksheet, Worksheet];
  addBaselineSheet(baseline, comparison, layout);
  addTerritorySheet(territory, comparison, layout);
  addSummarySheet(summary, comparison, layout);
  addIssuesSheet(issues, comparison);
  addStancesSheet(stances, comparison);
  addPairwiseSheet(pairwise, comparison, layout);
  addSourcesSheet(sources, comparison);
  if (context.timeline) addChangesSheet(workbook.addWorksheet('Changes'), context.timeline);
  addAboutSheet(workbook.addWorksheet('About'), comparison, context);

  return workbookToXlsx(workbook);
}
