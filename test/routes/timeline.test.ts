import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/domain/timeline.ts';
import { call, callJson, csvRecords } from '../helpers.ts';

describe('GET /v1/parties/{id}/timeline', async () => {
  const { response, body } = await callJson<Timeline>('/v1/parties/russia/timeline');

  it('returns Russia’s positions in date order with typed changes between them', () => {
    expect(response.status).toBe(200);
    const ids = body.positions.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['anchorage-2025-08', 'donetsk-swap-2025-10']));
    const dates = body.positions.map((p) => p.date);
    expect([...dates].sort()).toEqual(dates);
    for (const p of body.positions) expect(p.proposers).toContain('russia');
    expect(body.steps).toHaveLength(body.positions.length - 1);
    body.steps.forEach((step, i) => {
      expect(step.from).toBe(ids[i]);
      expect(step.to).toBe(ids[i + 1]);
      for (const change of step.changes) {
        expect(['added', 'removed', 'changed', 'not-restated']).toContain(change.kind);
        expect(['region', 'issue']).toContain(change.subject);
        expect(change).toHaveProperty('to');
        if (change.kind !== 'added') expect(change).toHaveProperty('from');
        if ('russianKm2Delta' in change)
          expect(change.russianKm2Delta.low).toBeLessThanOrEqual(change.russianKm2Delta.high);
      }
    });
  });

  it('shows the Anchorage → October step as the October clause’s two readings allow', () => {
    const step = body.steps.find((s) => s.from === 'anchorage-2025-08' && s.to === 'donetsk-swap-2025-10');
    const zaporizhzhia = step?.changes.find((c) => c.subject === 'region' && c.region === 'zaporizhzhia');
    expect(zaporizhzhia).toMatchObject({ kind: 'changed', direction: 'less-under-russian-control' });
    expect(zaporizhzhia && 'russianKm2Delta' in zaporizhzhia && zaporizhzhia.russianKm2Delta.high).toBe(0);
  });

  it('calls what a later position is silent on not-restated, never removed', () => {
    const step = body.steps.find((s) => s.from === 'anchorage-2025-08' && s.to === 'donetsk-swap-2025-10');
    const kinds = new Map(step?.changes.map((c) => [c.subject === 'region' ? c.region : c.issue, c.kind]));
    // The reports of the October call say nothing on NATO or on Crimea, which Anchorage addressed.
    expect(kinds.get('nato-neutrality')).toBe('not-restated');
    expect(kinds.get('crimea')).toBe('not-restated');
    // No source says Russia dropped any of its demands.
    expect(body.steps.flatMap((s) => s.changes).filter((c) => c.kind === 'removed')).toEqual([]);
  });

  it('cites every source the positions use', () => {
    const listed = new Set(body.sources.map((s) => s.id));
    for (const step of body.steps)
      for (const change of step.changes) for (const id of change.sources) expect(listed).toContain(id);
  });

  it('comes as CSV, one row per change', async () => {
    const csv = await call('/v1/parties/russia/timeline?format=csv');
    expect(csv.headers.get('Content-Disposition')).toContain('timeline-russia-2026-01-01.csv');
    const records = csvRecords(await csv.text());
    const changes = records.filter((r) => r.section === 'change');
    expect(changes).toHaveLength(body.steps.reduce((n, s) => n + s.changes.length, 0));
    expect(changes[0]?.value).toMatch(/^(added|removed|changed|not restated)\b/);
  });

  it('writes shares in the change text as the pages do, with one decimal', async () => {
    const records = csvRecords(await (await call('/v1/parties/russia/timeline?format=csv')).text());
    const texts = records.filter((r) => r.section === 'change').map((r) => String(r.value));
    const shares = texts.flatMap((text) => text.match(/[\d.–]+%/g) ?? []);
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) expect(share).toMatch(/^\d+\.\d(–\d+\.\d)?%$/);
    expect(texts).toContain(
      'changed: recognised-as-russian (de-jure), 100.0% under Russian control → frozen-at-line (unspecified), 72.0% under Russian control',
    );
  });

  it('comes as XLSX: the positions compared, plus a Changes sheet', async () => {
    const xlsx = await call('/v1/parties/russia/timeline?format=xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toContain('Changes');
    const changes = workbook.getWorksheet('Changes') as ExcelJS.Worksheet;
    expect(changes.rowCount - 1).toBe(body.steps.reduce((n, s) => n + s.changes.length, 0));
    const changeTexts = changes.getColumn(8).values.slice(2).map(String);
    expect(changeTexts).toContain(
      'changed: recognised-as-russian (de-jure), 100.0% under Russian control → frozen-at-line (unspecified), 72.0% under Russian control',
    );
    expect(workbook.getWorksheet('Summary')?.getRow(1).values).toEqual([
      undefined,
      'Scenario',
      ...body.positions.map((p) => p.id),
    ]);
  });

  it('answers an unknown party with a 404 listing the valid ones', async () => {
    const { response: r, body: problem } = await callJson<{ validIds: string[] }>(
      '/v1/parties/narnia/timeline',
    );
    expect(r.status).toBe(404);
    expect(problem.validIds).toEqual(
      expect.arrayContaining(['russia', 'ukraine', 'united-states', 'european-allies']),
    );
  });

  it('answers a repeat carrying the ETag with a 304', async () => {
    const again = await call('/v1/parties/russia/timeline', {
      headers: { 'If-None-Match': response.headers.get('ETag') as string },
    });
    expect(again.status).toBe(304);
  });
});

describe('GET /v1/scenarios filters', () => {
  it('filters by party and date range', async () => {
    const { body } = await callJson<{
      count: number;
      scenarios: { id: string; date: string; proposers: string[] }[];
    }>('/v1/scenarios?party=russia&from=2025-06-01&to=2025-12-31');
    expect(body.count).toBe(body.scenarios.length);
    expect(body.scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['anchorage-2025-08', 'donetsk-swap-2025-10']),
    );
    for (const s of body.scenarios) {
      expect(s.proposers).toContain('russia');
      expect(s.date >= '2025-06-01' && s.date <= '2025-12-31').toBe(true);
    }
  });

  it('lists at least seven scenarios without filters', async () => {
    const { body } = await callJson<{ count: number }>('/v1/scenarios');
    expect(body.count).toBeGreaterThanOrEqual(7);
  });

  it.each([
    ['party=narnia', 'party'],
    ['from=2025-13-01', 'from'],
    ['from=2025-12-01&to=2025-01-01', 'from'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const { response, body } = await callJson<{ errors: { path: string }[] }>(`/v1/scenarios?${query}`);
    expect(response.status).toBe(400);
    expect(body.errors.map((e) => e.path)).toContain(field);
  });
});

describe('the baseline and format parameters', () => {
  it('are validated alike on the comparison and the timeline: a malformed date 400, an unknown one 404', async () => {
    for (const base of ['/v1/compare?scenarios=anchorage-2025-08&', '/v1/parties/russia/timeline?']) {
      const malformed = await call(`${base}baseline=2026-13-45`);
      expect(malformed.status, base).toBe(400);
      await malformed.arrayBuffer();
      const unknown = await call(`${base}baseline=1999-01-01`);
      expect(unknown.status, base).toBe(404);
      await unknown.arrayBuffer();
      const format = await call(`${base}format=pdf`);
      expect(format.status, base).toBe(406);
      await format.arrayBuffer();
    }
  });
});
