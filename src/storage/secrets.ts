import { base32, SAVED_ID_LENGTH } from '../domain/saved-scenario.ts';

const encoder = new TextEncoder();

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

/** A new saved-scenario id: 130 random bits as 26 base32 characters. */
export function newSavedId(): string {
  return base32(crypto.getRandomValues(new Uint8Array(17)), SAVED_ID_LENGTH);
}

/** A new edit token: 256 random bits, base64url (43 characters). */
export function newEditToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 of a text, as 64 hex digits: how tokens, idempotency keys and request bodies are kept. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An AES-GCM key derived (HKDF-SHA-256) from a client's Idempotency-Key, which the database never holds. */
async function sealingKey(idempotencyKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(idempotencyKey), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('negotiation-scenarios saved-scenario idempotency v1'),
      info: new Uint8Array(),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts an edit token so that a retried create (same Idempotency-Key) can be answered with it,
 * while the database alone cannot reveal it: the key is derived from the Idempotency-Key.
 */
export async function sealToken(token: string, idempotencyKey: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await sealingKey(idempotencyKey),
      encoder.encode(token),
    ),
  );
  return `${base64url(iv)}.${base64url(sealed)}`;
}

/** Decrypts a token sealed by sealToken(); undefined if the record does not open with this key. */
export async function openToken(sealed: string, idempotencyKey: string): Promise<string | undefined> {
  const [iv, data] = sealed.split('.');
  if (!iv || !data) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(iv) },
      await sealingKey(idempotencyKey),
      fromBase64url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}
