import { describe, expect, it } from 'vitest';
import { zip } from '../../src/formats/xlsx/zip.ts';

/** A reference CRC-32 (ISO 3309, bitwise), independent of the zlib the writer uses. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface ReadEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  time: number;
  date: number;
}

/** Reads an archive back by the spec (APPNOTE 4.3): end record → central directory → local headers. */
async function unzip(archive: Uint8Array): Promise<ReadEntry[]> {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = archive.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  expect(at + centralSize).toBe(end);
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(archive.subarray(at + 46, at + 46 + nameLength));
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    // The local header repeats what the directory says.
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 8, true)).toBe(8);
    expect(view.getUint32(local + 14, true)).toBe(crc);
    expect(view.getUint32(local + 18, true)).toBe(compressed);
    expect(view.getUint32(local + 22, true)).toBe(size);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = await inflateRaw(archive.subarray(start, start + compressed));
    expect(data.length).toBe(size);
    entries.push({
      name,
      data,
      crc,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('the ZIP writer under the workbook', () => {
  it('checks against a reference CRC-32 that gives the standard check values', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926); // the standard check value
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(bytes('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('writes entries that read back byte for byte, in order, with their CRCs and time stamp', async () => {
    const big = 'Donetsk oblast, 26,517 km²; '.repeat(2_000);
    const binary = Uint8Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256);
    const archive = zip(
      [
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/empty.xml', data: '' },
        { name: 'xl/big.xml', data: big },
        { name: 'xl/media/blob.bin', data: binary },
      ],
      new Date('2026-11-27T13:45:58Z'),
    );
    expect(archive.length).toBeLessThan(big.length / 10); // deflated, not stored
    const entries = await unzip(archive);
    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'xl/empty.xml',
      'xl/big.xml',
      'xl/media/blob.bin',
    ]);
    expect(new TextDecoder().decode(entries[0]?.data)).toBe('<Types/>');
    expect(entries[1]?.data.length).toBe(0);
    expect(new TextDecoder().decode(entries[2]?.data)).toBe(big);
    expect(entries[3]?.data).toEqual(binary);
    for (const entry of entries) expect(entry.crc).toBe(crc32(entry.data));
    // MS-DOS fields: 13:45:58 (seconds halved) on 2026-11-27.
    expect(entries[0]?.time).toBe((13 << 11) | (45 << 5) | 29);
    expect(entries[0]?.date).toBe(((2026 - 1980) << 9) | (11 << 5) | 27);
  });

  it('writes an empty archive as a bare end record', async () => {
    const archive = zip([], new Date('2026-01-01T00:00:00Z'));
    expect(archive.length).toBe(22);
    expect(await unzip(archive)).toEqual([]);
  });

  it('refuses an entry name that is not printable ASCII', () => {
    expect(() => zip([{ name: 'xl/карта.xml', data: '' }], new Date())).toThrow(/printable ASCII/);
  });
});
