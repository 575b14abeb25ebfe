import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog.ts';
import { call, decodeHtml as decode, SEED_IDS } from '../helpers.ts';

const [A, B, C] = SEED_IDS;

async function page(path: string): Promise<{ response: Response; html: string }> {
  const response = await call(path, { redirect: 'manual' });
  return { response, html: await response.text() };
}

/** Every src/href of a script, link or img tag (the assets a browser would fetch). */
const assetUrls = (html: string): string[] =>
  [...html.matchAll(/<(?:script|link|img|iframe|source|video|audio)\b[^>]*>/gi)].flatMap((m) =>
    [...m[0].matchAll(/\b(?:src|href|srcset)="([^"]*)"/gi)].map((a) => decode(a[1] ?? '')),
  );

const expectHtml = (response: Response) => {
  expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
};

describe('GET /', () => {
  it('lists every scenario with a labelled checkbox, and the baseline picker', async () => {
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    expectHtml(response);
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(response.headers.get('ETag')).toBeTruthy();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/compare"/);
    for (const scenario of catalog.scenarios) {
      const inputId = `pick-${scenario.id}`;
      expect(html).toContain(
        `<input type="checkbox" name="scenarios" value="${scenario.id}" id="${inputId}"`,
      );
      expect(html).toMatch(new RegExp(`<label for="${inputId}">`));
      expect(decode(html)).toContain(scenario.title);
      for (const party of scenario.proposers) {
        expect(html).toContain(catalog.partiesById.get(party)?.name as string);
      }
    }
    expect(html).toMatch(/<label for="baseline">/);
    expect(html).toMatch(/<select id="baseline" name="baseline"/);
    for (const baseline of catalog.baselines) expect(html).toContain(`<option value="${baseline.id}"`);
    expect(html).toContain(`<option value="${catalog.latestBaseline.id}" selected=""`);
    expect(html).toMatch(/<button type="submit"[^>]*>Compare<\/button>/);
  });

  it('ticks the scenarios and selects the baseline given in the query', async () => {
    const { html } = await page(`/?scenarios=${A},${B}&baseline=2025-08-18`);
    expect(html).toMatch(new RegExp(`value="${A}" id="pick-${A}" checked=""`));
    expect(html).toMatch(new RegExp(`value="${B}" id="pick-${B}" checked=""`));
    expect(html).not.toMatch(new RegExp(`value="${C}" id="pick-${C}" checked=""`));
    expect(html).toContain('<option value="2025-08-18" selected=""');
  });

  it('serves its enhancement script from this Worker, not inline', async () => {
    const { html } = await page('/');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const src = html.match(/<script src="([^"]+)"/)?.[1];
    expect(src).toMatch(/^\/assets\/page\.js\?v=[0-9a-f]+$/);
    const script = await call(decode(src as string));
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("getElementById('compare-form')");
  });
});

describe('GET /compare', () => {
  it('shows the scenarios, the issues table, the stances, the charts, the sources and the downloads', async () => {
    const { response, html } = await page(`/compare?scenarios=${A},${B}`);
    expect(response.status).toBe(200);
    expectHtml(response);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300');
    const text = decode(html);
    for (const id of [A, B]) expect(text).toContain(catalog.scenariosById.get(id)?.title as string);
    expect(text).not.toContain(catalog.scenariosById.get(C)?.title as string);
    // The issues table: rows are issues, columns scenarios, differing rows marked in words.
    expect(html).toContain('<caption id="issues-caption">');
    expect(html).toMatch(/<th scope="col">/);
    expect(html).toMatch(/<tr class="row-differs"><th scope="row">[^<]+<span class="differs-tag">≠ differs/);
    // Stances with their quotes and speakers.
    const anchorage = catalog.scenariosById.get(A);
    const quoted = anchorage?.stances.find((s) => s.quote);
    expect(quoted).toBeDefined();
    expect(text).toContain(quoted?.quote?.text as string);
    expect(text).toContain(quoted?.speaker as string);
    // Territory as inline SVG, with accessible names and numbers with thousands separators.
    expect(html).toMatch(/<svg class="bars" width="100%" height="\d+" role="img" aria-labelledby=/);
    expect(html).toContain('<title id="chart-total-svg-title">');
    expect(html).toContain('26,517 km²');
    expect(text).toContain(`baseline <strong>${catalog.latestBaseline.title}</strong>`);
    expect(text).toMatch(/come from this baseline/);
    // Each scenario's corrections, dated, with the reason.
    const corrected = anchorage?.corrections?.at(-1);
    expect(corrected).toBeDefined();
    expect(text).toContain(corrected?.change as string);
    expect(text).toContain(`Why: ${corrected?.reason}`);
    // Sources as links to the publishers.
    const withUrl = catalog.sources.find((s) => s.url && text.includes(s.title));
    expect(withUrl).toBeDefined();
    expect(html).toContain(`href="${withUrl?.url}"`);
    // Downloads of exactly this comparison.
    for (const format of ['xlsx', 'csv', 'json']) {
      expect(html).toContain(
        `href="/v1/compare?scenarios=${A},${B}&amp;baseline=${catalog.latestBaseline.id}&amp;format=${format}"`,
      );
    }
  });

  it('uses the baseline asked for, in the charts and in the download links', async () => {
    const { response, html } = await page(`/compare?scenarios=${A},${B},${C}&baseline=2025-08-18`);
    expect(response.status).toBe(200);
    expect(decode(html)).toContain(catalog.baselinesById.get('2025-08-18')?.title as string);
    expect(html).toContain(`/v1/compare?scenarios=${A},${B},${C}&amp;baseline=2025-08-18&amp;format=xlsx`);
  });

  it('serves download links that work', async () => {
    const { html } = await page(`/compare?scenarios=${A},${B}&baseline=2025-08-18`);
    const href = decode(html.match(/href="(\/v1\/compare\?[^"]*format=csv)"/)?.[1] ?? '');
    const csv = await call(href);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
  });

  it('redirects repeated scenarios params (a plain form submission) to the comma-separated form', async () => {
    const { response } = await page(`/compare?scenarios=${A}&scenarios=${B}&baseline=2026-01-01`);
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get('Location')).toBe(`/compare?scenarios=${A},${B}&baseline=2026-01-01`);
    const mixed = await page(`/compare?scenarios=${A},${B}&scenarios=${C}&scenarios=${A}`);
    expect(mixed.response.headers.get('Location')).toBe(`/compare?scenarios=${A},${B},${C}`);
    const spaced = await page(`/compare?scenarios=${A},%20${B},`);
    expect(spaced.response.headers.get('Location')).toBe(`/compare?scenarios=${A},${B}`);
    const escaped = await page(`/compare?baseline=2025-08-18&scenarios=${A}%2C${B}&utm_source=x`);
    expect(escaped.response.headers.get('Location')).toBe(`/compare?scenarios=${A},${B}&baseline=2025-08-18`);
  });

  it('asks for at least one scenario on the form again (400), never JSON', async () => {
    for (const path of [
      '/compare',
      '/compare?scenarios=',
      '/compare?baseline=2026-01-01',
      '/compare?scenarios=,,',
    ]) {
      const { response, html } = await page(path);
      expect(response.status, path).toBe(400);
      expectHtml(response);
      expect(html).toContain('Pick at least one scenario');
      expect(html).toContain('<form method="get" action="/compare"');
      expect(html).toContain('role="alert"');
    }
  });

  it('names an unknown scenario id and lists the valid ones (404)', async () => {
    const { response, html } = await page(`/compare?scenarios=${A},no-such-plan`);
    expect(response.status).toBe(404);
    expectHtml(response);
    expect(html).toContain('<code>no-such-plan</code>');
    for (const scenario of catalog.scenarios) expect(html).toContain(`<code>${scenario.id}</code>`);
    // The valid part of the choice stays ticked.
    expect(html).toMatch(new RegExp(`value="${A}" id="pick-${A}" checked=""`));
  });

  it('says when the baseline is unknown (404), listing the dates', async () => {
    const { response, html } = await page(`/compare?scenarios=${A}&baseline=1999-01-01`);
    expect(response.status).toBe(404);
    expectHtml(response);
    expect(html).toContain('Unknown baseline');
    expect(html).toContain('<code>1999-01-01</code>');
    for (const baseline of catalog.baselines) expect(html).toContain(`<code>${baseline.id}</code>`);
  });

  it('refuses more than 20 scenarios with a message (400)', async () => {
    const ids = [...SEED_IDS, ...Array.from({ length: 18 }, (_, i) => `plan-${i}`)];
    const { response, html } = await page(`/compare?scenarios=${ids.join(',')}`);
    expect(response.status).toBe(400);
    expectHtml(response);
    expect(html).toContain('Pick at most 20 scenarios');
    expect(html).toContain('You asked for 21 scenarios');
    // Repeats collapse: 21 times the same id is one scenario, and a redirect to the clean URL.
    const repeated = await page(`/compare?scenarios=${Array.from({ length: 21 }, () => A).join(',')}`);
    expect(repeated.response.status).toBe(302);
    expect(repeated.response.headers.get('Location')).toBe(`/compare?scenarios=${A}`);
  });

  it('escapes whatever it echoes', async () => {
    const hostile = encodeURIComponent('<script>alert(1)</script>');
    const { response, html } = await page(`/compare?scenarios=${hostile}&baseline=${hostile}`);
    expect(response.status).toBe(404);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('loads no asset from an outside host', async () => {
    for (const path of ['/', `/compare?scenarios=${SEED_IDS.join(',')}`, '/compare?scenarios=nope']) {
      const { html } = await page(path);
      for (const url of assetUrls(html)) expect(url, `${path}: ${url}`).not.toMatch(/^(https?:)?\/\//i);
      expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/i);
    }
  });

  it('compares a single scenario, without the pairs', async () => {
    const { response, html } = await page(`/compare?scenarios=${C}`);
    expect(response.status).toBe(200);
    expect(html).toContain('Comparing one scenario');
    expect(html).not.toContain('id="pairs"');
    expect(html).toContain('<svg class="bars"');
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await call(`/compare?scenarios=${A}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expectHtml(response);
    expect(await response.text()).toBe('');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const path = `/compare?scenarios=${A},${B}`;
    const first = await call(path);
    const tag = first.headers.get('ETag') as string;
    expect(tag).toBeTruthy();
    const again = await call(path, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=300');
    const index = await call('/');
    const cached = await call('/', { headers: { 'If-None-Match': index.headers.get('ETag') as string } });
    expect(cached.status).toBe(304);
  });
});
