import type { Cell, Worksheet } from 'exceljs';
import type { Comparison } from '../../domain/comparison.ts';
import type { ChangelogEntry } from '../../domain/reference.ts';
import { isSilence } from '../../domain/scenario.ts';
import type { Timeline } from '../../domain/timeline.ts';
import { inertText } from '../cell-text.ts';
import { describeChange } from '../change-text.ts';
import { quoteKindText, quoteLine } from '../quote-text.ts';
import { workbookToXlsx } from './workbook-file.ts';

const KM2 = '#,##0';
const SHARE = '0.0%';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } } as const;
const DIFFERS_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

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

type CellValue =
  | string
  | number
  | boolean
  | { formula: string; result: number }
  | { text: string; hyperlink: string };

/** Text for a cell: neutralised against formula injection. */
const text = (value: string | undefined): string => inertText(value ?? '');
const formula = (expression: string, result: number) => ({ formula: expression, result });
const quoteSheet = (name: string) => `'${name.replaceAll("'", "''")}'`;

interface Column {
  header: string;
  width: number;
  format?: string;
  wrap?: boolean;
}

/** Fills a sheet as a table: bold shaded header, frozen, filterable, with column widths and formats. */
function fillTable(sheet: Worksheet, columns: Column[], rows: CellValue[][]): Worksheet {
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      ...(c.format && { numFmt: c.format }),
      alignment: { vertical: 'top', wrapText: c.wrap ?? false },
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const row of rows) sheet.addRow(row);
  if (rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return sheet;
}

/** One row per typed change between a party's consecutive positions, the km² delta as numbers. */
function addChangesSheet(sheet: Worksheet, timeline: Timeline): void {
  fillTable(
    sheet,
    [
      { header: 'From', width: 30 },
      { header: 'To', width: 30 },
      { header: 'To date', width: 12 },
      { header: 'Subject', width: 9 },
      { header: 'Key', width: 20 },
      { header: 'Label', width: 28 },
      { header: 'Kind', width: 10 },
      { header: 'Change', width: 70, wrap: true },
      { header: 'km² under Russian control, change (low)', width: 14, format: KM2 },
      { header: 'km² under Russian control, change (high)', width: 14, format: KM2 },
      { header: 'Direction', width: 24 },
      { header: 'Sources', width: 40, wrap: true },
    ],
    timeline.steps.flatMap((step) =>
      step.changes.map((change) => [
        text(step.from),
        text(step.to),
        text(step.toDate),
        change.subject,
        text(change.subject === 'region' ? change.region : change.issue),
        text(change.label),
        change.kind,
        text(describeChange(change)),
        'russianKm2Delta' in change ? change.russianKm2Delta.low : '',
        'russianKm2Delta' in change ? change.russianKm2Delta.high : '',
        'direction' in change ? change.direction : '',
        text(change.sources.join(' ')),
      ]),
    ),
  );
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
  const ids = comparison.scenarios.map((s) => s.id);
  const titles = comparison.scenarios.map((s) => s.title);
  workbook.creator = context.generator;
  workbook.lastModifiedBy = context.generator;
  workbook.title = text(`Comparison: ${titles.join(' vs ')}`);
  workbook.subject = `Russia–Ukraine negotiation scenarios against the ${comparison.baseline.id} baseline`;
  workbook.keywords = 'Russia; Ukraine; negotiations; scenarios; territory';
  workbook.description = `Dataset version ${comparison.datasetVersion}.`;

  // Sheets in reading order; each is filled below once the cells it refers to are known.
  const [summary, territory, baselineSheet, issuesSheet, stancesSheet, pairwiseSheet, sourcesSheet] = [
    'Summary',
    'Territory',
    'Baseline',
    'Issues',
    'Stances',
    'Pairwise',
    'Sources',
  ].map((name) => workbook.addWorksheet(name)) as [
    Worksheet,
    Worksheet,
    Worksheet,
    Worksheet,
    Worksheet,
    Worksheet,
    Worksheet,
  ];
  summary.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  // Baseline: one row per region, then the total and Ukraine's area.
  const regions = comparison.territory.regions;
  const R = regions.length;
  const baselineRowOf = (i: number) => i + 2;
  const baselineTotalRow = R + 2;
  const ukraineRow = R + 3;
  fillTable(
    baselineSheet,
    [
      { header: 'Region id', width: 16 },
      { header: 'Region', width: 28 },
      { header: 'Area km²', width: 12, format: KM2 },
      { header: 'Share under Russian control', width: 14, format: SHARE },
      { header: 'km² under Russian control', width: 14, format: KM2 },
      { header: 'Basis', width: 10 },
      { header: 'Note', width: 60, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    regions.map((row, i) => [
      text(row.region),
      text(row.name),
      row.areaKm2,
      row.baseline.russianShare,
      formula(`C${baselineRowOf(i)}*D${baselineRowOf(i)}`, row.baseline.russianKm2),
      text(row.baseline.basis),
      text(row.baseline.note),
      text(row.baseline.sources.join(' ')),
    ]),
  );
  const totals = comparison.territory.totals;
  baselineSheet.addRow([
    '',
    'Total of these regions',
    '',
    formula(`E${baselineTotalRow}/C${ukraineRow}`, totals.baseline.shareOfUkraine),
    formula(`SUM(E2:E${R + 1})`, totals.baseline.russianKm2),
  ]).font = { bold: true };
  baselineSheet.addRow(['ukraine', 'Ukraine (total area)', comparison.ukraineAreaKm2]).font = { bold: true };

  // Territory: one row per scenario × region (a block per scenario, regions in the same order).
  const B = quoteSheet('Baseline');
  const territoryRows: CellValue[][] = [];
  ids.forEach((id) => {
    regions.forEach((row, i) => {
      const r = territoryRows.length + 2;
      const o = row.scenarios[id];
      if (!o) return;
      const baseRow = baselineRowOf(i);
      // A bound that equals the baseline share follows the Baseline sheet, so corrections there flow through.
      const addressedBound = (value: number) =>
        value === row.baseline.russianShare ? formula(`${B}!D${baseRow}`, value) : value;
      territoryRows.push([
        text(id),
        text(row.region),
        text(row.name),
        text(o.outcome),
        text(o.legalStatus),
        o.quantified,
        formula(`${B}!C${baseRow}`, row.areaKm2),
        formula(`${B}!E${baseRow}`, row.baseline.russianKm2),
        addressedBound(o.russianShare.low),
        addressedBound(o.russianShare.high),
        formula(`G${r}*I${r}`, o.russianKm2.low),
        formula(`G${r}*J${r}`, o.russianKm2.high),
        formula(`K${r}-H${r}`, o.changeKm2.low),
        formula(`L${r}-H${r}`, o.changeKm2.high),
        text(o.note),
        text(o.sources.join(' ')),
      ]);
    });
  });
  fillTable(
    territory,
    [
      { header: 'Scenario', width: 30 },
      { header: 'Region id', width: 14 },
      { header: 'Region', width: 26 },
      { header: 'Outcome', width: 22 },
      { header: 'Legal status', width: 12 },
      { header: 'Share given by a source', width: 12 },
      { header: 'Area km²', width: 12, format: KM2 },
      { header: 'Baseline km² under Russian control', width: 14, format: KM2 },
      { header: 'Share after (low)', width: 11, format: SHARE },
      { header: 'Share after (high)', width: 11, format: SHARE },
      { header: 'km² under Russian control (low)', width: 14, format: KM2 },
      { header: 'km² under Russian control (high)', width: 14, format: KM2 },
      { header: 'Change km² (low)', width: 13, format: KM2 },
      { header: 'Change km² (high)', width: 13, format: KM2 },
      { header: 'Note', width: 60, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    territoryRows,
  );

  // Totals below the table: a row per scenario, summing its block of rows.
  const totalsHeaderRow = territoryRows.length + 3;
  const totalsHeader = territory.getRow(totalsHeaderRow);
  totalsHeader.values = [
    'Totals',
    '',
    '',
    'Regions not addressed',
    'Regions not reported',
    'Unquantified regions',
    '',
    'Baseline km²',
    'Share of Ukraine (low)',
    'Share of Ukraine (high)',
    'km² (low)',
    'km² (high)',
    'Change km² (low)',
    'Change km² (high)',
  ];
  totalsHeader.font = { bold: true };
  const totalRowOf = new Map<string, number>();
  ids.forEach((id, k) => {
    const first = 2 + k * R;
    const last = first + R - 1;
    const t = totals[id];
    if (!t) return;
    const r = totalsHeaderRow + 1 + k;
    totalRowOf.set(id, r);
    const sum = (column: string, result: number) =>
      formula(`SUM(${column}${first}:${column}${last})`, result);
    const row = territory.getRow(r);
    row.values = [
      text(id),
      '',
      text(titles[k]),
      text(t.notAddressed.join(', ')),
      text(t.notReported.join(', ')),
      text(t.unquantified.join(', ')),
      '',
      sum('H', totals.baseline.russianKm2),
      formula(`K${r}/${B}!$C$${ukraineRow}`, t.shareOfUkraine.low),
      formula(`L${r}/${B}!$C$${ukraineRow}`, t.shareOfUkraine.high),
      sum('K', t.russianKm2.low),
      sum('L', t.russianKm2.high),
      sum('M', t.changeKm2.low),
      sum('N', t.changeKm2.high),
    ];
    row.font = { bold: true };
  });

  // Summary: scenarios side by side.
  const T = quoteSheet('Territory');
  summary.columns = [{ width: 34 }, ...ids.map(() => ({ width: 42 }))];
  const summaryRow = (
    label: string,
    values: CellValue[],
    options: { format?: string; fill?: boolean; bold?: boolean } = {},
  ) => {
    const row = summary.addRow([text(label), ...values]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (options.bold) row.font = { bold: true };
    row.eachCell((cell: Cell, n: number) => {
      if (options.format && n > 1) cell.numFmt = options.format;
      if (options.fill) cell.fill = DIFFERS_FILL;
    });
    return row;
  };
  const head = summaryRow('Scenario', ids.map(text), { bold: true });
  head.eachCell((cell: Cell) => (cell.fill = HEADER_FILL));
  summaryRow('Title', titles.map(text), { bold: true });
  summaryRow(
    'Proposed by',
    comparison.scenarios.map((s) => text(s.proposers.join(', '))),
  );
  summaryRow(
    'Date',
    comparison.scenarios.map((s) => text(s.date)),
  );
  summaryRow(
    'Venue',
    comparison.scenarios.map((s) => text(s.venue)),
  );
  summaryRow(
    'Status',
    comparison.scenarios.map((s) => text(s.status)),
  );
  summaryRow(
    'Supersedes',
    comparison.scenarios.map((s) => text(s.supersedes)),
  );
  summaryRow(
    'Summary',
    comparison.scenarios.map((s) => text(s.summary)),
  );
  const totalCell = (column: string, pick: (t: NonNullable<(typeof totals)[string]>) => number) =>
    ids.map((id) => {
      const t = totals[id];
      return t ? formula(`${T}!${column}${totalRowOf.get(id)}`, pick(t)) : '';
    });
  summaryRow(`Territory against the ${comparison.baseline.id} baseline`, [], { bold: true });
  summaryRow(
    'km² under Russian control (low)',
    totalCell('K', (t) => t.russianKm2.low),
    { format: KM2 },
  );
  summaryRow(
    'km² under Russian control (high)',
    totalCell('L', (t) => t.russianKm2.high),
    { format: KM2 },
  );
  summaryRow(
    'Change km² (low)',
    totalCell('M', (t) => t.changeKm2.low),
    { format: KM2 },
  );
  summaryRow(
    'Change km² (high)',
    totalCell('N', (t) => t.changeKm2.high),
    { format: KM2 },
  );
  summaryRow(
    'Share of Ukraine (low)',
    totalCell('I', (t) => t.shareOfUkraine.low),
    { format: SHARE },
  );
  summaryRow(
    'Share of Ukraine (high)',
    totalCell('J', (t) => t.shareOfUkraine.high),
    { format: SHARE },
  );
  summaryRow(
    'Regions whose share is only bounded',
    ids.map((id) => text(totals[id]?.unquantified.join(', '))),
  );
  summaryRow(
    'Regions not addressed (at the baseline share unless bounded)',
    ids.map((id) => text(totals[id]?.notAddressed.join(', '))),
  );
  summaryRow(
    'Regions not reported (at the baseline share unless bounded)',
    ids.map((id) => text(totals[id]?.notReported.join(', '))),
  );
  summaryRow('Issues (shaded: the scenarios differ)', [], { bold: true });
  for (const issue of comparison.issues) {
    summaryRow(
      issue.label,
      ids.map((id) => {
        const p = issue.positions[id];
        if (!p) return '';
        return text(
          isSilence(p.position) ? `— (${p.position.replace('-', ' ')})` : `${p.position}: ${p.detail}`,
        );
      }),
      { fill: issue.differs },
    );
  }
  summaryRow('Stances', [], { bold: true });
  for (const row of comparison.stances) {
    summaryRow(
      row.name,
      ids.map((id) => {
        const s = row.positions[id];
        if (!s || s.stance === 'not-recorded') return '—';
        const attribution = [s.speaker, s.date].filter(Boolean).join(', ');
        return text(
          `${s.stance}${s.quote ? `: ${quoteLine(s.quote)}` : ''}${attribution ? ` (${attribution})` : ''}`,
        );
      }),
    );
  }

  // Issues, long form: one row per issue × scenario.
  fillTable(
    issuesSheet,
    [
      { header: 'Issue id', width: 22 },
      { header: 'Issue', width: 28 },
      { header: 'Scenario', width: 30 },
      { header: 'Scenarios differ', width: 10 },
      { header: 'Position', width: 22 },
      { header: 'Value', width: 12, format: '#,##0.##' },
      { header: 'Unit', width: 10 },
      { header: 'Detail', width: 70, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    comparison.issues.flatMap((issue) =>
      ids.map((id) => {
        const p = issue.positions[id];
        return [
          text(issue.issue),
          text(issue.label),
          text(id),
          issue.differs,
          text(p?.position),
          p?.value?.amount ?? '',
          text(p?.value?.unit),
          text(p?.detail),
          text(p?.sources.join(' ')),
        ];
      }),
    ),
  );
  issuesSheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(4).value === true) row.eachCell((cell) => (cell.fill = DIFFERS_FILL));
  });

  fillTable(
    stancesSheet,
    [
      { header: 'Party id', width: 16 },
      { header: 'Party', width: 20 },
      { header: 'Scenario', width: 30 },
      { header: 'Stance', width: 16 },
      { header: 'Quote (words as given; see Quote kind)', width: 70, wrap: true },
      { header: 'Quote kind', width: 16 },
      { header: 'Speaker', width: 26, wrap: true },
      { header: 'Date', width: 12 },
      { header: 'Note', width: 50, wrap: true },
      { header: 'Sources', width: 40, wrap: true },
    ],
    comparison.stances.flatMap((row) =>
      ids.map((id) => {
        const s = row.positions[id];
        return [
          text(row.party),
          text(row.name),
          text(id),
          text(s?.stance),
          text(s?.quote?.text),
          text(s?.quote && quoteKindText(s.quote)),
          text(s?.speaker),
          text(s?.date),
          text(s?.note),
          text(s?.sources.join(' ')),
        ];
      }),
    ),
  );

  // Pairwise: the territory gap is a live formula over the two scenarios' blocks of share cells.
  fillTable(
    pairwiseSheet,
    [
      { header: 'Scenario A', width: 30 },
      { header: 'Scenario B', width: 30 },
      { header: 'Territory gap km² (Σ area × |midpoint share difference|)', width: 22, format: KM2 },
      { header: 'Number of differing issues', width: 12 },
      { header: 'Differing issues', width: 60, wrap: true },
    ],
    comparison.pairwise.map((pair) => {
      const a = ids.indexOf(pair.a);
      const b = ids.indexOf(pair.b);
      const range = (column: string, k: number) => `${T}!${column}${2 + k * R}:${column}${1 + (k + 1) * R}`;
      const gap = `SUMPRODUCT(${range('G', a)},ABS((${range('I', a)}+${range('J', a)})/2-(${range('I', b)}+${range('J', b)})/2))`;
      return [
        text(pair.a),
        text(pair.b),
        formula(gap, pair.territoryGapKm2),
        pair.differingIssues.length,
        text(pair.differingIssues.join(', ')),
      ];
    }),
  );

  fillTable(
    sourcesSheet,
    [
      { header: 'Source id', width: 34 },
      { header: 'Publisher', width: 24, wrap: true },
      { header: 'Title', width: 50, wrap: true },
      { header: 'Date', width: 12 },
      { header: 'Kind', width: 13 },
      { header: 'Read via', width: 30, wrap: true },
      { header: 'Sourcing note', width: 40, wrap: true },
      { header: 'Confidence', width: 12 },
      { header: 'URL', width: 50 },
    ],
    comparison.sources.map((s) => [
      text(s.id),
      text(s.publisher),
      text(s.title),
      text(s.date),
      text(s.kind),
      text(s.via),
      text(s.note),
      text(s.confidence),
      s.url && /^https?:\/\//.test(s.url) ? { text: s.url, hyperlink: s.url } : '',
    ]),
  );
  sourcesSheet.getColumn(9).font = { color: { argb: 'FF0B5CAD' }, underline: true };

  if (context.timeline) addChangesSheet(workbook.addWorksheet('Changes'), context.timeline);

  const about = workbook.addWorksheet('About');
  about.columns = [{ width: 24 }, { width: 100 }];
  const citation = `Negotiation scenarios dataset (version ${comparison.datasetVersion}): ${titles.join('; ')} — compared against the ${comparison.baseline.id} control baseline.${context.requestPath ? ` Request: ${context.requestPath}` : ''}`;
  for (const [key, value] of [
    [
      'What this is',
      'Publicly reported negotiation positions for ending the Russia–Ukraine war, compared side by side. Every figure, term and quote cites the sources listed on the Sources sheet.',
    ],
    ['Dataset version', comparison.datasetVersion],
    ['Baseline', `${comparison.baseline.id}: ${comparison.baseline.title}`],
    ['Baseline method', comparison.baseline.method],
    ['Scenarios', ids.join(', ')],
    [
      'Live formulas',
      'On the Territory sheet, km², change and total cells are formulas over the Baseline sheet (areas and shares) and the scenario share cells. Edit a share and the totals recompute.',
    ],
    [
      'Intervals',
      'Low and high bounds are given where reports leave the outcome uncertain. A region a scenario is silent on (not addressed: its published text says nothing; not reported: its text is not public and the reporting says nothing) counts at its baseline share unless the scenario bounds it.',
    ],
    [
      'Quotes',
      'A quote is verbatim, translated (from the language named) or an outlet’s paraphrase, as its Quote kind says; a paraphrase is never shown in quotation marks.',
    ],
    ['How to cite', citation],
    ['Generated by', context.generator],
  ] as const) {
    const row = about.addRow([key, text(value)]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  // What changed since a reader last downloaded: each scenario's corrections, then the dataset's log.
  const corrections = comparison.scenarios.flatMap((s) =>
    (s.corrections ?? []).map((c) => [`Correction, ${c.date}`, `${s.id}: ${c.change} Why: ${c.reason}`]),
  );
  const changelog = (context.changelog ?? []).map((entry) => [
    `Dataset change, ${entry.date}`,
    `${entry.change} Why: ${entry.reason}`,
  ]);
  for (const [key, value] of [
    ['Corrections', corrections.length === 0 ? 'None to these scenarios.' : ''],
    ...corrections,
    ...changelog,
  ]) {
    const row = about.addRow([text(key), text(value)]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (key === 'Corrections') row.getCell(1).font = { bold: true };
  }

  return workbookToXlsx(workbook);
}
