/**
 * Neutralises text bound for a spreadsheet cell against formula injection (OWASP): a value that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, so
 * that Excel, LibreOffice and Sheets show it as text instead of evaluating it.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Text for a CSV field: neutralised at its start, and after every separator or line break inside
 * it. A spreadsheet may split the file on `;` or tab (the default in much of Europe) or on line
 * breaks, ignoring our quoting; a part that would then start with `=`, `+`, `-` or `@` (behind
 * any quotation marks, which a spreadsheet may read as an empty quoted string) gets an apostrophe (tabs and carriage returns are themselves separators here, so a trigger after a run of
 * them is caught too), and no cell of the file is a formula, whichever separator is used.
 */
export function inertCsvText(text: string): string {
  return inertText(text).replace(/([,;\t\r\n])(?="*[=+\-@])/g, "$1'");
}
