import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { catalog } from '../catalog.ts';
import { compareScenarios } from '../domain/compare.ts';
import type { AppEnv } from '../env.ts';
import { LIMITS } from '../limits.ts';
import { renderComparePage } from '../pages/compare/page.tsx';
import { renderPageError } from '../pages/error-page.tsx';
import { formatDate, truncate } from '../pages/format.ts';
import { type PageError, renderIndexPage } from '../pages/index-page.tsx';
import { PAGE_SCRIPT, PAGE_SCRIPT_PATH, PAGE_SCRIPT_URL } from '../pages/page-script.ts';
import { resolveComparison } from './comparison-input.ts';
import { loadSavedScenarios } from './saved-comparison.ts';

const MAX_SCENARIOS = LIMITS.scenariosPerComparison;
/** Pages depend only on the bundled data and the code: a browser or CDN may keep them for a while. */
const PAGE_CACHE_CONTROL = 'public, max-age=300';
/** At most this many unknown ids are named in a message; the rest are counted. */
const NAMED_IDS = 5;

/** Cache-Control on 200 and 304 page responses; the ETag is a digest of the HTML, so it changes with the code too. */
const pageCaching: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if ((c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('Cache-Control'))
    c.res.headers.set('Cache-Control', PAGE_CACHE_CONTROL);
};

/** The scenario ids of a query, from repeated `scenarios` params and/or comma-separated lists, trimmed, deduplicated, in order. */
function scenarioIdsOf(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(',')).map((id) => id.trim());
  return [...new Set(ids.filter((id) => id !== ''))];
}

const Quoted = ({ text }: { text: string }) => <code>{truncate(text, 80)}</code>;

const ValidScenarios = () => (
  <>
    <p>The valid scenarios are:</p>
    <ul>
      {catalog.scenarios.map((s) => (
        <li>
          <code>{s.id}</code> — {s.title}
        </li>
      ))}
    </ul>
  </>
);

/** Checks a choice against the catalogue; returns what is wrong with it, with the status to answer. */
function checkChoice(
  ids: readonly string[],
  baseline: string | undefined,
): { status: 400 | 404; error: PageError } | undefined {
  const problems: { status: 400 | 404; title: string; body: PageError['body'] }[] = [];
  if (ids.length === 0) {
    problems.push({
      status: 400,
      title: 'Pick at least one scenario',
      body: <p>Tick one or more scenarios below, then press Compare.</p>,
    });
  }
  if (ids.length > MAX_SCENARIOS) {
    // Checked first and alone: no point naming 21 ids one by one.
    return {
      status: 400,
      error: {
        title: `Pick at most ${MAX_SCENARIOS} scenarios`,
        body: (
          <p>
            You asked for {ids.length} scenarios; at most {MAX_SCENARIOS} can be compared at once.
          </p>
        ),
      },
    };
  }
  // saved:<id> references are looked up in D1 by the handler (404 or 410 there).
  const unknown = ids.filter((id) => !catalog.scenariosById.has(id) && !id.startsWith('saved:'));
  if (unknown.length > 0) {
    const named = unknown.slice(0, NAMED_IDS);
    problems.push({
      status: 404,
      title: unknown.length === 1 ? 'Unknown scenario' : 'Unknown scenarios',
      body: (
        <>
          <p>
            There is no scenario with the id{unknown.length === 1 ? ' ' : 's '}
            {named.map((id, i) => (
              <>
                {i > 0 && ', '}
                <Quoted text={id} />
              </>
            ))}
            {unknown.length > named.length && ` and ${unknown.length - named.length} more`}.
          </p>
          <ValidScenarios />
        </>
      ),
    });
  }
  if (baseline !== undefined && !catalog.baselinesById.has(baseline)) {
    problems.push({
      status: 404,
      title: 'Unknown baseline',
      body: (
        <p>
          There is no baseline for <Quoted text={baseline} />. The baselines are dated{' '}
          {catalog.baselines.map((b, i) => (
            <>
              {i > 0 && (i === catalog.baselines.length - 1 ? ' and ' : ', ')}
              <code>{b.id}</code> ({formatDate(b.id)})
            </>
          ))}
          ; pick one below.
        </p>
      ),
    });
  }
  const [first] = problems;
  if (!first) return undefined;
  return {
    status: problems.some((p) => p.status === 404) ? 404 : 400,
    error: {
      title: problems.length === 1 ? first.title : 'Please check your choice',
      body: problems.map((p) =>
        problems.length === 1 ? (
          p.body
        ) : (
          <>
            <h3>{p.title}</h3>
            {p.body}
          </>
        ),
      ),
    },
  };
}

/** The HTML pages: the scenario catalogue with its form, and the comparison it submits to. */
export const pages = new Hono<AppEnv>();

pages.use('/', pageCaching, etag());
pages.use('/compare', pageCaching, etag());
pages.use(PAGE_SCRIPT_PATH, pageCaching, etag());

pages.get('/', (c) => {
  const baseline = c.req.query('baseline')?.trim() || undefined;
  return c.html(
    renderIndexPage(catalog, {
      selected: scenarioIdsOf(c.req.queries('scenarios') ?? []),
      ...(baseline !== undefined && { baseline }),
      script: PAGE_SCRIPT_URL,
    }),
    200,
  );
});

pages.get('/compare', async (c) => {
  const values = c.req.queries('scenarios') ?? [];
  const ids = scenarioIdsOf(values);
  const baseline = c.req.query('baseline')?.trim() || undefined;
  const problem = checkChoice(ids, baseline);
  if (problem) {
    return c.html(
      renderIndexPage(catalog, {
        selected: ids,
        ...(baseline !== undefined && { baseline }),
        error: problem.error,
        script: PAGE_SCRIPT_URL,
      }),
      problem.status,
    );
  }
  // One clean, bookmarkable URL per choice: a form's repeated params become one comma-separated
  // list, and repeats, blanks, escaped commas and stray params go. Ids and baseline are known here.
  const canonical = `?scenarios=${ids.join(',')}${baseline ? `&baseline=${baseline}` : ''}`;
  if (new URL(c.req.url).search !== canonical) return c.redirect(`/compare${canonical}`, 302);
  const saved = await loadSavedScenarios(c, ids, 'query');
  const resolved = resolveComparison(
    { scenarios: ids, ...(baseline && { baseline }) },
    catalog,
    'query',
    saved,
  );
  const comparison = compareScenarios(resolved.scenarios, resolved.baseline, resolved.reference);
  // A saved scenario may get a new revision at any time: revalidate (the ETag is the page's digest).
  return c.html(
    renderComparePage(comparison, catalog),
    200,
    saved.size > 0 ? { 'Cache-Control': 'no-cache' } : {},
  );
});

pages.get(PAGE_SCRIPT_PATH, (c) =>
  c.body(PAGE_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
);

// A failure on a page is an HTML page too, never problem+json: the reader is a person.
pages.onError(renderPageError);
