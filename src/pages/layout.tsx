import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { APP_PAGE_STYLE, PAGE_STYLE } from './style.ts';

export const SITE_NAME = 'Negotiation scenarios';

/** The stylesheet of the catalogue pages: a constant, never data, so raw() is safe here. */
const STYLE = raw(`${PAGE_STYLE}${APP_PAGE_STYLE}`);

/** The page shell shared by the catalogue pages: no asset from an outside host. */
export const Layout: FC<{
  title: string;
  description?: string;
  datasetVersion: string;
  scripts?: readonly string[];
  children?: Child;
}> = ({ title, description, datasetVersion, scripts = [], children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description && <meta name="description" content={description} />}
      <link rel="icon" href="data:," />
      <style>{STYLE}</style>
      {scripts.map((src) => (
        <script src={src} defer />
      ))}
    </head>
    <body>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <header class="site">
        <nav aria-label="Site">
          <a class="brand" href="/">
            {SITE_NAME}
          </a>
          <a href="/">Choose scenarios</a>
          <a href="/docs">API reference</a>
        </nav>
      </header>
      <main id="content" tabindex={-1}>
        {children}
      </main>
      <footer class="site-foot">
        <p>
          Publicly reported negotiation positions, each figure and quote traceable to a source. Dataset
          version <code>{datasetVersion}</code>. Data as JSON: <a href="/v1/scenarios">/v1/scenarios</a>,{' '}
          <a href="/v1/sources">/v1/sources</a>; contract: <a href="/openapi.json">/openapi.json</a>.
        </p>
      </footer>
    </body>
  </html>
);

/** Renders a page element to an HTML document string. */
export function toDocument(page: Child): string {
  return `<!doctype html>${String(page)}`;
}
