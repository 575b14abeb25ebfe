import { exports } from 'cloudflare:workers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog.ts';
import { inertText } from '../../src/formats/cell-text.ts';
import { call, csvRecords, decodeHtml as decode } from '../helpers.ts';
import { newClient } from './saved-helpers.ts';

const FORK = 'anchorage-2025-08';

/** A browser's cookies for one what-if test: what Set-Cookie gave, sent back on later requests. */
class Browser {
  readonly client = newClient();
  private readonly jar = new Map<string, { value: string; path: string }>();

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = [...this.jar.entries()]
      .filter(
        ([, c]) =>
          path === c.path ||
          path.startsWith(c.path === '/' ? '/' : `${c.path}/`) ||
          path.startsWith(`${c.path}?`),
      )
      .map(([name, c]) => `${name}=${c.value}`);
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    headers.set('CF-Connecting-IP', this.client);
    const response = await call(path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const [name = '', value = ''] = pair.split('=');
      const path = attributes.find((a) => a.startsWith('Path='))?.slice(5) ?? '/';
      if (/Max-Age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, { value, path });
    }
    return response;
  }

  async page(path: string) {
    const response = await this.request(path);
    return { response, html: await response.text() };
  }

  async post(path: string, fields: URLSearchParams) {
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    return { response, html: await response.text() };
  }

  cookie(name: string) {
    return this.jar.get(name)?.value;
  }
}

/** The fields a browser would send for the form posting to `action` (ticked boxes, selected options). */
function formFields(html: string, action: string): URLSearchParams {
  const start = html.indexOf(`action="${action}"`);
  expect(start, `a form posting to ${action}`).toBeGreaterThan(0);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = new URLSearchParams();
  for (const m of form.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
    const [whole, tag, attributes = ''] = m;
    const after = form.slice((m.index ?? 0) + whole.length);
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
    const name = attr('name');
    if (!name) continue;
    if (tag === 'input') {
      const type = attr('type');
      if ((type === 'checkbox' || type === 'radio') && !/\bchecked=""/.test(attributes)) continue;
      fields.append(name, decode(attr('value') ?? ''));
    } else if (tag === 'textarea') {
      fields.append(name, decode(after.split('</textarea>')[0] ?? ''));
    } else {
      const inner = after.split('</select>')[0] ?? '';
      const selected =
        /<option value="([^"]*)" selected=""/.exec(inner) ?? /<option value="([^"]*)"/.exec(inner);
      fields.append(name, decode(selected?.[1] ?? ''));
    }
  }
  return fields;
}

/** Starts a what-if from the fork and saves it with Donetsk's share at 55–70%; returns its id. */
async function createWhatIf(browser: Browser, title = 'Donetsk split') {
  const { html } = await browser.page(`/what-if/new?from=${FORK}`);
  const fields = formFields(html, '/what-if');
  fields.set('title', title);
  fields.set('region.donetsk.low', '55');
  fields.set('region.donetsk.high', '70');
  fields.set('region.donetsk.quantified', 'no');
  const { response } = await browser.post('/what-if', fields);
  expect(response.status).toBe(303);
  const location = response.headers.get('Location') ?? '';
  expect(location).toMatch(/^\/saved\/[a-z2-7]{26}$/);
  return { id: location.slice('/saved/'.length), setCookies: response.headers.getSetCookie() };
}

describe('the what-if form', () => {
  it('opens filled from a catalogue scenario, every field labelled, with a form token cookie', async () => {
    const browser = new Browser();
    const { response, html } = await browser.page(`/what-if/new?from=${FORK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const scenario = catalog.scenariosById.get(FORK);
    expect(decode(html)).toContain(`value="${scenario?.title}"`);
    expect(html).toContain('name="region.donetsk.low" value="100"');
    expect(html).toContain('name="region.zaporizhzhia.low" value="baseline"');
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) expect(html, `label for ${id}`).toContain(`for="${id}"`);
    const csrf = response.headers.getSetCookie().find((c) => c.startsWith('csrf='));
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(csrf).not.toMatch(/Secure/);
  });

  it('starts blank from /', async () => {
    const { html } = await new Browser().page('/');
    expect(html).toContain('href="/what-if/new"');
    const blank = await new Browser().page('/what-if/new');
    expect(blank.response.status).toBe(200);
    expect(blank.html).toContain('name="region.donetsk.outcome"');
  });

  it('is offered for every scenario on /compare', async () => {
    const { html } = await new Browser().page(`/compare?scenarios=${FORK},donetsk-swap-2025-10`);
    expect(html).toContain(`href="/what-if/new?from=${FORK}"`);
    expect(html).toContain('href="/what-if/new?from=donetsk-swap-2025-10"');
  });

  it('refuses a POST without the form token, or from another site, and saves nothing', async () => {
    const browser = new Browser();
    const { html } = await browser.page(`/what-if/new?from=${FORK}`);
    const fields = formFields(html, '/what-if');
    const forged = new URLSearchParams(fields);
    forged.set('csrf', 'x'.repeat(43));
    const refused = await browser.post('/what-if', forged);
    expect(refused.response.status).toBe(403);
    expect(refused.response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(refused.html).toContain('This form could not be accepted');
    const crossSite = await browser.request('/what-if', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: fields.toString(),
    });
    expect(crossSite.status).toBe(403);
    const fetchedCrossSite = await browser.request('/what-if', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body: fields.toString(),
    });
    expect(fetchedCrossSite.status).toBe(403);
    const noCookie = await call('/what-if', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
      redirect: 'manual',
    });
    expect(noCookie.status).toBe(403);
  });

  it("accepts its own form sent with Origin: null (the site's no-referrer policy)", async () => {
    const browser = new Browser();
    const { html } = await browser.page(`/what-if/new?from=${FORK}`);
    const saved = await browser.request('/what-if', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' },
      body: formFields(html, '/what-if').toString(),
    });
    expect(saved.status).toBe(303);
  });

  it('re-renders an invalid form with the message beside the field and everything typed kept', async () => {
    const browser = new Browser();
    const { html } = await browser.page(`/what-if/new?from=${FORK}`);
    const fields = formFields(html, '/what-if');
    fields.set('title', 'My <kept> title');
    fields.set('region.donetsk.low', 'lots');
    fields.set('region.luhansk.note', 'a note I typed');
    const first = await browser.post('/what-if', fields);
    expect(first.response.status).toBe(422);
    expect(first.response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(first.html).toContain('value="My &lt;kept&gt; title"');
    expect(first.html).toContain('a note I typed');
    expect(first.html).toMatch(/name="region.donetsk.low" value="lots"[^>]*aria-invalid="true"/);
    expect(first.html).toContain('id="f-region-donetsk-low-error"');
    expect(first.html).toContain('enter a percentage from 0 to 100');

    // A rule of the API's (low above high, an empty title) comes back the same way.
    fields.set('region.donetsk.low', '80');
    fields.set('region.donetsk.high', '60');
    fields.set('summary', '');
    const second = await browser.post('/what-if', fields);
    expect(second.response.status).toBe(422);
    expect(second.html).toMatch(/name="region.donetsk.low" value="80"[^>]*aria-invalid="true"/);
    expect(second.html).toMatch(/id="f-summary"[^>]*aria-invalid="true"/);
    expect(second.html).toContain('low must not exceed high');
    expect(second.html).toContain('value="My &lt;kept&gt; title"');
  });
});

describe('a saved what-if', () => {
  it('sets an edit cookie for that what-if only, and shows the private edit link once', async () => {
    const browser = new Browser();
    const { id, setCookies } = await createWhatIf(browser);
    const edit = setCookies.find((c) => c.startsWith('edit='));
    expect(edit).toContain(`Path=/saved/${id}`);
    expect(edit).toMatch(/HttpOnly/);
    expect(edit).toMatch(/SameSite=Strict/);
    expect(edit).not.toMatch(/Secure/); // localhost only

    const first = await browser.page(`/saved/${id}`);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('Cache-Control')).toBe('private, no-store');
    const token = browser.cookie('edit') ?? '';
    expect(first.html).toContain(`/saved/${id}/claim#${token}`);
    expect(first.html).toContain(`href="/saved/${id}/edit"`);
    expect(first.html).toContain('55% to 70%');
    const again = await browser.page(`/saved/${id}`);
    expect(again.html).toContain('Revision 1 (shown)');
    expect(again.html).not.toContain(token);
    expect(again.html).toContain(`href="/saved/${id}/edit"`);

    const stranger = await new Browser().page(`/saved/${id}`);
    expect(stranger.response.status).toBe(200);
    expect(stranger.html).not.toContain(`/saved/${id}/edit`);
    const refused = await new Browser().page(`/saved/${id}/edit`);
    expect(refused.response.status).toBe(403);
  });

  it('marks the edit cookie Secure outside localhost', async () => {
    const browser = new Browser();
    const { html } = await browser.page(`/what-if/new?from=${FORK}`);
    const fields = formFields(html, '/what-if');
    const response = await exports.default.fetch(
      new Request('https://what-if.example/what-if', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: `csrf=${browser.cookie('csrf')}`,
          'CF-Connecting-IP': browser.client,
        },
        body: fields.toString(),
        redirect: 'manual',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().find((c) => c.startsWith('edit='))).toMatch(/; Secure/);
  });

  it('lets the edit link give another browser the edit right', async () => {
    const creator = new Browser();
    const { id } = await createWhatIf(creator);
    const token = creator.cookie('edit') ?? '';
    const coAuthor = new Browser();
    const claim = await coAuthor.page(`/saved/${id}/claim`);
    const fields = formFields(claim.html, `/saved/${id}/claim`);
    fields.set('token', 'wrong-token-wrong-token-wrong');
    expect((await coAuthor.post(`/saved/${id}/claim`, fields)).response.status).toBe(403);
    fields.set('token', token);
    const granted = await coAuthor.post(`/saved/${id}/claim`, fields);
    expect(granted.response.status).toBe(303);
    expect((await coAuthor.page(`/saved/${id}/edit`)).response.status).toBe(200);
  });

  it('saves an edit as a new revision, and shows a conflict side by side instead of overwriting', async () => {
    const browser = new Browser();
    const { id } = await createWhatIf(browser);
    const open1 = await browser.page(`/saved/${id}/edit`);
    const open2 = await browser.page(`/saved/${id}/edit`);
    const mine = formFields(open1.html, `/saved/${id}/edit`);
    mine.set('region.donetsk.high', '75');
    const saved = await browser.post(`/saved/${id}/edit`, mine);
    expect(saved.response.status).toBe(303);
    const page = await browser.page(`/saved/${id}?saved=1`);
    expect(page.html).toContain('Saved as revision 2.');
    expect(page.html).toContain('55% to 75%');
    expect(page.html).toContain(`href="/saved/${id}?revision=1"`);
    const first = await new Browser().page(`/saved/${id}?revision=1`);
    expect(first.html).toContain('55% to 70%');
    expect(first.html).toContain('the latest is revision 2');

    const theirs = formFields(open2.html, `/saved/${id}/edit`);
    theirs.set('title', 'Edited elsewhere, unsaved');
    const conflict = await browser.post(`/saved/${id}/edit`, theirs);
    expect(conflict.response.status).toBe(409);
    expect(conflict.html).toContain('Someone saved this what-if while you were editing');
    expect(conflict.html).toContain('value="Edited elsewhere, unsaved"');
    expect(conflict.html).toContain('Saved meanwhile (revision 2)');
    expect(conflict.html).toContain('55% to 75%');
    expect((await browser.page(`/saved/${id}`)).html).not.toContain('Edited elsewhere');

    // Saving from the conflict page is a deliberate choice: it becomes revision 3.
    const resolved = await browser.post(`/saved/${id}/edit`, formFields(conflict.html, `/saved/${id}/edit`));
    expect(resolved.response.status).toBe(303);
    expect((await browser.page(`/saved/${id}`)).html).toContain('Edited elsewhere, unsaved');
  });

  it('asks before deleting, then answers 410 with a page saying so', async () => {
    const browser = new Browser();
    const { id } = await createWhatIf(browser);
    const confirm = await browser.page(`/saved/${id}/delete`);
    expect(confirm.response.status).toBe(200);
    expect(confirm.html).toContain('Delete for good');
    const deleted = await browser.post(
      `/saved/${id}/delete`,
      formFields(confirm.html, `/saved/${id}/delete`),
    );
    expect(deleted.response.status).toBe(303);
    const gone = await new Browser().page(`/saved/${id}`);
    expect(gone.response.status).toBe(410);
    expect(gone.response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(gone.html).toContain('This what-if was deleted');
    const unknown = await new Browser().page('/saved/aaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(unknown.response.status).toBe(404);
  });

  it('shows a hostile title as text on every page and keeps it inert in the files', async () => {
    for (const title of ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")']) {
      const browser = new Browser();
      const { id } = await createWhatIf(browser, title);
      const pages = [
        (await browser.page(`/saved/${id}`)).html,
        (await browser.page(`/saved/${id}/edit`)).html,
        (await browser.page(`/compare?scenarios=saved:${id}`)).html,
      ];
      for (const html of pages) {
        expect(html).not.toContain('<img src=x');
        expect(decode(html)).toContain(title);
      }
      const csv = await (await call(`/v1/compare?scenarios=saved:${id}&format=csv`)).text();
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
      expect(csvRecords(csv).length).toBeGreaterThan(0);
      const xlsx = await call(`/v1/compare?scenarios=saved:${id}&format=xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const texts: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.formula && /HYPERLINK/.test(cell.formula)) texts.push(`formula: ${cell.formula}`);
            if (typeof cell.value === 'string') texts.push(cell.value);
          }),
        ),
      );
      expect(texts.some((t) => t.startsWith('formula:'))).toBe(false);
      if (title.startsWith('=')) expect(texts).toContain(inertText(title));
    }
  });
});
