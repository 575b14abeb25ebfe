import { call } from '../helpers.ts';
import { VALID_INLINE } from './hostile-fixtures.ts';

/** A valid saved-scenario body: an inline what-if citing one own source and catalogue sources. */
export const SAVED_BODY = {
  scenario: {
    ...VALID_INLINE,
    id: 'my-saved-what-if',
    sources: ['my-estimate'],
    territory: [{ ...VALID_INLINE.territory[0], russianShare: { low: 0.5, high: 0.6 } }],
  },
  sources: [
    { id: 'my-estimate', publisher: 'Me', title: 'Own estimate', date: '2026-02-01', kind: 'analysis' },
  ],
};

/** A client of its own, so that the per-client write limit of one test never touches another's. */
export const newClient = (): string => `test-client-${crypto.randomUUID()}`;

/** Request headers for a JSON body from `client`. */
export const jsonFrom = (client: string, extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  'CF-Connecting-IP': client,
  ...extra,
});

export interface Created {
  id: string;
  revision: number;
  editToken: string;
  etag: string;
  bookmark: string | null;
  location: string | null;
}

/** Creates a saved scenario and returns what a client keeps from the answer. */
export async function createSaved(body: unknown = SAVED_BODY, client = newClient()): Promise<Created> {
  const response = await call('/v1/saved-scenarios', {
    method: 'POST',
    headers: jsonFrom(client),
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { id: string; revision: number; editToken: string };
  return {
    ...json,
    etag: response.headers.get('ETag') ?? '',
    bookmark: response.headers.get('X-D1-Bookmark'),
    location: response.headers.get('Location'),
  };
}

/** A PUT of `body` with the given token and If-Match. */
export function putSaved(
  id: string,
  body: unknown,
  headers: Record<string, string>,
  client = newClient(),
): Promise<Response> {
  return call(`/v1/saved-scenarios/${id}`, {
    method: 'PUT',
    headers: jsonFrom(client, headers),
    body: JSON.stringify(body),
  });
}

/** A scenario body with another title, to tell revisions apart. */
export const retitled = (title: string) => ({
  ...SAVED_BODY,
  scenario: { ...SAVED_BODY.scenario, title },
});
