import { z } from 'zod';
import { type Source, SourceSchema } from './reference.ts';
import { type Scenario, ScenarioSchema } from './scenario.ts';

/** The prefix that marks a saved scenario in a comparison; catalogue ids cannot contain ':'. */
export const SAVED_PREFIX = 'saved:';

/** Alphabet of saved-scenario ids: RFC 4648 base32, lower-case (URL-safe, no look-alike case). */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 26 base32 characters carry 130 random bits (≥ 128). */
export const SAVED_ID_LENGTH = 26;

/** A saved scenario's id, as it appears in URLs. */
export const SavedScenarioIdSchema = z
  .string()
  .regex(new RegExp(`^[${BASE32}]{${SAVED_ID_LENGTH}}$`), `must be ${SAVED_ID_LENGTH} characters a-z, 2-7`)
  .meta({ description: 'A saved scenario’s random id.', example: 'k3q7w2m5x4p6r8t2v3n4b5c6d7' });

/** A saved scenario named in a comparison: saved:<id> (latest revision) or saved:<id>@<revision>. */
export const SavedReferenceSchema = z
  .string()
  .regex(
    new RegExp(`^saved:[${BASE32}]{${SAVED_ID_LENGTH}}(?:@[1-9][0-9]{0,5})?$`),
    'must be saved:<id> or saved:<id>@<revision>',
  );

/** What a saved scenario holds in each revision: the scenario and the sources it cites. */
export const StoredScenarioSchema = z.object({
  scenario: ScenarioSchema,
  sources: z.array(SourceSchema),
});
export type StoredScenario = z.infer<typeof StoredScenarioSchema>;

/** A reference to a saved scenario inside a comparison: its id and, when pinned, a revision. */
export interface SavedReference {
  id: string;
  revision?: number;
}

/**
 * Reads `saved:<id>` or `saved:<id>@<revision>`. Undefined when `ref` is not a saved reference at
 * all (a catalogue id); a string saying what is wrong when it is one but malformed.
 */
export function parseSavedReference(ref: string): SavedReference | string | undefined {
  if (!ref.startsWith(SAVED_PREFIX)) return undefined;
  const match = /^saved:([^@]*)(?:@(\d{1,6}))?$/.exec(ref);
  if (!match?.[1] || !SavedScenarioIdSchema.safeParse(match[1]).success) {
    return `"${ref.slice(0, 80)}" is not a saved scenario reference (saved:<id> or saved:<id>@<revision>)`;
  }
  if (match[2] === undefined) return { id: match[1] };
  const revision = Number(match[2]);
  if (revision < 1) return `"${ref.slice(0, 80)}": revisions start at 1`;
  return { id: match[1], revision };
}

/** The id a saved scenario takes in a comparison: pinned to the revision that was compared. */
export const savedComparisonId = (id: string, revision: number): string => `${SAVED_PREFIX}${id}@${revision}`;

/** A saved scenario as it enters a comparison: the stored scenario under its `saved:<id>@<n>` id. */
export function asComparedScenario(stored: StoredScenario, id: string, revision: number): Scenario {
  return { ...stored.scenario, id: savedComparisonId(id, revision) };
}

/** JSON with object keys sorted: one text per value, so equal bodies hash and compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The text stored for one revision. */
export const storedText = (scenario: Scenario, sources: readonly Source[]): string =>
  canonicalJson({ scenario, sources });

/** Encodes random bytes as base32 characters, 5 bits each (the ids of saved scenarios). */
export function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (out.length < length) throw new RangeError(`need ${Math.ceil((length * 5) / 8)} bytes`);
  return out;
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    difference |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  }
  return difference === 0;
}

/** Whether an If-Match header matches the current ETag (strong comparison, RFC 9110 §13.1.1). */
export function ifMatchSatisfied(ifMatch: string, etag: string): boolean {
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || (!tag.startsWith('W/') && tag === etag));
}
