// Browser test of the what-if pages (issue 18): drives Debian's Chromium (playwright-core, no
// browser download) against a local wrangler dev, once with JavaScript and once without. It forks
// anchorage-2025-08, changes Donetsk's share, saves, opens the public link in a fresh context (no
// edit button), edits from the creator's context, provokes a conflict from a co-author's context,
// compares with two catalogue scenarios, downloads the XLSX and checks the changed share and the
// recomputed totals in it, then deletes (410). Every page on the way is checked with axe-core
// (from node_modules, injected into the page): no serious or critical violation. Titles are
// hostile (`<img onerror>`, `=HYPERLINK(`) and must show as text, run nothing, stay inert.
// Run: npm run test:e2e:what-if [-- --screenshot] (the flag also writes docs/screenshot-what-if.png).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { check, runBrowserSuite } from './e2e-runner.ts';

const DOC_SCREENSHOT = 'docs/screenshot-what-if.png';
const WRITE_DOC_SCREENSHOT = process.argv.includes('--screenshot');
const FORK = 'anchorage-2025-08';
const OTHER = 'donetsk-swap-2025-10';
const DESKTOP = { width: 1280, height: 900 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Console errors (CSP violations among them), page errors, dialogs (an alert() that ran) and outside requests. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // A 4xx page (422, 403, 409, 410) is logged by Chromium as a failed resource; that is expected here.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`outside request: ${url}`);
  });
  return problems;
}

/**
 * A browser context for the flow. The pages forbid inline script (CSP `script-src 'self'`), so
 * axe's source, injected as a script tag, needs bypassCSP; the CSP itself is checked separately,
 * in contexts without it (cspPass).
 */
async function newContext(
  browser: Browser,
  javaScriptEnabled: boolean,
  bypassCSP = true,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled,
    bypassCSP,
    viewport: DESKTOP,
    acceptDownloads: true,
    locale: 'en-GB',
  });
  if (!javaScriptEnabled) WITHOUT_SCRIPT.add(context);
  return context;
}

/** Contexts whose pages run no script: axe checks a copy of their page instead. */
const WITHOUT_SCRIPT = new WeakSet<BrowserContext>();

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core on the page as it is: no serious or critical violation. */
async function checkAccessibility(page: Page, label: string): Promise<void> {
  // axe needs script even where the page runs without: a context without JavaScript gets a
  // twin page with it, loaded from the same HTML (same cookies, no second request).
  let target = page;
  let twin: Page | undefined;
  if (WITHOUT_SCRIPT.has(page.context())) {
    const context = await page.context().browser()?.newContext({ bypassCSP: true, viewport: DESKTOP });
    twin = await context?.newPage();
    if (twin) {
      await twin.setContent(await page.content(), { waitUntil: 'load' });
      target = twin;
    }
  }
  try {
    await target.addScriptTag({ content: AXE_SOURCE });
    const result = (await target.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })",
    )) as AxeResult;
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(
      `axe: ${label} has no serious or critical violation`,
      bad.length === 0,
      bad
        .map(
          (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        )
        .join('; ') || `${result.violations.length} minor`,
    );
  } finally {
    await twin?.context().close();
  }
}

/** Types into a field from the keyboard: focus, select all, type. */
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

/** Presses a button from the keyboard (focus + Enter) and waits for the next page. */
async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

/** The workbook's Territory sheet: the what-if's Donetsk shares and its total against the fork's. */
async function checkWorkbook(
  path: string,
  label: string,
  savedRef: string,
  low: number,
  high: number,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile(path)).buffer);
  const sheet = workbook.getWorksheet('Territory');
  if (!sheet) return check(`${label}: the workbook has a Territory sheet`, false);
  const value = (cell: ExcelJS.Cell): unknown =>
    cell.value !== null && typeof cell.value === 'object' && 'result' in cell.value
      ? cell.value.result
      : cell.value;
  let donetsk: ExcelJS.Row | undefined;
  let forkDonetsk: ExcelJS.Row | undefined;
  const totals = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const scenario = String(row.getCell(1).value ?? '');
    const region = row.getCell(2).value;
    if (region === 'donetsk' && scenario === savedRef) donetsk = row;
    if (region === 'donetsk' && scenario === FORK) forkDonetsk = row;
    if (region === '' || region === null) totals.set(scenario, row);
  });
  check(
    `${label}: the workbook holds the what-if's Donetsk share (${Math.round(low * 100)}–${Math.round(high * 100)}%)`,
    donetsk !== undefined && value(donetsk.getCell(9)) === low && value(donetsk.getCell(10)) === high,
    donetsk ? `${value(donetsk.getCell(9))}–${value(donetsk.getCell(10))}` : `no row for ${savedRef}`,
  );
  const mine = totals.get(savedRef);
  const fork = totals.get(FORK);
  const area = forkDonetsk ? Number(value(forkDonetsk.getCell(7))) : Number.NaN;
  const forkShare = forkDonetsk ? Number(value(forkDonetsk.getCell(9))) : Number.NaN;
  if (!mine || !fork)
    return check(`${label}: the workbook has totals rows`, false, [...totals.keys()].join(', '));
  // The what-if differs from its fork only in Donetsk: its totals are the fork's plus area × the share moved.
  const expectLow = Number(value(fork.getCell(11))) + area * (low - forkShare);
  const expectHigh = Number(value(fork.getCell(12))) + area * (high - forkShare);
  const gotLow = Number(value(mine.getCell(11)));
  const gotHigh = Number(value(mine.getCell(12)));
  const formulaOf = (cell: ExcelJS.Cell) => (cell.formula ? cell.formula : '');
  check(
    `${label}: the workbook's totals are recomputed for the what-if`,
    Math.abs(gotLow - expectLow) < 0.5 &&
      Math.abs(gotHigh - expectHigh) < 0.5 &&
      /^SUM\(/.test(formulaOf(mine.getCell(11))),
    `${Math.round(gotLow)}–${Math.round(gotHigh)} km² (expected ${Math.round(expectLow)}–${Math.round(expectHigh)}), ${formulaOf(mine.getCell(11))}`,
  );
  const texts: string[] = [];
  workbook.eachSheet((s) =>
    s.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula && /HYPERLINK|onerror/i.test(cell.formula)) texts.push(cell.formula);
      }),
    ),
  );
  check(`${label}: the hostile title is no formula in the workbook`, texts.length === 0, texts.join('; '));
}

/** The whole flow, with or without JavaScript. */
async function flow(browser: Browser, origin: string, downloads: string, javaScript: boolean): Promise<void> {
  const label = javaScript ? 'js' : 'no-js';
  const title = javaScript ? '<img src=x onerror=alert(1)>' : '=HYPERLINK("http://x")';
  const creatorContext = await newContext(browser, javaScript);
  const publicContext = await newContext(browser, javaScript);
  const coAuthorContext = await newContext(browser, javaScript);
  try {
    const page = await creatorContext.newPage();
    const problems = watch(page, origin);

    // Blank start on /, and a blank form sent as it is: messages beside the fields, nothing lost.
    await page.goto(`${origin}/`);
    await checkAccessibility(page, `${label} catalogue page (/)`);
    await page.getByRole('link', { name: 'Make your own what-if' }).click();
    await page.waitForURL(/\/what-if\/new$/);
    await typeInto(page, '#f-title', 'Half-typed');
    await pressButton(page, 'Save the what-if');
    check(
      `${label}: a blank form sent as it is comes back with messages and the typed title`,
      (await page.locator('#form-errors').isVisible()) &&
        (await page.locator('#f-title').inputValue()) === 'Half-typed',
      `${await page.locator('.field-error').count()} messages`,
    );
    await checkAccessibility(page, `${label} form with errors`);

    // Fork anchorage-2025-08 from the comparison page.
    await page.goto(`${origin}/compare?scenarios=${FORK},${OTHER}`);
    await page.locator(`#scenario-${FORK}`).getByRole('link', { name: 'Make a what-if from this' }).click();
    await page.waitForURL(new RegExp(`/what-if/new\\?from=${FORK}$`));
    check(
      `${label}: the form is filled from ${FORK}`,
      (await page.locator('#f-region-donetsk-low').inputValue()) === '100',
      `Donetsk low ${await page.locator('#f-region-donetsk-low').inputValue()}`,
    );
    await checkAccessibility(page, `${label} new what-if form`);
    await typeInto(page, '#f-title', title);
    await typeInto(page, '#f-region-donetsk-low', '55');
    await page.keyboard.press('Tab');
    const afterTab = await page.evaluate<string | undefined>('document.activeElement?.id');
    check(
      `${label}: Tab goes from the low share to the high share`,
      afterTab === 'f-region-donetsk-high',
      String(afterTab),
    );
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('70');
    await page.locator('#f-region-donetsk-quantified').selectOption('no');
    await pressButton(page, 'Save the what-if');
    const id = /\/saved\/([a-z2-7]{26})$/.exec(page.url())?.[1];
    check(`${label}: saving lands on /saved/<id>`, id !== undefined, page.url());
    if (!id) return;
    const editLink = (await page.locator('#edit-link').textContent()) ?? '';
    check(
      `${label}: the creator sees the private edit link`,
      editLink.includes(`/saved/${id}/claim#`),
      editLink.replace(/#.*/, '#…'),
    );
    check(
      `${label}: the title is shown as text`,
      (await page.locator('h1').textContent()) === title && (await page.locator('img[src=x]').count()) === 0,
    );
    check(
      `${label}: the creator has an edit button`,
      await page.getByRole('link', { name: 'Edit this what-if' }).isVisible(),
    );
    await checkAccessibility(page, `${label} saved page (creator)`);
    await page.reload();
    check(`${label}: the edit link is shown only once`, (await page.locator('#edit-link').count()) === 0);

    // The public link in a fresh context: no edit button, and no edit form.
    const visitor = await publicContext.newPage();
    const visitorProblems = watch(visitor, origin);
    await visitor.goto(`${origin}/saved/${id}`);
    check(
      `${label}: the public link shows the what-if without an edit button`,
      (await visitor.locator('h1').textContent()) === title &&
        (await visitor.getByRole('link', { name: 'Edit this what-if' }).count()) === 0,
    );
    await checkAccessibility(visitor, `${label} saved page (public)`);
    const refused = await visitor.goto(`${origin}/saved/${id}/edit`);
    check(
      `${label}: the public link does not open the edit form`,
      refused?.status() === 403,
      String(refused?.status()),
    );

    // The creator edits: Donetsk's high share to 75%.
    await page.getByRole('link', { name: 'Edit this what-if' }).click();
    await page.waitForURL(/\/edit$/);
    await checkAccessibility(page, `${label} edit form`);
    await typeInto(page, '#f-region-donetsk-high', '75');
    await pressButton(page, 'Save changes');
    check(
      `${label}: the edit is saved as revision 2`,
      (await page.getByRole('status').first().textContent())?.includes('revision 2') === true &&
        (await page.locator('main').textContent())?.includes('55% to 75%') === true,
    );

    // A co-author opens the private edit link; the creator saves while the co-author edits.
    const coAuthor = await coAuthorContext.newPage();
    const coAuthorProblems = watch(coAuthor, origin);
    await coAuthor.goto(editLink);
    if (!javaScript) {
      // Without script the key after '#' is pasted by hand.
      await checkAccessibility(coAuthor, `${label} claim page`);
      await typeInto(coAuthor, '#token', editLink.slice(editLink.indexOf('#') + 1));
      await pressButton(coAuthor, 'Use this key');
    } else {
      await coAuthor.waitForURL(`${origin}/saved/${id}`);
    }
    check(
      `${label}: the edit link gives the co-author the edit button`,
      await coAuthor.getByRole('link', { name: 'Edit this what-if' }).isVisible(),
      coAuthor.url(),
    );
    await coAuthor.getByRole('link', { name: 'Edit this what-if' }).click();
    await coAuthor.waitForURL(/\/edit$/);
    await page.getByRole('link', { name: 'Edit this what-if' }).click();
    await page.waitForURL(/\/edit$/);
    await typeInto(page, '#f-summary', 'Revised by the creator meanwhile.');
    await pressButton(page, 'Save changes');
    await typeInto(coAuthor, '#f-region-luhansk-note', 'Co-author note, not yet saved');
    await pressButton(coAuthor, 'Save changes');
    const conflictText = (await coAuthor.locator('main').textContent()) ?? '';
    check(
      `${label}: the co-author's save shows the conflict with both versions and keeps the edit`,
      conflictText.includes('Someone saved this what-if while you were editing') &&
        conflictText.includes('Revised by the creator meanwhile.') &&
        (await coAuthor.locator('#f-region-luhansk-note').inputValue()) === 'Co-author note, not yet saved',
    );
    await checkAccessibility(coAuthor, `${label} conflict page`);
    await pressButton(coAuthor, /Save my version as revision 4/);
    check(
      `${label}: saving from the conflict page makes revision 4`,
      (await coAuthor.getByRole('status').first().textContent())?.includes('revision 4') === true,
    );

    // Compare with two catalogue scenarios and download the workbook.
    await page.goto(`${origin}/saved/${id}`);
    await page.locator(`#with-${FORK}`).check();
    await page.locator(`#with-${OTHER}`).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare\?/);
    const savedRef = `saved:${id}@4`;
    const search = decodeURIComponent(new URL(page.url()).search);
    check(
      `${label}: compare with… lands on /compare beside the chosen scenarios`,
      search.startsWith(`?scenarios=${savedRef},${FORK},${OTHER}`),
      search,
    );
    check(
      `${label}: the comparison shows the title as text`,
      (await page.locator('main').textContent())?.includes(title) === true,
    );
    await checkAccessibility(page, `${label} comparison with the what-if`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Excel workbook/ }).click(),
    ]);
    const path = join(downloads, `${label}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    await checkWorkbook(path, label, savedRef, 0.55, 0.75);

    // Delete, after a confirmation; the public link then says it was deleted (410).
    await page.goto(`${origin}/saved/${id}`);
    await page.getByRole('link', { name: 'Delete…' }).click();
    await page.waitForURL(/\/delete$/);
    await checkAccessibility(page, `${label} delete confirmation`);
    await pressButton(page, 'Delete for good');
    const gone = await visitor.goto(`${origin}/saved/${id}`);
    check(
      `${label}: a deleted what-if answers 410 with a page saying so`,
      gone?.status() === 410 && ((await visitor.locator('h1').textContent()) ?? '').includes('deleted'),
      String(gone?.status()),
    );
    await checkAccessibility(visitor, `${label} deleted (410) page`);
    const all = [...problems, ...visitorProblems, ...coAuthorProblems];
    check(
      `${label}: no console error, script run from a title, or outside request`,
      all.length === 0,
      all.join('; '),
    );
  } finally {
    await creatorContext.close();
    await publicContext.close();
    await coAuthorContext.close();
  }
}

/** The pages under their own CSP (default-src 'self'): nothing blocked, nothing from elsewhere. */
async function cspPass(browser: Browser, origin: string): Promise<void> {
  const context = await newContext(browser, true, false);
  try {
    const page = await context.newPage();
    const problems = watch(page, origin);
    const response = await page.goto(`${origin}/what-if/new?from=${FORK}`);
    const csp = (await response?.headerValue('content-security-policy')) ?? '';
    check(
      "csp: the form's Content-Security-Policy is default-src 'self'",
      csp.includes("default-src 'self'"),
      csp,
    );
    await page.locator('#f-title').fill('CSP check');
    await pressButton(page, 'Save the what-if');
    const editLink = (await page.locator('#edit-link').textContent()) ?? '';
    const other = await context.browser()?.newContext({ viewport: DESKTOP });
    const coAuthor = await other?.newPage();
    if (coAuthor) {
      problems.push(...watch(coAuthor, origin));
      await coAuthor.goto(editLink);
      await coAuthor.waitForURL(/\/saved\/[a-z2-7]{26}$/);
      check(
        'csp: the edit link works under the CSP (its script runs from this site)',
        await coAuthor.getByRole('link', { name: 'Edit this what-if' }).isVisible(),
      );
      await other?.close();
    }
    check('csp: no violation, console error or outside request', problems.length === 0, problems.join('; '));
  } finally {
    await context.close();
  }
}

/** The README's picture (only with --screenshot): a saved what-if as its public link shows it. */
async function docScreenshot(browser: Browser, origin: string): Promise<void> {
  const context = await newContext(browser, true, false);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/what-if/new?from=${FORK}`);
    await page.locator('#f-title').fill('What if Ukraine keeps a third of what it holds in Donetsk?');
    await page
      .locator('#f-summary')
      .fill(
        'Russia’s Anchorage terms, except that Ukraine withdraws from only part of the Donetsk oblast it holds.',
      );
    await page.locator('#f-region-donetsk-low').fill('85');
    await page.locator('#f-region-donetsk-high').fill('90');
    await page.locator('#f-region-donetsk-quantified').selectOption('no');
    await page
      .locator('#f-region-donetsk-note')
      .fill('My reading: a withdrawal from the lines around Sloviansk and Kramatorsk only.');
    await pressButton(page, 'Save the what-if');
    await page.reload(); // the edit link is shown once; the picture shows the page as a creator sees it after
    await page.screenshot({
      path: DOC_SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: DESKTOP.width, height: 1250 },
    });
    check('docs screenshot written', true, DOC_SCREENSHOT);
  } finally {
    await context.close();
  }
}

await runBrowserSuite('e2e what-if', async ({ browser, origin, downloads }) => {
  await flow(browser, origin, downloads, true);
  await flow(browser, origin, downloads, false);
  await cspPass(browser, origin);
  if (WRITE_DOC_SCREENSHOT) await docScreenshot(browser, origin);
});
