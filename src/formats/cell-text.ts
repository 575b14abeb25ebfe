/**
 * Neutralises text bound for a spreadsheet cell against formula injection (OWASP): a value that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, so
 * that Excel, LibreOffice and Sheets show it as text instead of evaluating it.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
