import { z } from 'zod';
import { BaselineSchema, RegionIdSchema, SourceSchema } from './reference.ts';
import {
  LegalStatusSchema,
  QuoteSchema,
  ScenarioSchema,
  StanceKindSchema,
  TerritoryOutcomeSchema,
} from './scenario.ts';

/** A closed interval of numbers; low ≤ high. */
export const IntervalSchema = z
  .object({ low: z.number(), high: z.number() })
  .meta({ id: 'Interval', description: 'A closed interval; low ≤ high. Equal bounds when certain.' });
export type Interval = z.infer<typeof IntervalSchema>;

export const ScenarioSummarySchema = ScenarioSchema.pick({
  id: true,
  title: true,
  summary: true,
  proposers: true,
  date: true,
  venue: true,
  status: true,
  supersedes: true,
  sources: true,
  corrections: true,
}).meta({ id: 'ScenarioSummary', description: 'A scenario without its territory, terms and stances.' });
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ComparedBaselineSchema = BaselineSchema.omit({ shares: true }).meta({
  id: 'ComparedBaseline',
  description: 'The baseline a comparison is made against (its per-region shares are in territory.regions).',
});
export type ComparedBaseline = z.infer<typeof ComparedBaselineSchema>;

export const RegionOutcomeSchema = z
  .object({
    addressed: z
      .boolean()
      .describe(
        'false when the scenario is silent on the region (outcome not-addressed or not-reported): it counts at its baseline share unless bounded.',
      ),
    outcome: TerritoryOutcomeSchema,
    legalStatus: LegalStatusSchema,
    quantified: z
      .boolean()
      .describe(
        'false when no source gives the share and the interval only bounds it. A silent region held at the baseline is true (exact by convention) and listed in the totals as not addressed or not reported.',
      ),
    russianShare: IntervalSchema,
    russianKm2: IntervalSchema,
    changeKm2: IntervalSchema.describe(
      'russianKm2 minus the baseline km²; positive means more under Russian control.',
    ),
    readings: z
      .array(
        z.object({
          outcome: TerritoryOutcomeSchema,
          russianShare: IntervalSchema,
          note: z.string(),
          sources: z.array(z.string()),
        }),
      )
      .optional(),
    note: z.string().optional(),
    sources: z.array(z.string()),
  })
  .meta({
    id: 'RegionOutcome',
    description: 'What one scenario does to one region, resolved against the baseline.',
  });
export type RegionOutcome = z.infer<typeof RegionOutcomeSchema>;

export const TerritoryRowSchema = z
  .object({
    region: RegionIdSchema,
    name: z.string(),
    areaKm2: z.number(),
    baseline: z.object({
      russianShare: z.number(),
      russianKm2: z.number(),
      basis: z.enum(['reported', 'derived', 'assumed']),
      note: z.string().optional(),
      sources: z.array(z.string()),
    }),
    scenarios: z.record(z.string(), RegionOutcomeSchema),
  })
  .meta({
    id: 'TerritoryRow',
    description: 'One region: its area, baseline control and each scenario’s outcome.',
  });
export type TerritoryRow = z.infer<typeof TerritoryRowSchema>;

export const ScenarioTotalSchema = z
  .object({
    russianKm2: IntervalSchema,
    changeKm2: IntervalSchema,
    shareOfUkraine: IntervalSchema,
    unquantified: z
      .array(RegionIdSchema)
      .describe('Regions whose share is only bounded, not given by a source.'),
    notAddressed: z
      .array(RegionIdSchema)
      .describe(
        'Regions the scenario’s published text says nothing on: counted at the baseline share unless bounded.',
      ),
    notReported: z
      .array(RegionIdSchema)
      .describe(
        'Regions on which the scenario’s text is not public and the reporting says nothing: counted at the baseline share unless bounded.',
      ),
  })
  .meta({ id: 'ScenarioTotal', description: 'Sums over the regions for one scenario.' });
export type ScenarioTotal = z.infer<typeof ScenarioTotalSchema>;

export const BaselineTotalSchema = z.object({ russianKm2: z.number(), shareOfUkraine: z.number() });

export const IssuePositionSchema = z.object({
  position: z
    .string()
    .describe(
      'Short code; "not-addressed" (the published text says nothing) or "not-reported" (the text is not public and the reporting says nothing) when the scenario is silent on the issue.',
    ),
  detail: z.string(),
  value: z.object({ amount: z.number(), unit: z.string() }).optional(),
  sources: z.array(z.string()),
});
export type IssuePosition = z.infer<typeof IssuePositionSchema>;

export const IssueRowSchema = z
  .object({
    issue: z.string(),
    label: z.string(),
    differs: z
      .boolean()
      .describe(
        'true when the scenarios do not all take the same position (code and value); not-addressed and not-reported count as the same silence.',
      ),
    positions: z.record(z.string(), IssuePositionSchema),
  })
  .meta({ id: 'IssueRow', description: 'One issue: each scenario’s position.' });
export type IssueRow = z.infer<typeof IssueRowSchema>;

export const ComparedStanceSchema = z.object({
  stance: z.union([StanceKindSchema, z.literal('not-recorded')]),
  quote: QuoteSchema.optional(),
  speaker: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
  sources: z.array(z.string()),
});
export type ComparedStance = z.infer<typeof ComparedStanceSchema>;

export const StanceRowSchema = z
  .object({ party: z.string(), name: z.string(), positions: z.record(z.string(), ComparedStanceSchema) })
  .meta({ id: 'StanceRow', description: 'One party: its stance on each scenario.' });
export type StanceRow = z.infer<typeof StanceRowSchema>;

export const PairSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    differingIssues: z.array(z.string()),
    territoryGapKm2: z
      .number()
      .describe('Σ over regions of area × |midpoint share in a − midpoint share in b|.'),
  })
  .meta({ id: 'Pair', description: 'Where two scenarios differ.' });
export type Pair = z.infer<typeof PairSchema>;

export const ComparisonSchema = z
  .object({
    datasetVersion: z.string(),
    ukraineAreaKm2: z.number(),
    baseline: ComparedBaselineSchema,
    scenarios: z.array(ScenarioSummarySchema),
    territory: z.object({
      regions: z.array(TerritoryRowSchema),
      totals: z
        .object({ baseline: BaselineTotalSchema })
        .catchall(ScenarioTotalSchema)
        .describe('"baseline", then one entry per scenario id.'),
    }),
    issues: z.array(IssueRowSchema),
    stances: z.array(StanceRowSchema),
    pairwise: z.array(PairSchema),
    sources: z.array(SourceSchema),
  })
  .meta({ id: 'Comparison', description: 'Scenarios side by side against a dated baseline.' });
export type Comparison = z.infer<typeof ComparisonSchema>;
