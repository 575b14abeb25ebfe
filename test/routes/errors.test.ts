import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';

describe('an unexpected error', () => {
  it('is a generic 500 problem with a request id, logged with its cause and never echoed', async () => {
    const app = createApp();
    app.get('/v1/boom', () => {
      throw new Error('secret database password in message');
    });
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      logged.push(line);
    });
    const response = await app.request('/v1/boom');
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/at .*\(|\.ts:\d+/);
    const problem = JSON.parse(text) as { requestId: string; detail: string; type: string };
    expect(problem.type).toBe('/docs#problem-internal');
    expect(problem.requestId).toBe(response.headers.get('X-Request-Id'));
    expect(problem.detail).toContain(problem.requestId);
    expect(logged).toHaveLength(1);
    const entry = JSON.parse(logged[0] as string) as { level: string; requestId: string; error: string };
    expect(entry).toMatchObject({ level: 'error', requestId: problem.requestId });
    expect(entry.error).toContain('secret database password');
  });
});

describe('request logging', () => {
  it('writes one JSON line per request with method, path, status, duration, format and request id', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
    });
    const response = await createApp().request('/v1/compare?scenarios=anchorage-2025-08&format=csv');
    await response.arrayBuffer();
    spy.mockRestore();
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/v1/compare',
      status: 200,
      format: 'csv',
      requestId: response.headers.get('X-Request-Id'),
    });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
  });
});
