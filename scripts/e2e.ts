// Browser test of the human-facing pages: drives Debian's Chromium (playwright-core, no browser
// download) against a local wrangler dev. With and without JavaScript it ticks two scenarios,
// picks a baseline, compares, checks the URL, the issues table and the SVG charts, and downloads
// the XLSX through the page's link. Screenshots go to test-results/ (ignored by git); the README's
// picture, docs/screenshot-compare.png, is replaced only on purpose: `npm run test:e2e -- --update-docs`.
// Run: npm run test:e2e (needs /usr/bin/chromium, or CHROMIUM=/path/to/chromium).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { check, RESULTS, runBrowserSuite } from './e2e-runner.ts';

/** The README's picture is rewritten only when asked, so that a test run never dirties the tree. */
const DOC_SCREENSHOT = process.argv.includes('--update-docs')
  ? 'docs/screenshot-compare.png'
  : `${RESULTS}/screenshot-compare.png`;
const A = 'anchorage-2025-08';
const B = 'donetsk-swap-2025-10';
const C = 'ceasefire-current-lines-2025-10';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Records console errors (CSP violations among them), page errors and requests to other hosts. */
function watch(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`outside request: ${url}`);
  });
  return { problems };
}

async function newContext(browser: Browser, javaScriptEnabled: boolean, viewport = DESKTOP) {
  return browser.newContext({ javaScriptEnabled, viewport, acceptDownloads: true, locale: 'en-GB' });
}

/** Downloads the XLSX through the page's link and checks that it is a workbook with a Territory sheet. */
async function checkDownload(page: Page, label: string, downloads: string): Promise<void> {
  const link = page.getByRole('link', { name: /Excel workbook/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(downloads, `${label}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const bytes = await readFile(path);
  check(
    `${label}: the download is a zip (starts with PK)`,
    bytes.subarray(0, 2).toString('latin1') === 'PK',
    `${download.suggestedFilename()}, ${bytes.length} bytes`,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheets = workbook.worksheets.map((sheet) => sheet.name);
  check(`${label}: the workbook has a Territory sheet`, sheets.includes('Territory'), sheets.join(', '));
}

/** Index → tick two scenarios → pick a baseline → Compare → the comparison, with or without JavaScript. */
async function compareFlow(
  browser: Browser,
  origin: string,
  downloads: string,
  javaScript: boolean,
): Promise<void> {
  const label = javaScript ? 'js' : 'no-js';
  const baseline = javaScript ? '2025-08-18' : '2026-01-01';
  const context: BrowserContext = await newContext(browser, javaScript);
  try {
    const page = await context.newPage();
    const { problems } = watch(page, origin);
    const index = await page.goto(`${origin}/`);
    check(`${label}: / answers 200`, index?.status() === 200, String(index?.status()));
    const boxes = await page.locator('input[type=checkbox][name=scenarios]').count();
    check(`${label}: / lists the scenarios with checkboxes`, boxes >= 3, `${boxes} checkboxes`);

    // Nothing ticked: a message on the page, no JSON.
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('alert').waitFor();
    const alert = (await page.getByRole('alert').textContent()) ?? '';
    check(
      `${label}: Compare with nothing ticked says "Pick at least one scenario"`,
      alert.includes('Pick at least one scenario'),
      javaScript
        ? `stays on ${new URL(page.url()).pathname}`
        : `server answered at ${new URL(page.url()).pathname}`,
    );

    problems.length = 0; // the 400 answer to the empty choice is expected; anything after it is not
    await page.getByLabel(/Russia's proposal at the Anchorage summit/).check();
    await page.locator(`#pick-${B}`).check();
    await page.getByLabel('Baseline (territorial control on)').selectOption(baseline);
    if (javaScript) {
      const count = (await page.locator('#pick-count').textContent()) ?? '';
      check('js: the form counts the ticked scenarios', count.includes('2 scenarios ticked'), count);
      await page.screenshot({ path: `${RESULTS}/index.png`, fullPage: true });
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/compare' && r.status() === 200),
      page.getByRole('button', { name: 'Compare' }).click(),
    ]);
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    const expected = `?scenarios=${A},${B}&baseline=${baseline}`;
    check(
      `${label}: the URL is /compare${expected}`,
      url.pathname === '/compare' && url.search === expected,
      page.url(),
    );
    const redirected = response.request().redirectedFrom() !== null;
    check(
      javaScript
        ? 'js: the script goes straight to the clean URL'
        : 'no-js: the server redirects the form’s repeated params to the clean URL',
      redirected === !javaScript,
      redirected ? `redirected from ${response.request().redirectedFrom()?.url()}` : 'no redirect',
    );

    const issues = page.locator('table', { has: page.locator('caption#issues-caption') });
    const issueRows = await issues.locator('tbody tr').count();
    const differing = await issues.locator('tbody tr.row-differs').count();
    check(
      `${label}: the issues table is shown`,
      (await issues.isVisible()) && issueRows > 0,
      `${issueRows} issues, ${differing} marked "differs"`,
    );
    const charts = page.locator('svg.bars');
    const chartCount = await charts.count();
    const bar = await page.locator('#chart-total svg.bars rect.bar-solid').first().boundingBox();
    check(
      `${label}: the SVG charts are drawn`,
      (await charts.first().isVisible()) && chartCount >= 2 && (bar?.width ?? 0) > 10,
      `${chartCount} charts, first total bar ${Math.round(bar?.width ?? 0)} px wide`,
    );
    const href = await page.getByRole('link', { name: /Excel workbook/ }).getAttribute('href');
    check(
      `${label}: the XLSX link asks for the same comparison`,
      href === `/v1/compare${expected}&format=xlsx`,
      href ?? 'no link',
    );
    await page.screenshot({
      path: `${RESULTS}/${javaScript ? 'compare' : 'compare-nojs'}.png`,
      fullPage: true,
    });
    await checkDownload(page, label, downloads);
    check(
      `${label}: no console error, CSP violation or outside request`,
      problems.length === 0,
      problems.join('; '),
    );
  } finally {
    await context.close();
  }
}

/** Keyboard: the skip link comes first, and the checkboxes can be ticked with the space bar. */
async function keyboardFlow(browser: Browser, origin: string): Promise<void> {
  const context = await newContext(browser, true);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate<string | undefined>('document.activeElement?.textContent?.trim()');
    check('keyboard: the first Tab reaches "Skip to content"', first === 'Skip to content', String(first));
    await page.locator(`#pick-${A}`).focus();
    await page.keyboard.press('Space');
    check('keyboard: Space ticks a focused checkbox', await page.locator(`#pick-${A}`).isChecked());
  } finally {
    await context.close();
  }
}

/** A phone-width comparison: the page itself must not scroll sideways (only the table wrappers do). */
async function phoneFlow(browser: Browser, origin: string): Promise<void> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/compare?scenarios=${A},${B},${C}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    check(
      'phone: the comparison fits the width (tables scroll in their wrappers)',
      overflow <= 0,
      `${overflow} px over`,
    );
    await page.screenshot({ path: `${RESULTS}/compare-phone.png`, fullPage: false });
    await page.locator('#chart-total').screenshot({ path: `${RESULTS}/compare-phone-total-chart.png` });
    await page
      .locator('#chart-zaporizhzhia')
      .screenshot({ path: `${RESULTS}/compare-phone-region-chart.png` });
    const issues = page.locator('section.table-wrap', { has: page.locator('#issues-caption') });
    await issues.screenshot({ path: `${RESULTS}/compare-phone-issues.png` });
    await page.goto(`${origin}/`);
    await page.screenshot({ path: `${RESULTS}/index-phone.png`, fullPage: false });
  } finally {
    await context.close();
  }
}

/** The screenshot for the docs: a three-scenario comparison on a desktop, clipped to about 2000 px. */
async function docScreenshot(browser: Browser, origin: string): Promise<void> {
  const context = await newContext(browser, true);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/compare?scenarios=${A},${B},${C}&baseline=2026-01-01`);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.screenshot({
      path: DOC_SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: DESKTOP.width, height: Math.min(2000, height) },
    });
    check('docs screenshot written', true, `${DOC_SCREENSHOT} (${DESKTOP.width}×${Math.min(2000, height)})`);
  } finally {
    await context.close();
  }
}

await runBrowserSuite('e2e', async ({ browser, origin, downloads }) => {
  await compareFlow(browser, origin, downloads, true);
  await compareFlow(browser, origin, downloads, false);
  await keyboardFlow(browser, origin);
  await phoneFlow(browser, origin);
  await docScreenshot(browser, origin);
});
