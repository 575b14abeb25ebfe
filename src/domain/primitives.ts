import { z } from 'zod';

/** Lower-case kebab-case identifier, as used for scenario, region, party, issue and source ids. */
export const IdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9 and single hyphens)');

/** A new schema for a calendar date, YYYY-MM-DD, that exists (a factory, so callers can annotate their own copy). */
export const isoDate = () => z.iso.date({ message: 'must be a calendar date in the form YYYY-MM-DD' });

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDateSchema = isoDate();

/** Source ids that back a figure, term or quote: at least one, no repeats. */
export const SourceIdsSchema = z
  .array(IdSchema)
  .min(1, 'cite at least one source id')
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'source ids must not repeat');

/** A publication date at the precision the source gives: YYYY-MM-DD, YYYY-MM or YYYY. */
export const PartialDateSchema = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'must be a date as YYYY-MM-DD, YYYY-MM or YYYY',
  )
  .refine(
    (value) => value.length < 10 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
    'must be a calendar date',
  )
  .describe('Reduced precision (YYYY-MM or YYYY) when the source gives no day.');

/**
 * Free text that appears in outputs: bounded, and made only of characters XML 1.0 allows (no
 * control characters but tab and line breaks, no U+FFFE or U+FFFF, no lone surrogate), so that it
 * can reach a workbook's XML, a CSV and a page unchanged.
 */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to reject control characters
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'must not contain control characters')
    // With the u flag a surrogate pair is one code point, so [\uD800-\uDFFF] matches only a lone half.
    .regex(
      /^[^\uFFFE\uFFFF\uD800-\uDFFF]*$/u,
      'must not contain U+FFFE, U+FFFF or a lone surrogate (not allowed in XML)',
    );

/** A share of a region's area, 0..1. */
export const ShareSchema = z.number().min(0).max(1);

export const ConfidenceSchema = z
  .enum(['high', 'medium-high', 'medium', 'low-medium', 'low'])
  .describe('How well sourced the item is, on the research brief’s scale.');

/**
 * Orders ids and ISO dates (ASCII) by code unit: the same on every runtime and locale, and, unlike
 * `localeCompare`, it does not initialise ICU collation, which cost about 8 ms of Worker start-up.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first, then by id: the order of a party's positions and of the catalogue. */
export const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }): number =>
  compareCodeUnits(a.date, b.date) || compareCodeUnits(a.id, b.id);
