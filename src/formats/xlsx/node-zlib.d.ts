// The one Node built-in the Worker uses (nodejs_compat): zlib's raw deflate and CRC-32, fetched
// in zip.ts with process.getBuiltinModule() so that start-up does not load it. Declared here, by
// hand and narrowly, so that the Worker's type check has no Node types (tsconfig.json).
declare namespace NodeJS {
  interface ZlibForZip {
    crc32(data: Uint8Array | string, value?: number): number;
    deflateRawSync(data: Uint8Array, options?: { level?: number }): Uint8Array;
  }
}

declare const process: {
  getBuiltinModule(id: 'node:zlib'): NodeJS.ZlibForZip;
};
