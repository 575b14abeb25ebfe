import type { ComparisonReference } from '../../src/domain/compare.ts';
import type { Baseline, Issue, Party, Region, RegionId, Source } from '../../src/domain/reference.ts';
import type { IssueTerm, Scenario, Stance, TerritoryTerm } from '../../src/domain/scenario.ts';

/** Small, explicit test data: two regions, two issues, two parties, one source. */
export const SOURCE: Source = {
  id: 'src',
  publisher: 'Test Publisher',
  title: 'Test',
  date: '2025-01-01',
  kind: 'report',
};

export const region = (id: RegionId, areaKm2: number): Region => ({
  id,
  name: `${id} oblast`,
  areaKm2,
  areaSources: ['src'],
});

export const REGIONS: Region[] = [region('donetsk', 1000), region('kherson', 2000)];
export const ISSUES: Issue[] = [
  { id: 'army-size', label: 'Army size', description: 'Caps on the armed forces.' },
  { id: 'nato-neutrality', label: 'NATO', description: 'Alliance status.' },
];
export const PARTIES: Party[] = [
  { id: 'russia', name: 'Russia' },
  { id: 'ukraine', name: 'Ukraine' },
];

export function reference(overrides: Partial<ComparisonReference> = {}): ComparisonReference {
  return {
    datasetVersion: 'test',
    ukraineAreaKm2: 10_000,
    regions: REGIONS,
    issues: ISSUES,
    parties: PARTIES,
    sourcesById: new Map([[SOURCE.id, SOURCE]]),
    ...overrides,
  };
}

export function baseline(shares: Partial<Record<RegionId, number>>, id = '2025-01-01'): Baseline {
  return {
    id,
    asOf: id,
    title: 'Test baseline',
    method: 'test',
    sources: ['src'],
    shares: Object.entries(shares).map(([r, russianShare]) => ({
      region: r as RegionId,
      russianShare: russianShare as number,
      basis: 'reported' as const,
      sources: ['src'],
    })),
  };
}

export function territory(
  regionId: RegionId,
  russianShare: TerritoryTerm['russianShare'],
  extra: Partial<TerritoryTerm> = {},
): TerritoryTerm {
  return {
    region: regionId,
    outcome: 'under-russian-control',
    legalStatus: 'unspecified',
    ...(russianShare && { russianShare }),
    quantified: true,
    sources: ['src'],
    ...extra,
  };
}

export function scenario(id: string, parts: Partial<Scenario> = {}): Scenario {
  return {
    id,
    title: `Scenario ${id}`,
    summary: 'A test scenario.',
    proposers: ['russia'],
    date: '2025-06-01',
    venue: 'Test venue',
    status: 'proposal',
    sources: ['src'],
    territory: [],
    terms: [],
    stances: [],
    ...parts,
  };
}

/** An issue term; a value when an amount is given (e.g. an army of 600000 troops). */
export function issueTerm(issue: string, position: string, extra: Partial<IssueTerm> = {}): IssueTerm {
  return { issue, position, detail: `${position}.`, sources: ['src'], ...extra };
}

/** An army-size term setting the given number of troops. */
export const armySize = (amount: number, position = 'cap'): IssueTerm =>
  issueTerm('army-size', position, { detail: `Capped at ${amount}.`, value: { amount, unit: 'troops' } });

/** A stance with a verbatim quote. */
export function stance(party: string, kind: Stance['stance'], extra: Partial<Stance> = {}): Stance {
  return {
    party,
    stance: kind,
    quote: { text: 'We propose.', kind: 'verbatim' },
    speaker: 'Someone',
    date: '2025-06-01',
    sources: ['src'],
    ...extra,
  };
}
