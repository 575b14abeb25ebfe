// Bundled in place of exceljs 4.4.0's lib/utils/xml-stream.js (MIT, © Guyon Roche; see [alias] in
// wrangler.toml), the writer every part of a workbook is rendered through. Same class, same
// methods, same XML, character for character (test/formats/xml-stream.test.ts checks it against
// the original); it only keeps the XML differently:
//   - exceljs pushes every fragment (often a single "<" or "/>") onto an array and joins the array
//     when the part is done; a 3-scenario workbook is tens of thousands of fragments, and the join
//     was the largest single cost of rendering its sheets. Here each fragment is appended to one
//     string, which V8 builds as a rope and flattens once, when the zip encodes the part.
//   - A rollback (exceljs drops a node it opened and then found empty) restores the string saved
//     when the rollback point was set: strings are immutable, so that is the XML as it was then.
//     exceljs truncated its array instead.
//   - `cursor` counts characters, not fragments. exceljs uses it only as addRollback()'s return
//     value, which none of its callers reads.
'use strict';

const { xmlEncode } = require('exceljs/lib/utils/utils.js');

// What Array.prototype.join makes of a fragment exceljs pushes unconverted: nothing for
// undefined or null (a name or raw XML its callers never omit, or a close without an open node).
const fragment = (value) => (value === undefined || value === null ? '' : value);

/** ` name="value"`, or nothing for an undefined value. */
const attributeXml = (name, value) =>
  value === undefined ? '' : ` ${name}="${xmlEncode(value.toString())}"`;

/** Each attribute's XML, in key order (exceljs passes plain objects). */
function attributesXml(attributes) {
  let xml = '';
  if (attributes) for (const name of Object.keys(attributes)) xml += attributeXml(name, attributes[name]);
  return xml;
}

class XmlStream {
  constructor() {
    this._xml = '';
    this._stack = [];
    this._rollbacks = [];
  }

  get tos() {
    return this._stack.length ? this._stack[this._stack.length - 1] : undefined;
  }

  get cursor() {
    return this._xml.length;
  }

  openXml(docAttributes) {
    this._xml += `<?xml${attributesXml(docAttributes)}?>\n`;
  }

  openNode(name, attributes) {
    if (this.tos && this.open) this._xml += '>';
    this._stack.push(name);
    this._xml += `<${fragment(name)}${attributesXml(attributes)}`;
    this.leaf = true;
    this.open = true;
  }

  addAttribute(name, value) {
    if (!this.open) throw new Error('Cannot write attributes to node if it is not open');
    this._xml += attributeXml(name, value);
  }

  addAttributes(attrs) {
    if (!this.open) throw new Error('Cannot write attributes to node if it is not open');
    this._xml += attributesXml(attrs);
  }

  writeText(text) {
    if (this.open) {
      this._xml += '>';
      this.open = false;
    }
    this.leaf = false;
    this._xml += xmlEncode(text.toString());
  }

  writeXml(xml) {
    if (this.open) {
      this._xml += '>';
      this.open = false;
    }
    this.leaf = false;
    this._xml += fragment(xml);
  }

  closeNode() {
    const node = this._stack.pop();
    this._xml += this.leaf ? '/>' : `</${fragment(node)}>`;
    this.open = false;
    this.leaf = false;
  }

  leafNode(name, attributes, text) {
    this.openNode(name, attributes);
    if (text !== undefined) this.writeText(text); // zeros need to be written
    this.closeNode();
  }

  closeAll() {
    while (this._stack.length) this.closeNode();
  }

  addRollback() {
    this._rollbacks.push({ xml: this._xml, stack: this._stack.length, leaf: this.leaf, open: this.open });
    return this.cursor;
  }

  commit() {
    this._rollbacks.pop();
  }

  rollback() {
    const r = this._rollbacks.pop();
    this._xml = r.xml;
    if (this._stack.length > r.stack) this._stack.splice(r.stack, this._stack.length - r.stack);
    this.leaf = r.leaf;
    this.open = r.open;
  }

  get xml() {
    this.closeAll();
    return this._xml;
  }
}

XmlStream.StdDocAttributes = { version: '1.0', encoding: 'UTF-8', standalone: 'yes' };

module.exports = XmlStream;
