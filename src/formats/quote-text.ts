import type { Quote } from '../domain/scenario.ts';

/** Names of the languages quotes are translated from; an unlisted code is shown as the code. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ru: 'Russian',
  uk: 'Ukrainian',
  de: 'German',
  fr: 'French',
  it: 'Italian',
  pl: 'Polish',
  es: 'Spanish',
  fi: 'Finnish',
  en: 'English',
};

/** The name of a language code, e.g. "ru" → "Russian". */
export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code;

/** How a quote was rendered, in words: "verbatim", "translated from Russian", "paraphrase". */
export function quoteKindText(quote: Quote): string {
  if (quote.kind === 'translation') return `translated from ${languageName(quote.language ?? '')}`;
  return quote.kind;
}

/**
 * A quote as one line of text with its kind: the words in quotation marks when they are the
 * speaker's (verbatim or translated), never when they are an outlet's paraphrase.
 */
export function quoteLine(quote: Quote): string {
  if (quote.kind === 'paraphrase') return `Paraphrase: ${quote.text}`;
  return `“${quote.text}” (${quoteKindText(quote)})`;
}
