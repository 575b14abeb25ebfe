import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { catalog } from '../catalog.ts';
import type { AppEnv } from '../env.ts';
import { logUnexpectedError } from '../problem.ts';
import { renderIndexPage } from './index-page.tsx';
import { PAGE_SCRIPT_URL } from './page-script.ts';

/** The paths people open in a browser: their errors are HTML pages, never problem+json. */
const PAGE_PATHS = new Set(['/', '/compare']);

/** Whether a request is for one of the HTML pages. */
export const isPageRequest = (c: Context): boolean => PAGE_PATHS.has(c.req.path);

/**
 * A failure on a page, as a page: the catalogue with the error above the form. Our own problems
 * (e.g. a query string over the limit, 414) keep their status and message; anything else is a
 * logged 500 that names the request id.
 */
export function renderPageError(error: Error, c: Context<AppEnv>): Response {
  const status: ContentfulStatusCode =
    error instanceof HTTPException && error.status >= 400 ? (error.status as ContentfulStatusCode) : 500;
  if (status === 500) logUnexpectedError(c, error);
  const body =
    status === 500 ? (
      <p>
        Something went wrong on our side. Please try again; if it keeps happening, quote request id{' '}
        <code>{c.get('requestId') ?? 'unknown'}</code>.
      </p>
    ) : (
      <p>{error.message}</p>
    );
  return c.html(
    renderIndexPage(catalog, {
      error: { title: status === 500 ? 'Something went wrong' : 'That did not work', body },
      script: PAGE_SCRIPT_URL,
    }),
    status,
  );
}
