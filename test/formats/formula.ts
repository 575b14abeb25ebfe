import type { Workbook } from 'exceljs';

/**
 * A small spreadsheet formula evaluator for tests: numbers, cell references (with sheet names
 * and $), ranges, + - * /, unary minus, parentheses, SUM, ABS and SUMPRODUCT, with element-wise
 * arithmetic over ranges. It recomputes the workbook from its input cells, ignoring cached results,
 * so a test can prove that the formulas (not only their cached values) give the JSON numbers.
 */
type Value = number | number[];

export class FormulaEvaluator {
  private readonly cache = new Map<string, number>();
  /** Overrides for input cells, as an analyst would type them: "Sheet!A1" → value. */
  constructor(
    private readonly workbook: Workbook,
    private readonly overrides: Record<string, number> = {},
  ) {}

  /** The value of a cell, recomputing its formula if it has one. */
  cell(sheetName: string, address: string): number {
    const key = `${sheetName}!${address.replaceAll('$', '')}`;
    if (key in this.overrides) return this.overrides[key] as number;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const sheet = this.workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const value = sheet.getCell(address.replaceAll('$', '')).value;
    let result: number;
    if (typeof value === 'number') result = value;
    else if (value === null || value === undefined || value === '') result = 0;
    else if (typeof value === 'object' && 'formula' in value)
      result = this.evaluate(value.formula ?? '', sheetName) as number;
    else throw new Error(`${key} is not numeric: ${JSON.stringify(value)}`);
    this.cache.set(key, result);
    return result;
  }

  evaluate(formula: string, sheetName: string): Value {
    const tokens = formula.match(
      /'(?:[^']|'')+'!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|[A-Za-z]+!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|[A-Z]+(?=\()|\d+(?:\.\d+)?(?:E[+-]?\d+)?|[-+*/(),]/g,
    );
    if (!tokens || tokens.join('') !== formula.replaceAll(' ', ''))
      throw new Error(`cannot tokenise ${formula}`);
    let pos = 0;
    const peek = () => tokens[pos];
    const next = () => tokens[pos++] as string;
    const map = (a: Value, b: Value, f: (x: number, y: number) => number): Value => {
      if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) throw new Error('range sizes differ');
        return a.map((x, i) => f(x, b[i] as number));
      }
      if (Array.isArray(a)) return a.map((x) => f(x, b as number));
      if (Array.isArray(b)) return b.map((y) => f(a, y));
      return f(a, b);
    };
    const reference = (token: string): Value => {
      const bang = token.lastIndexOf('!');
      const sheet =
        bang < 0
          ? sheetName
          : token
              .slice(0, bang)
              .replace(/^'(.*)'$/, '$1')
              .replaceAll("''", "'");
      const ref = token.slice(bang + 1).replaceAll('$', '');
      const [from, to] = ref.split(':');
      if (!to) return this.cell(sheet, from as string);
      const [, colA = '', rowA = ''] = /^([A-Z]+)(\d+)$/.exec(from as string) ?? [];
      const [, colB = '', rowB = ''] = /^([A-Z]+)(\d+)$/.exec(to) ?? [];
      if (colA !== colB) throw new Error('only single-column ranges are supported');
      const out: number[] = [];
      for (let r = Number(rowA); r <= Number(rowB); r++) out.push(this.cell(sheet, `${colA}${r}`));
      return out;
    };
    const primary = (): Value => {
      const token = next();
      if (token === '(') {
        const v = expression();
        next();
        return v;
      }
      if (token === '-') return map(primary(), 0, (x) => -x);
      if (/^[A-Z]+$/.test(token) && peek() === '(') {
        next();
        const args: Value[] = [];
        while (peek() !== ')') {
          args.push(expression());
          if (peek() === ',') next();
        }
        next();
        const flat = (v: Value) => (Array.isArray(v) ? v : [v]);
        if (token === 'SUM') return args.flatMap(flat).reduce((s, x) => s + x, 0);
        if (token === 'ABS') return map(args[0] as Value, 0, (x) => Math.abs(x));
        if (token === 'SUMPRODUCT') {
          const product = args
            .slice(1)
            .reduce<Value>((acc, v) => map(acc, v, (x, y) => x * y), args[0] as Value);
          return flat(product).reduce((s, x) => s + x, 0);
        }
        throw new Error(`unsupported function ${token}`);
      }
      if (/^\d/.test(token)) return Number(token);
      return reference(token);
    };
    const term = (): Value => {
      let v = primary();
      while (peek() === '*' || peek() === '/') {
        const op = next();
        const rhs = primary();
        v = map(v, rhs, op === '*' ? (x, y) => x * y : (x, y) => x / y);
      }
      return v;
    };
    const expression = (): Value => {
      let v = term();
      while (peek() === '+' || peek() === '-') {
        const op = next();
        const rhs = term();
        v = map(v, rhs, op === '+' ? (x, y) => x + y : (x, y) => x - y);
      }
      return v;
    };
    const result = expression();
    if (pos !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
    return result;
  }
}
