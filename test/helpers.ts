import { exports } from 'cloudflare:workers';

/** Calls the Worker under test, in workerd, as a client would. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://localhost${path}`, init));
}

/** Calls the Worker and parses a JSON (or problem+json) body. */
export async function callJson<T = Record<string, unknown>>(
  path: string,
  init?: RequestInit,
): Promise<{ response: Response; body: T }> {
  const response = await call(path, init);
  return { response, body: (await response.json()) as T };
}
