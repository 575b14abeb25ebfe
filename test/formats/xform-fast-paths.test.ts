import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// exceljs's row and shared-string writers are patched (src/formats/xlsx/patches/): render() writes
// the rows and strings a workbook is mostly made of as one string each, and leaves the rest to
// renderEach(), which is exceljs 4.4.0's render() unchanged. For any model the two must write the
// same XML, or both fail.

// exceljs's ValueType (lib/doc/enums.js).
const TYPE = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

const textArb = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\x01', '\x7f', 'é', '😀'),
  maxLength: 6,
});
const numberArb = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1e21, 1e-7),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const addressArb = fc.oneof(fc.constantFrom('A1', 'B12', 'AA100'), textArb);
const styleIdArb = fc.constantFrom(undefined, 0, 1, 17);

const formulaArb = fc.record(
  {
    type: fc.constant(TYPE.Formula),
    address: addressArb,
    styleId: styleIdArb,
    formula: maybe(fc.oneof(fc.constantFrom('Baseline!C2*Territory!D5', 'SUM(A1:A3)'), textArb)),
    result: fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      numberArb,
      textArb,
      fc.boolean(),
      fc.constant({ error: '#N/A' }),
    ),
    shareType: fc.constantFrom(undefined, 'shared', 'array'),
    si: fc.constantFrom(undefined, 0, 3),
    ref: fc.constantFrom(undefined, 'A1:A3'),
  },
  { requiredKeys: ['type', 'address'] },
);

const cellArb: fc.Arbitrary<object> = fc.oneof(
  fc.record({ type: fc.constant(TYPE.Null), address: addressArb, styleId: styleIdArb }),
  fc.record({ type: fc.constant(TYPE.Merge), address: addressArb, styleId: styleIdArb }),
  fc.record({
    type: fc.constant(TYPE.Number),
    address: addressArb,
    styleId: styleIdArb,
    value: maybe(numberArb),
  }),
  fc.record({
    type: fc.constant(TYPE.Boolean),
    address: addressArb,
    styleId: styleIdArb,
    value: fc.boolean(),
  }),
  fc.record({
    type: fc.constantFrom(TYPE.String, TYPE.RichText),
    address: addressArb,
    styleId: styleIdArb,
    value: fc.oneof(textArb, fc.constant({ richText: [{ text: 'rich' }] })),
    ssId: maybe(fc.nat(700)),
  }),
  fc.record({
    type: fc.constant(TYPE.Hyperlink),
    address: addressArb,
    styleId: styleIdArb,
    text: textArb,
    hyperlink: fc.constant('https://example.org/'),
    ssId: maybe(fc.nat(700)),
  }),
  fc.record({
    type: fc.constant(TYPE.Error),
    address: addressArb,
    styleId: styleIdArb,
    value: fc.constant({ error: '#REF!' }),
  }),
  fc.record({
    type: fc.constant(TYPE.Date),
    address: addressArb,
    styleId: styleIdArb,
    value: fc.constant(new Date(0)),
  }),
  formulaArb,
);

const rowArb = fc.record(
  {
    number: fc.oneof(fc.integer({ min: 1, max: 1_048_576 }), textArb),
    min: fc.integer({ min: -1, max: 20 }),
    max: fc.integer({ min: -1, max: 20 }),
    height: fc.constantFrom(undefined, 0, 15, 30.5),
    hidden: fc.boolean(),
    styleId: styleIdArb,
    outlineLevel: fc.constantFrom(undefined, 0, 2),
    collapsed: fc.boolean(),
    cells: fc.array(cellArb, { maxLength: 6 }),
  },
  { requiredKeys: ['number', 'cells'] },
);

/** The XML of rows written by one of the two methods inside <sheetData>, or how that failed. */
function writeRows(method: 'render' | 'renderEach', rows: object[]): string {
  const xform = new RowXform();
  const stream = new XmlStream();
  try {
    stream.openNode('sheetData');
    for (const row of structuredClone(rows)) xform[method](stream, row);
    stream.closeNode();
    return stream.xml;
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

/** The shared-strings part written by one of the two methods, or how that failed. */
function writeStrings(method: 'render' | 'renderEach', values: unknown[]): string {
  const stream = new XmlStream();
  try {
    new SharedStringsXform()[method](stream, { values, count: values.length + 3 });
    return stream.xml;
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

describe('exceljs’s row writer as patched', () => {
  it('writes the same XML as exceljs’s own for any rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 4 }), (rows) => {
        expect(writeRows('render', rows)).toBe(writeRows('renderEach', rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a workbook’s usual row in one piece (the patch is applied)', () => {
    const row = {
      number: 7,
      min: 1,
      max: 4,
      styleId: 3,
      cells: [
        { type: TYPE.String, address: 'A7', styleId: 5, value: 'Donetsk', ssId: 12 },
        { type: TYPE.Number, address: 'B7', value: 26517 },
        { type: TYPE.Formula, address: 'C7', styleId: 9, formula: 'Baseline!C2*B7', result: 0.76 },
        { type: TYPE.Null, address: 'D7', styleId: 5 },
      ],
    };
    const expected =
      '<sheetData><row r="7" spans="1:4" s="3" customFormat="1" x14ac:dyDescent="0.25">' +
      '<c r="A7" s="5" t="s"><v>12</v></c><c r="B7"><v>26517</v></c>' +
      '<c r="C7" s="9"><f>Baseline!C2*B7</f><v>0.76</v></c><c r="D7" s="5"/></row></sheetData>';
    expect(writeRows('render', [row])).toBe(expected);
    expect(writeRows('renderEach', [row])).toBe(expected);
    // Proof that render() is the patched method: the original writes cell by cell.
    expect(RowXform.prototype.render).not.toBe(RowXform.prototype.renderEach);
  });
});

describe('exceljs’s shared-strings writer as patched', () => {
  const valueArb = fc.oneof(
    fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        '\n',
        '\t',
        '\u00a0',
        '\u2028',
        '\ufeff',
        '&',
        '<',
        '"',
        '\x02',
        'é',
        '😀',
        '\ud800',
      ),
      maxLength: 8,
    }),
    fc.constant({ richText: [{ text: ' rich ', font: { bold: true } }, { text: 'text' }] }),
    fc.constant({ richText: [] }),
  );

  it('writes the same XML as exceljs’s own for any strings', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 10 }), (values) => {
        expect(writeStrings('render', values)).toBe(writeStrings('renderEach', values));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps leading and trailing white space and line breaks (xml:space="preserve")', () => {
    const xml = writeStrings('render', ['plain', ' lead', 'trail\u00a0', 'two\nlines', 'a & b']);
    expect(xml).toContain('<si><t>plain</t></si>');
    expect(xml).toContain('<si><t xml:space="preserve"> lead</t></si>');
    expect(xml).toContain('<si><t xml:space="preserve">trail\u00a0</t></si>');
    expect(xml).toContain('<si><t xml:space="preserve">two\nlines</t></si>');
    expect(xml).toContain('<si><t>a &amp; b</t></si>');
    expect(SharedStringsXform.prototype.render).not.toBe(SharedStringsXform.prototype.renderEach);
  });
});
