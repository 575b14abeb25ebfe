import { describe, expect, it } from 'vitest';
import {
  base32,
  canonicalJson,
  constantTimeEqual,
  ifMatchSatisfied,
  parseSavedReference,
  SAVED_ID_LENGTH,
  savedComparisonId,
} from '../../src/domain/saved-scenario.ts';

const ID = 'abcdefghijklmnopqrstuvwxyz'.slice(0, SAVED_ID_LENGTH);

describe('saved-scenario rules', () => {
  it('reads saved references, and tells catalogue ids from malformed references', () => {
    expect(parseSavedReference(`saved:${ID}`)).toEqual({ id: ID });
    expect(parseSavedReference(`saved:${ID}@12`)).toEqual({ id: ID, revision: 12 });
    expect(parseSavedReference('anchorage-2025-08')).toBeUndefined();
    for (const bad of ['saved:', `saved:${ID}@0`, `saved:${ID}@x`, 'saved:ABC', `saved:${ID}@1@2`]) {
      expect(typeof parseSavedReference(bad), bad).toBe('string');
    }
    expect(savedComparisonId(ID, 3)).toBe(`saved:${ID}@3`);
  });

  it('encodes 17 random bytes as 26 base32 characters', () => {
    expect(base32(new Uint8Array(17), SAVED_ID_LENGTH)).toBe('a'.repeat(26));
    expect(base32(new Uint8Array(17).fill(255), SAVED_ID_LENGTH)).toBe('7'.repeat(26));
    expect(() => base32(new Uint8Array(4), SAVED_ID_LENGTH)).toThrow(RangeError);
  });

  it('writes one canonical text per value, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('compares tokens fully, and If-Match strongly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(ifMatchSatisfied('"a", "b"', '"b"')).toBe(true);
    expect(ifMatchSatisfied('*', '"b"')).toBe(true);
    expect(ifMatchSatisfied('W/"b"', '"b"')).toBe(false);
    expect(ifMatchSatisfied('"c"', '"b"')).toBe(false);
  });
});
