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

/**
 * How a scenario records silence on a region or an issue: `not-addressed` when the published text
 * says nothing; `not-reported` when the text is not public and the reporting says nothing.
 */
export const SILENCE = ['not-addressed', 'not-reported'] as const;
export const SilenceSchema = z.enum(SILENCE);
export type Silence = z.infer<typeof SilenceSchema>;

/** Whether an outcome or position code records silence rather than a position. */
export const isSilence = (code: string): code is Silence => (SILENCE as readonly string[]).includes(code);

/** The issue position a source says was dropped from an earlier demand (a timeline's `removed`). */
export const DROPPED = 'dropped';

export const TerritoryOutcomeSchema = z
  .enum([
    'under-russian-control',
    'recognised-as-russian',
    'frozen-at-line',
    'returned-to-ukraine',
    'partly-returned-to-ukraine',
    'demilitarised-zone',
    'free-economic-zone',
    'claim-dropped',
    'ambiguous',
    'unspecified',
    ...SILENCE,
  ])
  .describe(
    'What the scenario does to the region. under-russian-control: the region would come under Russian control (e.g. a Ukrainian withdrawal is demanded), saying nothing of a legal act (see legalStatus). not-addressed / not-reported: the scenario is silent (its published text says nothing / its text is not public and the reporting says nothing).',
  );
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
      .optional()
      .describe(
        'true when a source gives the share; false when it is only bounded by the direction of the outcome. Required unless the region is not addressed or not reported and held at the baseline.',
      ),
    readings: z
      .array(ReadingSchema)
      .min(2)
      .max(5)
      .optional()
      .describe('Where reports disagree, each reading; the share is then not quantified.'),
    note: textSchema(2000).optional(),
    sources: SourceIdsSchema,
  })
  .strict()
  .superRefine((term, ctx) => {
    const silent = isSilence(term.outcome);
    if (term.readings && term.quantified !== false) {
      ctx.addIssue({
        code: 'custom',
        path: ['quantified'],
        message: 'a region with readings is not quantified: set quantified to false',
      });
    }
    if (!silent && term.quantified === undefined) {
      ctx.addIssue({ code: 'custom', path: ['quantified'], message: 'say whether a source gives the share' });
    }
    if (silent && term.readings) {
      ctx.addIssue({
        code: 'custom',
        path: ['readings'],
        message: `a region that is ${term.outcome} has no readings`,
      });
    }
    if (silent && term.russianShare && (term.quantified !== false || term.note === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [term.quantified !== false ? 'quantified' : 'note'],
        message: `a region that is ${term.outcome} may be bounded only with quantified: false and a note saying why`,
      });
    }
  })
  .meta({
    id: 'TerritoryTerm',
    description:
      'What a scenario does to one region, or why it says nothing (not-addressed, not-reported). A silent region counts at the baseline share unless it is bounded, with quantified: false and a note.',
  });
export type TerritoryTerm = z.infer<typeof TerritoryTermSchema>;

export const IssueTermSchema = z
  .object({
    issue: IdSchema,
    position: IdSchema.describe(
      'Short code for the position, e.g. "no-nato"; "not-addressed" or "not-reported" when the scenario is silent; "dropped" when a source says an earlier demand was dropped.',
    ),
    detail: textSchema(2000).min(1),
    value: z
      .object({ amount: z.number().finite(), unit: textSchema(40).min(1) })
      .strict()
      .optional()
      .describe('A number the term sets, e.g. an army of 800000 "troops in peacetime".'),
    sources: SourceIdsSchema,
  })
  .strict()
  .refine((term) => !(isSilence(term.position) && term.value), {
    message: 'a silent position carries no value',
    path: ['value'],
  })
  .meta({ id: 'IssueTerm', description: 'What a scenario says on one issue, or why it says nothing.' });
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

export const QuoteKindSchema = z
  .enum(['verbatim', 'translation', 'paraphrase'])
  .describe(
    'verbatim: the words as published by the speaker or a wire transcript; translation: a translation of the words, from `language`; paraphrase: an outlet’s rendering, never shown in quotation marks.',
  );
export type QuoteKind = z.infer<typeof QuoteKindSchema>;

export const QuoteSchema = z
  .object({
    text: textSchema(2000).min(1),
    kind: QuoteKindSchema,
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code, e.g. "ru" or "uk"')
      .optional()
      .describe('For a translation: the language the words were spoken or written in (ISO 639).'),
  })
  .strict()
  .refine((quote) => (quote.kind === 'translation') === (quote.language !== undefined), {
    message: 'give the original language for a translation, and only for a translation',
    path: ['language'],
  })
  .meta({
    id: 'Quote',
    description: 'What a party said, and whether it is verbatim, translated or paraphrased.',
  });
export type Quote = z.infer<typeof QuoteSchema>;

export const StanceSchema = z
  .object({
    party: IdSchema,
    stance: StanceKindSchema,
    quote: QuoteSchema.optional().describe('Omitted when no public quote was found; the note says why.'),
    speaker: textSchema(300)
      .min(1)
      .optional()
      .describe('Who spoke; an anonymous official stays anonymous. Omitted only for no-public-position.'),
    date: IsoDateSchema.optional().describe('When it was said. Omitted only for no-public-position.'),
    note: textSchema(2000).optional(),
    sources: SourceIdsSchema,
  })
  .strict()
  .superRefine((stance, ctx) => {
    if (stance.quote === undefined && stance.note === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'a stance without a quote needs a note saying why',
      });
    }
    if (stance.stance === 'no-public-position') {
      if (stance.quote !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['quote'],
          message: 'no-public-position has no quote: keep the remarks there are in the note',
        });
      }
      return;
    }
    for (const field of ['speaker', 'date'] as const) {
      if (stance[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `a ${stance.stance} stance needs its ${field}`,
        });
      }
    }
  })
  .meta({
    id: 'Stance',
    description:
      'A party’s public stance on a scenario, resting on what the party said about this scenario, with the quote and its source. no-public-position: nothing the party said names it (remarks that do not are kept in the note).',
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

/** A dated correction to a scenario: what changed and why. */
export const CorrectionSchema = z
  .object({
    date: IsoDateSchema,
    change: textSchema(2000).min(1),
    reason: textSchema(2000).min(1),
    sources: SourceIdsSchema.optional(),
  })
  .strict()
  .meta({ id: 'Correction', description: 'A dated change to the data: what changed and why.' });
export type Correction = z.infer<typeof CorrectionSchema>;

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
    corrections: z
      .array(CorrectionSchema)
      .max(100)
      .optional()
      .describe('Dated corrections to this scenario since it was first published, oldest first.'),
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
