// Types for ./xml-stream.cjs, for its test (the Worker reaches it only through exceljs).
type Attributes = Record<string, { toString(): string } | undefined>;

declare class XmlStream {
  static StdDocAttributes: Attributes;
  readonly tos: string | undefined;
  readonly cursor: number;
  leaf: boolean | undefined;
  open: boolean | undefined;
  openXml(docAttributes?: Attributes): void;
  openNode(name: string, attributes?: Attributes): void;
  addAttribute(name: string, value: { toString(): string } | undefined): void;
  addAttributes(attributes?: Attributes): void;
  writeText(text: { toString(): string }): void;
  writeXml(xml: string): void;
  closeNode(): void;
  leafNode(name: string, attributes?: Attributes, text?: { toString(): string }): void;
  closeAll(): void;
  addRollback(): number;
  commit(): void;
  rollback(): void;
  readonly xml: string;
}

export = XmlStream;
