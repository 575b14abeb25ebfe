import { describe, expect, it } from 'vitest';
import type { Comparison, ScenarioTotal } from '../../src/domain/comparison.ts';
import { toCsv } from '../../src/formats/csv.ts';
import { call, callJson, csvRecords, parseCsv, SEED_IDS } from '../helpers.ts';

const query = `scenarios=${SEED_IDS.join(',')}`;

describe('the CSV comparison', async () => {
  const { body: json } = await callJson<Comparison>(`/v1/compare?${query}`);
  const response = await call(`/v1/compare?${query}&format=csv`);
  const text = await response.text();
  const records = csvRecords(text);
  const find = (section: string, key: string, scenario: string) =>
    records.find((r) => r.section === section && r.key === key && r.scenario === scenario);

  it('is UTF-8 with a BOM, CRLF line ends and one header row', async () => {
    const bytes = new Uint8Array(await (await call(`/v1/compare?${query}&format=csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Response.text() decodes UTF-8 and drops the BOM, as a CSV reader does.
    expect(text.split('\r\n')[0]).toBe('section,key,label,scenario,value,low,high,unit,sources');
    expect(text.endsWith('\r\n')).toBe(true);
    const widths = new Set(parseCsv(text).map((row) => row.length));
    expect([...widths]).toEqual([9]);
  });

  it('gives every region × scenario interval exactly as the JSON does', () => {
    for (const region of json.territory.regions) {
      for (const id of SEED_IDS) {
        const o = region.scenarios[id];
        for (const measure of ['russianShare', 'russianKm2', 'changeKm2'] as const) {
          const row = find('territory', `${region.region}.${measure}`, id);
          expect(row, `${region.region}.${measure} ${id}`).toBeDefined();
          expect(Number(row?.low)).toBe(o?.[measure].low);
          expect(Number(row?.high)).toBe(o?.[measure].high);
        }
        expect(find('territory', `${region.region}.outcome`, id)?.value).toBe(o?.outcome);
      }
      expect(Number(find('territory', `${region.region}.russianKm2`, 'baseline')?.value)).toBe(
        region.baseline.russianKm2,
      );
    }
  });

  it('gives the totals, issues, stances and pairs as the JSON does', () => {
    for (const id of SEED_IDS) {
      const t = json.territory.totals[id] as ScenarioTotal;
      expect(Number(find('totals', 'russianKm2', id)?.low)).toBe(t.russianKm2.low);
      expect(Number(find('totals', 'shareOfUkraine', id)?.high)).toBe(t.shareOfUkraine.high);
      expect(find('totals', 'unquantified', id)?.value).toBe(t.unquantified.join('; '));
      expect(find('totals', 'notAddressed', id)?.value).toBe(t.notAddressed.join('; '));
      expect(find('totals', 'notReported', id)?.value).toBe(t.notReported.join('; '));
      for (const issue of json.issues) {
        expect(find('issue', `${issue.issue}.position`, id)?.value).toBe(issue.positions[id]?.position);
        expect(find('issue', `${issue.issue}.detail`, id)?.value).toBe(issue.positions[id]?.detail);
      }
      for (const stance of json.stances) {
        const s = stance.positions[id];
        expect(find('stance', `${stance.party}.stance`, id)?.value).toBe(s?.stance);
        // The words without added quotation marks, and their kind beside them.
        expect(find('stance', `${stance.party}.quote`, id)?.value).toBe(s?.quote?.text);
        expect(find('stance', `${stance.party}.quoteKind`, id)?.value).toBe(s?.quote?.kind);
      }
    }
    for (const pair of json.pairwise) {
      expect(Number(find('pairwise', 'territoryGapKm2', `${pair.a} vs ${pair.b}`)?.value)).toBe(
        pair.territoryGapKm2,
      );
    }
    expect(records.filter((r) => r.section === 'source').map((r) => r.key)).toEqual(
      json.sources.map((s) => s.id),
    );
  });

  it('quotes fields per RFC 4180', () => {
    const csv = toCsv([
      {
        section: 's',
        key: 'k',
        label: 'a, b',
        scenario: 'x',
        value: 'say "hi"\r\nthere',
        low: 1.5,
        high: 2,
        unit: 'km2',
        sources: undefined,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('s,k,"a, b",x,"say ""hi""');
    expect(parseCsv(csv)[1]).toEqual(['s', 'k', 'a, b', 'x', 'say "hi"\r\nthere', '1.5', '2', 'km2', '']);
  });
});
