import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Upstream from './exceljs-xml-stream.cjs';

// exceljs's XML writer is patched (src/formats/xlsx/patches/), in the Worker and in these tests
// alike. It must write the same XML as exceljs 4.4.0's original, kept beside this file, for any
// sequence of calls, including the failing ones.

const nameArb = fc.constantFrom('a', 'row', 'c', 'x:y', 'sheetData');
const textArb = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\x01', '\x7f', 'é', '😀'),
    maxLength: 8,
  }),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const attributesArb = fc.dictionary(nameArb, fc.option(textArb, { nil: undefined }), { maxKeys: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

type Op =
  | { op: 'openXml'; attributes?: Record<string, unknown> }
  | { op: 'openNode'; name?: string; attributes?: Record<string, unknown> }
  | { op: 'addAttribute'; name: string; value?: unknown }
  | { op: 'addAttributes'; attributes?: Record<string, unknown> }
  | { op: 'writeText'; text: unknown }
  | { op: 'writeXml'; xml?: string }
  | { op: 'leafNode'; name: string; attributes?: Record<string, unknown>; text?: unknown }
  | { op: 'closeNode' | 'closeAll' | 'addRollback' | 'commit' | 'rollback' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('openXml' as const), attributes: maybe(attributesArb) }),
  fc.record({ op: fc.constant('openNode' as const), name: maybe(nameArb), attributes: maybe(attributesArb) }),
  fc.record({ op: fc.constant('addAttribute' as const), name: nameArb, value: maybe(textArb) }),
  fc.record({ op: fc.constant('addAttributes' as const), attributes: maybe(attributesArb) }),
  fc.record({ op: fc.constant('writeText' as const), text: textArb }),
  fc.record({
    op: fc.constant('writeXml' as const),
    xml: fc.constantFrom(undefined, '', '<b/>', 'x&amp;y', '<c r="A1"/>'),
  }),
  fc.record({
    op: fc.constant('leafNode' as const),
    name: nameArb,
    attributes: maybe(attributesArb),
    text: maybe(textArb),
  }),
  fc.constantFrom<Op>(
    { op: 'closeNode' },
    { op: 'closeAll' },
    { op: 'addRollback' },
    { op: 'commit' },
    { op: 'rollback' },
  ),
);

type Attributes = Parameters<XmlStream['openNode']>[1];
type Text = Parameters<XmlStream['writeText']>[0];

/** Runs one call; says whether it threw (and what), and the writer's state after it. */
function apply(stream: XmlStream, step: Op) {
  let outcome = 'returned';
  try {
    switch (step.op) {
      case 'openXml':
        stream.openXml(step.attributes as Attributes);
        break;
      case 'openNode':
        stream.openNode(step.name as string, step.attributes as Attributes);
        break;
      case 'addAttribute':
        stream.addAttribute(step.name, step.value as Text | undefined);
        break;
      case 'addAttributes':
        stream.addAttributes(step.attributes as Attributes);
        break;
      case 'writeText':
        stream.writeText(step.text as Text);
        break;
      case 'writeXml':
        stream.writeXml(step.xml as string);
        break;
      case 'leafNode':
        stream.leafNode(step.name, step.attributes as Attributes, step.text as Text | undefined);
        break;
      default:
        stream[step.op]();
    }
  } catch (error) {
    outcome = `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
  return { outcome, tos: stream.tos, leaf: stream.leaf, open: stream.open };
}

describe('exceljs’s XML writer as patched', () => {
  it('writes the same XML as exceljs’s own for any sequence of calls', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (steps) => {
        const ours = new XmlStream();
        const theirs = new Upstream();
        for (const step of steps) expect(apply(ours, step)).toEqual(apply(theirs, step));
        expect(ours.xml).toBe(theirs.xml);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the patched writer, not the original (postinstall applied the patch)', () => {
    // The one documented difference: `cursor` counts characters, where exceljs counted fragments.
    const ours = new XmlStream();
    const theirs = new Upstream();
    for (const stream of [ours, theirs]) stream.openNode('sheetData');
    expect([ours.cursor, theirs.cursor]).toEqual(['<sheetData'.length, 2]);
  });

  it('rolls back to the XML as it was, through nested rollback points', () => {
    const stream = new XmlStream();
    stream.openXml(XmlStream.StdDocAttributes);
    stream.openNode('worksheet', { xmlns: 'urn:x' });
    stream.addRollback();
    stream.openNode('sheetPr');
    stream.addRollback();
    stream.leafNode('tabColor', { rgb: 'FF00FF00' });
    stream.rollback(); // drops <tabColor/>
    stream.closeNode();
    stream.rollback(); // drops the now empty <sheetPr/>
    stream.leafNode('c', { r: 'A1', t: 's' }, 0);
    stream.addRollback();
    stream.leafNode('v', undefined, 'kept & escaped <here>');
    stream.commit();
    expect(stream.xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="urn:x"><c r="A1" t="s">0</c><v>kept &amp; escaped &lt;here&gt;</v></worksheet>',
    );
  });
});
