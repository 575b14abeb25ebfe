import { exports } from 'cloudflare:workers';
import type { z } from 'zod';

/** Calls the Worker under test, in workerd, as a client would. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://localhost${path}`, init));
}

/** Calls the Worker and parses a JSON (or problem+json) body. */
export async function callJson<T = Record<string, unknown>>(
  path: string,
  init?: RequestInit,
): Promise<{ response: Response; body: T }> {
  const response = await call(path, init);
  return { response, body: (await response.json()) as T };
}

/**
 * Calls the Worker and parses the JSON body with the schema the route declares: a response that
 * drifts from its OpenAPI contract fails the test, naming the field.
 */
export async function callParsed<S extends z.ZodType>(
  path: string,
  schema: S,
  init?: RequestInit,
): Promise<{ response: Response; body: z.infer<S> }> {
  const response = await call(path, init);
  const result = schema.safeParse(await response.json());
  if (!result.success) throw new Error(`${path}: the body breaks its schema: ${result.error.message}`);
  return { response, body: result.data };
}

/** POSTs a comparison request body (JSON) to /v1/compare. */
export function postCompare(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call('/v1/compare', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of strings; strips a BOM.
 * The delimiter may be another character, as a spreadsheet set to split on `;` or tab would.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses a CSV with a header row into records. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

export const SEED_IDS = [
  'anchorage-2025-08',
  'donetsk-swap-2025-10',
  'ceasefire-current-lines-2025-10',
] as const;

/** The text of an HTML fragment as a reader sees it: the five escapes undone. */
export const decodeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
