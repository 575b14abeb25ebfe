// Where each cell another sheet (or a test) refers to sits. The workbook's formulas reach across
// sheets, so every row and column address that more than one sheet needs is computed here once.

/** The sheets, in reading order (Changes, for a timeline, goes before About). */
export const SHEETS = [
  'Summary',
  'Territory',
  'Baseline',
  'Issues',
  'Stances',
  'Pairwise',
  'Sources',
] as const;

/** A sheet name as a formula refers to it: 'Baseline'. */
export const sheetRef = (name: string): string => `'${name.replaceAll("'", "''")}'`;

/** Baseline sheet columns that formulas refer to. */
export const BASELINE_COLUMN = { area: 'C', share: 'D', russianKm2: 'E' } as const;

/** Territory sheet columns that formulas refer to (in its table and its totals rows). */
export const TERRITORY_COLUMN = {
  area: 'G',
  baselineKm2: 'H',
  shareLow: 'I',
  shareHigh: 'J',
  russianKm2Low: 'K',
  russianKm2High: 'L',
  changeLow: 'M',
  changeHigh: 'N',
} as const;

/** The workbook's cross-sheet addresses, for a comparison of `scenarioCount` × `regionCount`. */
export interface WorkbookLayout {
  baseline: {
    /** Row of region i (0-based, in the comparison's region order). */
    regionRow(i: number): number;
    firstRegionRow: number;
    lastRegionRow: number;
    /** The total of the regions. */
    totalRow: number;
    /** Ukraine's total area. */
    ukraineRow: number;
  };
  territory: {
    /** Row of scenario k × region i: a block of regions per scenario, in the same order. */
    regionRow(k: number, i: number): number;
    /** `'Territory'!G2:G12`: a column of scenario k's block, for formulas on other sheets. */
    blockRange(column: string, k: number): string;
    /** The header of the totals below the table (a blank row above it). */
    totalsHeaderRow: number;
    /** Scenario k's totals row. */
    totalRow(k: number): number;
  };
}

/** The layout of a comparison's workbook. */
export function workbookLayout(scenarioCount: number, regionCount: number): WorkbookLayout {
  const territoryRow = (k: number, i: number) => 2 + k * regionCount + i;
  const totalsHeaderRow = 2 + scenarioCount * regionCount + 1;
  return {
    baseline: {
      regionRow: (i) => 2 + i,
      firstRegionRow: 2,
      lastRegionRow: regionCount + 1,
      totalRow: regionCount + 2,
      ukraineRow: regionCount + 3,
    },
    territory: {
      regionRow: territoryRow,
      blockRange: (column, k) =>
        `${sheetRef('Territory')}!${column}${territoryRow(k, 0)}:${column}${territoryRow(k, regionCount - 1)}`,
      totalsHeaderRow,
      totalRow: (k) => totalsHeaderRow + 1 + k,
    },
  };
}
