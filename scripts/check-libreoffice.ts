// Proves that the workbook's live formulas recompute in LibreOffice to the JSON totals.
// Fetches the seed comparison as JSON and XLSX from a local wrangler dev, strips every cached
// formula result (so LibreOffice must compute them), converts the file with headless LibreOffice,
// and compares the Territory totals and Pairwise gaps it computed with the JSON.
// Run: npm run check:libreoffice (needs Debian's libreoffice-calc).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Comparison, ScenarioTotal } from '../src/domain/comparison.ts';
import { workbookLayout } from '../src/formats/xlsx/layout.ts';
import { startDevServer } from './dev-server.ts';

const SEED = ['anchorage-2025-08', 'donetsk-swap-2025-10', 'ceasefire-current-lines-2025-10'];
const server = await startDevServer({ quiet: true });
let failures = 0;
try {
  const query = `/v1/compare?scenarios=${SEED.join(',')}`;
  const json = (await (await fetch(`${server.url}${query}`)).json()) as Comparison;
  const bytes = new Uint8Array(await (await fetch(`${server.url}${query}&format=xlsx`)).arrayBuffer());

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer);
  let stripped = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && value.formula) {
          cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
          stripped++;
        }
      }),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'lo-check-'));
  const input = join(dir, 'input.xlsx');
  writeFileSync(input, new Uint8Array(await workbook.xlsx.writeBuffer()));
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { stdio: 'ignore' },
  );
  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.load(new Uint8Array(readFileSync(join(dir, 'out', 'input.xlsx'))).buffer);

  const territory = recalculated.getWorksheet('Territory');
  const pairwise = recalculated.getWorksheet('Pairwise');
  if (!territory || !pairwise) throw new Error('sheets missing after LibreOffice conversion');
  const layout = workbookLayout(SEED.length, json.territory.regions.length);
  const result = (cell: ExcelJS.Cell) => (cell.value as { result?: number }).result ?? 0;
  const check = (label: string, actual: number, expected: number) => {
    const ok = Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: LibreOffice ${actual} vs JSON ${expected}`);
  };
  SEED.forEach((id, k) => {
    const row = territory.getRow(layout.territory.totalRow(k));
    const t = json.territory.totals[id] as ScenarioTotal;
    check(`${id} km² low`, result(row.getCell(11)), t.russianKm2.low);
    check(`${id} km² high`, result(row.getCell(12)), t.russianKm2.high);
    check(`${id} change low`, result(row.getCell(13)), t.changeKm2.low);
    check(`${id} change high`, result(row.getCell(14)), t.changeKm2.high);
    check(`${id} share of Ukraine high`, result(row.getCell(10)), t.shareOfUkraine.high);
  });
  json.pairwise.forEach((pair, i) => {
    check(`gap ${pair.a} vs ${pair.b}`, result(pairwise.getCell(`C${i + 2}`)), pair.territoryGapKm2);
  });
  console.log(`${stripped} formula results stripped and recomputed by LibreOffice; ${failures} mismatches`);
} finally {
  await server.stop();
}
process.exit(failures === 0 ? 0 : 1);
