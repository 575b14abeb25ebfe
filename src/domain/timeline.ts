import { z } from 'zod';
import { ComparedBaselineSchema, IntervalSchema, ScenarioSummarySchema } from './comparison.ts';
import { PartySchema, RegionIdSchema, SourceSchema } from './reference.ts';
import { LegalStatusSchema, TerritoryOutcomeSchema } from './scenario.ts';

/** What a position says about one region, resolved against the baseline. */
export const RegionStateSchema = z
  .object({
    addressed: z
      .boolean()
      .describe('false: the position is silent on the region (not addressed or not reported).'),
    outcome: TerritoryOutcomeSchema,
    legalStatus: LegalStatusSchema,
    quantified: z.boolean(),
    russianShare: IntervalSchema,
    russianKm2: IntervalSchema,
  })
  .meta({ id: 'RegionState' });
export type RegionState = z.infer<typeof RegionStateSchema>;

/** What a position says on one issue. */
export const IssueStateSchema = z
  .object({
    position: z.string(),
    detail: z.string(),
    value: z.object({ amount: z.number(), unit: z.string() }).optional(),
  })
  .meta({ id: 'IssueState' });
export type IssueState = z.infer<typeof IssueStateSchema>;

export const DirectionSchema = z
  .enum(['more-under-russian-control', 'less-under-russian-control', 'mixed', 'unchanged'])
  .describe('How the share under Russian control moves from the earlier position to the later one.');

const regionBase = {
  subject: z.literal('region'),
  region: RegionIdSchema,
  label: z.string(),
  sources: z.array(z.string()),
};
const regionDelta = {
  russianKm2Delta: IntervalSchema.describe(
    'Later minus earlier km² under Russian control, by interval subtraction [later low − earlier high, later high − earlier low]; a silent earlier position counts at its baseline share unless bounded.',
  ),
  direction: DirectionSchema,
};
const issueBase = {
  subject: z.literal('issue'),
  issue: z.string(),
  label: z.string(),
  sources: z.array(z.string()),
};

const NOT_RESTATED_DESCRIPTION =
  'The later position is silent (not addressed or not reported) on what the earlier one said. That is not a change of position: no source says the term was dropped, so no km² delta is computed.';

export const RegionChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('added'), ...regionBase, ...regionDelta, to: RegionStateSchema }),
  z.object({
    kind: z.literal('changed'),
    ...regionBase,
    ...regionDelta,
    from: RegionStateSchema,
    to: RegionStateSchema,
  }),
  z
    .object({
      kind: z.literal('not-restated'),
      ...regionBase,
      from: RegionStateSchema,
      to: RegionStateSchema,
    })
    .describe(NOT_RESTATED_DESCRIPTION),
]);
export const IssueChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('added'), ...issueBase, to: IssueStateSchema }),
  z
    .object({ kind: z.literal('removed'), ...issueBase, from: IssueStateSchema, to: IssueStateSchema })
    .describe('A source says the earlier demand was dropped (the later position is "dropped").'),
  z.object({ kind: z.literal('changed'), ...issueBase, from: IssueStateSchema, to: IssueStateSchema }),
  z
    .object({ kind: z.literal('not-restated'), ...issueBase, from: IssueStateSchema, to: IssueStateSchema })
    .describe(NOT_RESTATED_DESCRIPTION),
]);

/** One typed change between two consecutive positions: added, changed, not-restated or (issues) removed. */
export const ChangeSchema = z
  .discriminatedUnion('subject', [RegionChangeSchema, IssueChangeSchema])
  .meta({ id: 'Change' });
export type Change = z.infer<typeof ChangeSchema>;
export type RegionChange = z.infer<typeof RegionChangeSchema>;
export type IssueChange = z.infer<typeof IssueChangeSchema>;

export const TimelineStepSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    fromDate: z.string(),
    toDate: z.string(),
    totalRussianKm2Delta: IntervalSchema.describe(
      'Sum of the region deltas (added and changed regions; a not-restated region has no delta).',
    ),
    changes: z.array(ChangeSchema),
  })
  .meta({ id: 'TimelineStep', description: 'What changed from one position of the party to its next.' });
export type TimelineStep = z.infer<typeof TimelineStepSchema>;

export const TimelineSchema = z
  .object({
    datasetVersion: z.string(),
    party: PartySchema,
    baseline: ComparedBaselineSchema,
    positions: z
      .array(ScenarioSummarySchema)
      .describe('The party’s own positions (it is a proposer), oldest first.'),
    steps: z.array(TimelineStepSchema),
    sources: z.array(SourceSchema),
  })
  .meta({
    id: 'Timeline',
    description: 'A party’s positions in date order and the typed changes between them.',
  });
export type Timeline = z.infer<typeof TimelineSchema>;
