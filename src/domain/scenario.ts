import { z } from 'zod';
import { IdSchema, IsoDateSchema, ShareSchema, SourceIdsSchema, textSchema } from './primitives.ts';
import { RegionIdSchema } from './reference.ts';

/**
 * One bound of a share after a scenario: a number in 0..1, or "baseline", meaning the share
 * under Russian control at whichever baseline the comparison uses (e.g. a freeze on the line).
 */
export const ShareBoundSchema = z.union([ShareSchema, z.literal('baseline')], {
  error: 'must be a number from 0 to 1, or "baseline"',
});
export type ShareBound = z.infer<typeof ShareBoundSchema>;

export const ShareIntervalSchema = z
  .object({ low: ShareBoundSchema, high: ShareBoundSchema })
  .strict()
  .refine((s) => typeof s.low !== 'number' || typeof s.high !== 'number' || s.low <= s.high, {
    message: 'low must not exceed high',
    path: ['low'],
  })
  .meta({
    id: 'ShareInterval',
    description:
      'Share of the region under Russian control after the scenario, as an interval (equal bounds when certain). A bound may be "baseline": the share at the baseline used.',
  });
export type ShareInterval = z.infer<typeof ShareIntervalSchema>;

export const TerritoryOutcomeSchema = z.enum([
  'ceded-to-russia',
  'recognised-as-russian',
  'frozen-at-line',
  'returned-to-ukraine',
  'partly-returned-to-ukraine',
  'demilitarised-zone',
  'free-economic-zone',
  'claim-dropped',
  'ambiguous',
  'unspecified',
]);
export type TerritoryOutcome = z.infer<typeof TerritoryOutcomeSchema>;

export const LegalStatusSchema = z.enum(['de-jure', 'de-facto', 'none', 'unspecified']);
export type LegalStatus = z.infer<typeof LegalStatusSchema>;

/** One reported reading of an ambiguous clause. */
export const ReadingSchema = z
  .object({
    outcome: TerritoryOutcomeSchema,
    russianShare: ShareIntervalSchema,
    note: textSchema(1000).min(1),
    sources: SourceIdsSchema,
  })
  .strict();

export const TerritoryTermSchema = z
  .object({
    region: RegionIdSchema,
    outcome: TerritoryOutcomeSchema,
    legalStatus: LegalStatusSchema,
    russianShare: ShareIntervalSchema.optional().describe('Omitted: the share stays at the baseline.'),
    quantified: z
      .boolean()
      .describe(
        'true when a source gives the share; false when it is only bounded by the direction of the outcome.',
      ),
    readings: z
      .array(ReadingSchema)
      .min(2)
      .max(5)
      .optional()
      .describe('Where reports disagree, each reading.'),
    note: textSchema(2000).optional(),
    sources: SourceIdsSchema,
  })
  .strict()
  .meta({ id: 'TerritoryTerm', description: 'What a scenario does to one region.' });
export type TerritoryTerm = z.infer<typeof TerritoryTermSchema>;

export const IssueTermSchema = z
  .object({
    issue: IdSchema,
    position: IdSchema.describe('Short code for the position, e.g. "no-nato" or "cap".'),
    detail: textSchema(2000).min(1),
    value: z
      .object({ amount: z.number().finite(), unit: textSchema(40).min(1) })
      .strict()
      .optional()
      .describe('A number the term sets, e.g. an army cap of 600000 "troops".'),
    sources: SourceIdsSchema,
  })
  .strict()
  .meta({ id: 'IssueTerm', description: 'What a scenario says on one issue.' });
export type IssueTerm = z.infer<typeof IssueTermSchema>;

export const StanceKindSchema = z.enum([
  'proposes',
  'supports',
  'conditional',
  'mixed',
  'opposes',
  'no-public-position',
]);
export type StanceKind = z.infer<typeof StanceKindSchema>;

export const StanceSchema = z
  .object({
    party: IdSchema,
    stance: StanceKindSchema,
    quote: textSchema(2000)
      .min(1)
      .optional()
      .describe('Omitted when no public quote was found; the note says why.'),
    speaker: textSchema(300).min(1),
    date: IsoDateSchema,
    note: textSchema(2000).optional(),
    sources: SourceIdsSchema,
  })
  .strict()
  .refine((s) => s.quote !== undefined || s.note !== undefined, {
    message: 'a stance without a quote needs a note saying why',
    path: ['note'],
  })
  .meta({
    id: 'Stance',
    description: 'A party’s public stance on a scenario, with the quote and its source.',
  });
export type Stance = z.infer<typeof StanceSchema>;

export const ScenarioStatusSchema = z.enum([
  'reported-demand',
  'proposal',
  'public-position',
  'draft',
  'counter-proposal',
  'framework',
  'what-if',
]);

const isUnique = (keys: string[]): boolean => new Set(keys).size === keys.length;

export const ScenarioSchema = z
  .object({
    id: IdSchema.refine((id) => id !== 'baseline', '"baseline" is reserved'),
    title: textSchema(200).min(1),
    summary: textSchema(3000).min(1),
    proposers: z.array(IdSchema).min(1).max(10),
    date: IsoDateSchema,
    venue: textSchema(300).min(1),
    status: ScenarioStatusSchema,
    supersedes: IdSchema.optional().describe('The same party’s earlier position that this one replaces.'),
    sources: SourceIdsSchema,
    territory: z
      .array(TerritoryTermSchema)
      .max(20)
      .refine((items) => isUnique(items.map((t) => t.region)), 'each region appears at most once'),
    terms: z
      .array(IssueTermSchema)
      .max(50)
      .refine((items) => isUnique(items.map((t) => t.issue)), 'each issue appears at most once'),
    stances: z
      .array(StanceSchema)
      .max(20)
      .refine((items) => isUnique(items.map((s) => s.party)), 'each party appears at most once'),
  })
  .strict()
  .meta({
    id: 'Scenario',
    description:
      'A publicly reported negotiation position, with its territorial terms, issue terms and stances.',
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A scenario as stored in scenarios/<id>.json: may name its JSON Schema for editors. */
export const ScenarioFileSchema = ScenarioSchema.extend({
  $schema: z.string().max(300).optional(),
}).strict();
