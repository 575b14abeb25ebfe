import { CSV_CONTENT_TYPE } from './csv.ts';

/** The formats every comparison and timeline comes in. */
export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type of each format's body. */
export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: CSV_CONTENT_TYPE,
  xlsx: XLSX_CONTENT_TYPE,
};

/** Each format's media type, without parameters (for Accept and the OpenAPI document). */
export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: XLSX_CONTENT_TYPE,
};
