import { describe, expect, it } from 'vitest';
import { call, callJson, csvRecords, SEED_IDS } from '../helpers.ts';
import { createSaved, newClient, putSaved, retitled, SAVED_BODY } from './saved-helpers.ts';

const HOSTILE_TITLE = '=HYPERLINK("http://example.invalid","click")';

describe('comparisons with saved scenarios', () => {
  it('compares saved:<id> (latest) beside catalogue ids, under saved:<id>@<revision>', async () => {
    const created = await createSaved();
    const { response, body } = await callJson<{ scenarios: { id: string; title: string }[] }>(
      `/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}`,
    );
    expect(response.status).toBe(200);
    expect(body.scenarios.map((s) => s.id)).toEqual([SEED_IDS[0], `saved:${created.id}@1`]);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const etag1 = response.headers.get('ETag');

    const ok = await putSaved(created.id, retitled('Second'), {
      Authorization: `Bearer ${created.editToken}`,
      'If-Match': created.etag,
    });
    expect(ok.status).toBe(200);
    const latest = await callJson<{ scenarios: { id: string; title: string }[] }>(
      `/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}`,
    );
    expect(latest.body.scenarios[1]).toMatchObject({ id: `saved:${created.id}@2`, title: 'Second' });
    expect(latest.response.headers.get('ETag')).not.toBe(etag1);

    const pinned = await callJson<{ scenarios: { id: string; title: string }[] }>(
      `/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}@1`,
    );
    expect(pinned.body.scenarios[1]).toMatchObject({
      id: `saved:${created.id}@1`,
      title: SAVED_BODY.scenario.title,
    });
    expect(pinned.response.headers.get('ETag')).toBe(etag1);
    const revalidated = await call(`/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}@1`, {
      headers: { 'If-None-Match': etag1 ?? '' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('names the revision in file names, and keeps stored text inert in CSV and XLSX', async () => {
    const created = await createSaved({
      ...SAVED_BODY,
      scenario: { ...SAVED_BODY.scenario, title: HOSTILE_TITLE },
    });
    const xlsx = await call(`/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('Content-Disposition')).toContain(`saved-${created.id}-1`);
    const csv = await call(`/v1/compare?scenarios=${SEED_IDS[0]},saved:${created.id}&format=csv`);
    const text = await csv.text();
    const cells = csvRecords(text).flatMap((r) => Object.values(r));
    expect(cells).toContain(`'${HOSTILE_TITLE}`);
    expect(cells).not.toContain(HOSTILE_TITLE);
  });

  it('escapes stored text on the comparison page', async () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const created = await createSaved({ ...SAVED_BODY, scenario: { ...SAVED_BODY.scenario, title } });
    const page = await call(`/compare?scenarios=${SEED_IDS[0]},saved:${created.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(title);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('takes saved references in POST /v1/compare and on the comparison page', async () => {
    const created = await createSaved();
    const post = await callJson<{ scenarios: { id: string }[] }>('/v1/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenarios: [SEED_IDS[1], `saved:${created.id}@1`] }),
    });
    expect(post.response.status).toBe(200);
    expect(post.body.scenarios.map((s) => s.id)).toEqual([SEED_IDS[1], `saved:${created.id}@1`]);

    const page = await call(`/compare?scenarios=${SEED_IDS[0]},saved:${created.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(SAVED_BODY.scenario.title);
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers unknown, malformed and deleted saved references with problems, never a 500', async () => {
    const unknown = await call(`/v1/compare?scenarios=${SEED_IDS[0]},saved:aaaaaaaaaaaaaaaaaaaaaaaaaa`);
    expect(unknown.status).toBe(404);
    const malformed = await callJson<{ errors: { path: string }[] }>(`/v1/compare?scenarios=saved:NOPE`);
    expect(malformed.response.status).toBe(400);
    expect(malformed.body.errors[0]?.path).toBe('scenarios');
    const created = await createSaved();
    const noRevision = await call(`/v1/compare?scenarios=saved:${created.id}@9`);
    expect(noRevision.status).toBe(404);
    const deleted = await call(`/v1/saved-scenarios/${created.id}`, {
      method: 'DELETE',
      headers: {
        Authorization: `Bearer ${created.editToken}`,
        'If-Match': created.etag,
        'CF-Connecting-IP': newClient(),
      },
    });
    expect(deleted.status).toBe(204);
    expect((await call(`/v1/compare?scenarios=saved:${created.id}`)).status).toBe(410);
    expect((await call(`/compare?scenarios=saved:${created.id}`)).status).toBe(410);
  });
});
