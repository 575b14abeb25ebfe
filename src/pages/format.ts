// Presentation helpers for the HTML pages: the data stays unrounded, the pages round here.
import type { Catalog } from '../domain/catalog.ts';
import type { Interval } from '../domain/comparison.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUS = '\u2212';

/** An integer with thousands separators, e.g. 26517 → "26,517"; negative numbers get a real minus sign. */
export function formatInt(value: number): string {
  const rounded = Math.round(value);
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `${MINUS}${digits}` : digits;
}

/** A number as given (not rounded to an integer), with thousands separators on the integer part. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return formatInt(value);
  const [whole = '0', fraction = ''] = Math.abs(value).toString().split('.');
  return `${value < 0 ? MINUS : ''}${formatInt(Number(whole))}.${fraction}`;
}

/** km² rounded to whole km²: "26,517 km²", or "20,334–26,517 km²" for an interval. */
export function formatKm2(interval: Interval | number): string {
  if (typeof interval === 'number') return `${formatInt(interval)} km²`;
  const low = Math.round(interval.low);
  const high = Math.round(interval.high);
  return low === high ? `${formatInt(low)} km²` : `${formatInt(low)}–${formatInt(high)} km²`;
}

const signed = (value: number): string => {
  const rounded = Math.round(value);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${formatInt(rounded)}` : formatInt(rounded);
};

/** A change against the baseline: "no change", "+5,807 km²" or "−20,334 to 0 km²". */
export function formatChange(interval: Interval): string {
  const low = Math.round(interval.low);
  const high = Math.round(interval.high);
  if (low === 0 && high === 0) return 'no change';
  return low === high ? `${signed(low)} km²` : `${signed(low)} to ${signed(high)} km²`;
}

/** An ISO date at day, month or year precision, for people: "16 Oct 2025", "Oct 2025", "2025". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? iso;
}

/** Words that keep their capitals when a code is turned into words. */
const PROPER: Readonly<Record<string, string>> = {
  russia: 'Russia',
  russian: 'Russian',
  ukraine: 'Ukraine',
  ukrainian: 'Ukrainian',
  nato: 'NATO',
  eu: 'EU',
  us: 'US',
  un: 'UN',
  iaea: 'IAEA',
  osce: 'OSCE',
  znpp: 'ZNPP',
  dmz: 'DMZ',
  donbas: 'Donbas',
  donetsk: 'Donetsk',
  luhansk: 'Luhansk',
  crimea: 'Crimea',
  zaporizhzhia: 'Zaporizhzhia',
  kherson: 'Kherson',
  europe: 'Europe',
  european: 'European',
  western: 'Western',
  g7: 'G7',
  g8: 'G8',
};

/** A kebab-case code as words with a capital: "reported-demand" → "Reported demand", "ceded-to-russia" → "Ceded to Russia". */
export function humanize(code: string): string {
  const words = code
    .replace(/(\d)-(\d)/g, '$1\u2011$2') // "50-50" keeps its (non-breaking) hyphen
    .split('-')
    .map((word) => PROPER[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Like humanize, but starting lower-case unless the first word is a name: "ceded to Russia". */
export function humanizeLower(code: string): string {
  const [first = ''] = code.split('-');
  const words = humanize(code);
  return PROPER[first] ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

/** Joins names for a sentence: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The names of a scenario's proposers for a sentence: "Russia and the United States". */
export const proposerNames = (catalog: Catalog, ids: readonly string[]): string =>
  joinNames(ids.map((id) => catalog.partiesById.get(id)?.name ?? id));

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
