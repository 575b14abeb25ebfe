import { z } from 'zod';
import {
  ConfidenceSchema,
  IdSchema,
  IsoDateSchema,
  PartialDateSchema,
  ShareSchema,
  SourceIdsSchema,
  textSchema,
} from './primitives.ts';

export const SourceKindSchema = z.enum(['report', 'statement', 'official-text', 'dataset', 'analysis']);

/** Where a figure, term or quote comes from. */
export const SourceSchema = z
  .object({
    id: IdSchema,
    publisher: textSchema(200).min(1),
    title: textSchema(500).min(1),
    date: PartialDateSchema,
    url: z
      // Normalised once, here (scheme and host lower-case, as the URL parser writes them), so the
      // JSON, the CSV, the page and the workbook's hyperlinks all carry the same address.
      .url({ protocol: /^https?$/i, normalize: true })
      .max(2000)
      .optional(),
    via: textSchema(1000).optional().describe('The outlet(s) actually read, when the original was not.'),
    kind: SourceKindSchema,
    note: textSchema(1000).optional().describe('How the item was sourced, e.g. "two senior officials".'),
    confidence: ConfidenceSchema.optional(),
  })
  .strict()
  .meta({ id: 'Source', description: 'A publication, statement or dataset cited by the data.' });
export type Source = z.infer<typeof SourceSchema>;

export const RegionIdSchema = z.enum([
  'donetsk',
  'luhansk',
  'zaporizhzhia',
  'kherson',
  'crimea',
  'sevastopol',
  'kharkiv',
  'sumy',
  'dnipropetrovsk',
  'mykolaiv',
]);
export type RegionId = z.infer<typeof RegionIdSchema>;

/** A sourced figure with an optional note. */
const sourcedNumber = (description: string) =>
  z
    .object({
      value: z.number().nonnegative(),
      asOf: IsoDateSchema.optional(),
      note: textSchema(1000).optional(),
      sources: SourceIdsSchema,
    })
    .strict()
    .describe(description);

export const RegionSchema = z
  .object({
    id: RegionIdSchema,
    name: textSchema(120).min(1),
    areaKm2: z.number().positive(),
    areaNote: textSchema(1000).optional(),
    areaSources: SourceIdsSchema,
    population: sourcedNumber('Pre-war population, where a source gives one.').optional(),
  })
  .strict()
  .meta({ id: 'Region', description: 'An oblast or city of Ukraine that some scenario addresses.' });
export type Region = z.infer<typeof RegionSchema>;

export const RegionsFileSchema = z
  .object({
    ukraine: z
      .object({ areaKm2: z.number().positive(), note: textSchema(1000).optional(), sources: SourceIdsSchema })
      .strict(),
    regions: z.array(RegionSchema).min(1),
  })
  .strict();
export type RegionsFile = z.infer<typeof RegionsFileSchema>;

export const ShareBasisSchema = z
  .enum(['reported', 'derived', 'assumed'])
  .describe(
    'reported: a source gives the share; derived: arithmetic on reported figures; assumed: no figure found, see note.',
  );

export const BaselineShareSchema = z
  .object({
    region: RegionIdSchema,
    russianShare: ShareSchema,
    basis: ShareBasisSchema,
    note: textSchema(1000).optional(),
    sources: SourceIdsSchema,
  })
  .strict();

/** A dated snapshot of who controls how much of each region. */
export const BaselineSchema = z
  .object({
    id: IsoDateSchema.describe('The snapshot date, which is also its id.'),
    asOf: IsoDateSchema,
    title: textSchema(300).min(1),
    method: textSchema(1000)
      .min(1)
      .describe('What is counted, e.g. DeepState "occupied" or ISW "controls or claims".'),
    note: textSchema(2000).optional(),
    reportedTotal: z
      .object({
        russianKm2: z.number().nonnegative().optional(),
        shareOfUkraine: ShareSchema,
        note: textSchema(1000).optional(),
        sources: SourceIdsSchema,
      })
      .strict()
      .optional()
      .describe('The headline national figure the source reports, for comparison with the sum over regions.'),
    sources: SourceIdsSchema,
    shares: z.array(BaselineShareSchema).min(1).max(50),
  })
  .strict()
  .meta({
    id: 'Baseline',
    description: 'A dated snapshot of the share of each region under Russian control.',
  });
export type Baseline = z.infer<typeof BaselineSchema>;

export const PartySchema = z
  .object({
    id: IdSchema,
    name: textSchema(120).min(1),
    description: textSchema(1000).optional(),
  })
  .strict()
  .meta({ id: 'Party', description: 'A government or group of governments whose stance is recorded.' });
export type Party = z.infer<typeof PartySchema>;

export const IssueSchema = z
  .object({
    id: IdSchema,
    label: textSchema(120).min(1),
    description: textSchema(1000).min(1),
    paxCodes: z.array(z.string().max(20)).max(20).optional().describe('Related PA-X coding categories.'),
  })
  .strict()
  .meta({ id: 'Issue', description: 'A negotiation issue on which scenarios take positions.' });
export type Issue = z.infer<typeof IssueSchema>;

/** One entry of the dataset's changelog: what changed, when and why. */
export const ChangelogEntrySchema = z
  .object({
    date: IsoDateSchema,
    change: textSchema(2000).min(1),
    reason: textSchema(2000).min(1),
    scenarios: z
      .array(IdSchema)
      .max(50)
      .optional()
      .describe('The scenarios the change touches; omitted when it concerns the dataset as a whole.'),
    sources: SourceIdsSchema.optional(),
  })
  .strict()
  .meta({ id: 'ChangelogEntry', description: 'A dated change to the dataset: what changed and why.' });
export type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;
