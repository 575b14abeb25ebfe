// The what-if pages: the form (new, edit, and edit in conflict), a saved what-if, and the small
// pages around them (claim the edit right, confirm a delete, deleted, errors). All text comes
// through hono/jsx, which escapes it; nothing here is raw() but the constant stylesheet.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Catalog } from '../../domain/catalog.ts';
import type { Source } from '../../domain/reference.ts';
import { SourceKindSchema } from '../../domain/reference.ts';
import { type Scenario, type ShareBound, TerritoryOutcomeSchema } from '../../domain/scenario.ts';
import { formatShare } from '../../formats/share-text.ts';
import { formatDate, humanize, proposerNames } from '../format.ts';
import { Layout, SITE_NAME, toDocument } from '../layout.tsx';
import { type FormErrors, percentText, type WhatIfForm } from './form-model.ts';
import { WHAT_IF_SCRIPT_URL } from './script.ts';
import { WHAT_IF_STYLE } from './style.ts';

const STYLE = raw(`<style>${WHAT_IF_STYLE}</style>`);
const CSRF_FIELD = 'csrf';

/** The id of a field's element: its name with dots as dashes. */
const idOf = (name: string): string => `f-${name.replace(/\./g, '-')}`;
const errorIdOf = (name: string): string => `${idOf(name)}-error`;

const Page = ({
  title,
  catalog,
  script,
  children,
}: {
  title: string;
  catalog: Catalog;
  script?: boolean;
  children?: Child;
}) => (
  <Layout
    title={`${title} — ${SITE_NAME}`}
    datasetVersion={catalog.version}
    scripts={script ? [WHAT_IF_SCRIPT_URL] : []}
  >
    {STYLE}
    {children}
  </Layout>
);

/** A field's messages, in an element its input names in aria-describedby. */
const FieldErrors = ({ name, errors }: { name: string; errors: FormErrors }) => {
  const messages = errors[name];
  if (!messages || messages.length === 0) return null;
  return (
    <p class="field-error" id={errorIdOf(name)}>
      {messages.join('; ')}
    </p>
  );
};

/** aria attributes of an input: invalid, and described by its hint and its messages. */
const described = (name: string, errors: FormErrors, hint?: string) => {
  const ids = [hint, errors[name] ? errorIdOf(name) : undefined].filter(Boolean).join(' ');
  return {
    ...(errors[name] && { 'aria-invalid': 'true' }),
    ...(ids && { 'aria-describedby': ids }),
  };
};

const TextField = ({
  name,
  label,
  value,
  errors,
  hint,
  multiline,
  type = 'text',
  className = 'wide',
}: {
  name: string;
  label: string;
  value: string;
  errors: FormErrors;
  hint?: string;
  multiline?: boolean;
  type?: string;
  className?: string;
}) => {
  const hintId = hint ? `${idOf(name)}-hint` : undefined;
  return (
    <div class="wi-field">
      <label for={idOf(name)}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={idOf(name)} name={name} {...described(name, errors, hintId)}>
          {value}
        </textarea>
      ) : (
        <input
          type={type}
          id={idOf(name)}
          name={name}
          value={value}
          class={className}
          {...described(name, errors, hintId)}
        />
      )}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
};

const SelectField = ({
  name,
  label,
  value,
  options,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  errors: FormErrors;
}) => (
  <div class="wi-field">
    <label for={idOf(name)}>{label}</label>
    <select id={idOf(name)} name={name} {...described(name, errors)}>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
    <FieldErrors name={name} errors={errors} />
  </div>
);

const OUTCOMES = [
  { value: '', label: '— not in this what-if —' },
  ...TerritoryOutcomeSchema.options.map((o) => ({ value: o, label: humanize(o) })),
];
const QUANTIFIED = [
  { value: '', label: 'Not said' },
  { value: 'yes', label: 'Yes: a source gives the share' },
  { value: 'no', label: 'No: only bounded by the outcome' },
];

const sourceLabel = (source: Source): string =>
  `${source.publisher}: ${source.title} (${formatDate(source.date)})`;

/** The sources fieldset: ticked ones first, then the what-if's own, then the rest of the catalogue. */
const Sources = ({
  form,
  errors,
  own,
  catalog,
}: {
  form: WhatIfForm;
  errors: FormErrors;
  own: readonly Source[];
  catalog: Catalog;
}) => {
  const ticked = new Set(form.sources);
  const all = [...own, ...catalog.sources];
  const first = all.filter((s) => ticked.has(s.id));
  const ownRest = own.filter((s) => !ticked.has(s.id));
  const rest = catalog.sources.filter((s) => !ticked.has(s.id));
  const Check = ({ source }: { source: Source }) => (
    <li>
      <input
        type="checkbox"
        name="sources"
        value={source.id}
        id={`src-${source.id}`}
        checked={ticked.has(source.id)}
      />
      <label for={`src-${source.id}`}>{sourceLabel(source)}</label>
    </li>
  );
  const fresh = form.newSource;
  return (
    <fieldset id={idOf('sources')} {...described('sources', errors)}>
      <legend>Sources the what-if cites</legend>
      <FieldErrors name="sources" errors={errors} />
      <ul class="wi-checks">
        {first.map((s) => (
          <Check source={s} />
        ))}
        {ownRest.map((s) => (
          <Check source={s} />
        ))}
      </ul>
      <details>
        <summary>Other catalogue sources ({rest.length})</summary>
        <ul class="wi-checks">
          {rest.map((s) => (
            <Check source={s} />
          ))}
        </ul>
      </details>
      <fieldset id={idOf('newSource')}>
        <legend>Add a source of your own (optional)</legend>
        <FieldErrors name="newSource" errors={errors} />
        <div class="wi-row">
          <TextField name="newSource.publisher" label="Publisher" value={fresh.publisher} errors={errors} />
          <TextField name="newSource.title" label="Title" value={fresh.title} errors={errors} />
        </div>
        <div class="wi-row">
          <TextField
            name="newSource.date"
            label="Date"
            value={fresh.date}
            errors={errors}
            hint="YYYY-MM-DD, YYYY-MM or YYYY"
            className="share"
          />
          <TextField
            name="newSource.url"
            label="Address (optional)"
            value={fresh.url}
            errors={errors}
            type="url"
          />
          <SelectField
            name="newSource.kind"
            label="Kind"
            value={fresh.kind}
            options={SourceKindSchema.options.map((k) => ({ value: k, label: humanize(k) }))}
            errors={errors}
          />
        </div>
      </fieldset>
    </fieldset>
  );
};

/** Every message on the form, as links to its fields, read out when the page opens. */
const ErrorSummary = ({ errors }: { errors: FormErrors }) => {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice" role="alert" id="form-errors" tabindex={-1}>
      <h2>
        Nothing was saved: please correct {entries.length === 1 ? 'one field' : `${entries.length} fields`}
      </h2>
      <p>Everything you typed is still in the form.</p>
      <ul>
        {entries.map(([name, messages]) => (
          <li>
            {name === 'form' ? (
              messages.join('; ')
            ) : (
              <a href={`#${idOf(name)}`}>{`${fieldLabel(name)}: ${messages.join('; ')}`}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};

/** A readable name for a field in the error summary: "Donetsk, low share", "Title". */
function fieldLabel(name: string): string {
  const parts = name.split('.');
  if (parts[0] === 'region' || parts[0] === 'issue') {
    return [humanize(parts[1] ?? ''), parts[2] && humanize(parts[2]).toLowerCase()]
      .filter(Boolean)
      .join(', ');
  }
  if (parts[0] === 'newSource') return `New source${parts[1] ? `, ${parts[1]}` : ''}`;
  return humanize(name);
}

export interface FormPageOptions {
  heading: string;
  intro: Child;
  form: WhatIfForm;
  errors: FormErrors;
  action: string;
  submitLabel: string;
  csrf: string;
  hidden: Record<string, string>;
  own: readonly Source[];
  catalog: Catalog;
  /** Set when someone else saved in between: the version they saved, shown beside the form. */
  conflict?: { scenario: Scenario; sources: readonly Source[]; revision: number; savedAt: string };
}

/** The what-if form, with the baseline share beside each region's bounds. */
const WhatIfFormView = ({ o }: { o: FormPageOptions }) => {
  const { form, errors, catalog } = o;
  const baseline = catalog.latestBaseline;
  return (
    <form method="post" action={o.action} class="wi-form" novalidate>
      <input type="hidden" name={CSRF_FIELD} value={o.csrf} />
      {Object.entries(o.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>About the what-if</legend>
        <TextField name="title" label="Title" value={form.title} errors={errors} />
        <TextField name="summary" label="Summary" value={form.summary} errors={errors} multiline />
        <div class="wi-row">
          <TextField
            name="date"
            label="Date"
            value={form.date}
            errors={errors}
            type="date"
            className=""
            hint="YYYY-MM-DD"
          />
          <TextField name="venue" label="Venue or occasion" value={form.venue} errors={errors} />
        </div>
        <fieldset id={idOf('proposers')} {...described('proposers', errors)}>
          <legend>Proposed by</legend>
          <FieldErrors name="proposers" errors={errors} />
          <ul class="wi-checks">
            {catalog.parties.map((party) => (
              <li>
                <input
                  type="checkbox"
                  name="proposers"
                  value={party.id}
                  id={`party-${party.id}`}
                  checked={form.proposers.includes(party.id)}
                />
                <label for={`party-${party.id}`}>{party.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
      <h2>Territory</h2>
      <p class="hint">
        Shares are the percentage of the region under Russian control after the what-if: a number from 0 to
        100, or “baseline” for the share at whichever baseline a comparison uses. Leave both empty to keep the
        baseline.
      </p>
      {catalog.regions.map((region) => {
        const fields = form.regions[region.id] ?? {
          outcome: '',
          low: '',
          high: '',
          quantified: '',
          note: '',
        };
        const at = `region.${region.id}`;
        const base = baseline.shares.find((s) => s.region === region.id)?.russianShare;
        const baseText = `Baseline ${formatDate(baseline.id)}: ${base === undefined ? 'not given' : formatShare(base)}`;
        return (
          <fieldset id={idOf(at)} {...described(at, errors)}>
            <legend>{region.name}</legend>
            <FieldErrors name={at} errors={errors} />
            <div class="wi-row">
              <SelectField
                name={`${at}.outcome`}
                label="Outcome"
                value={fields.outcome}
                options={OUTCOMES}
                errors={errors}
              />
              <TextField
                name={`${at}.low`}
                label="Share, low (%)"
                value={fields.low}
                errors={errors}
                className="share"
                hint={baseText}
              />
              <TextField
                name={`${at}.high`}
                label="Share, high (%)"
                value={fields.high}
                errors={errors}
                className="share"
                hint={baseText}
              />
              <SelectField
                name={`${at}.quantified`}
                label="Quantified?"
                value={fields.quantified}
                options={QUANTIFIED}
                errors={errors}
              />
            </div>
            <TextField
              name={`${at}.note`}
              label={`Note on ${region.name}`}
              value={fields.note}
              errors={errors}
              multiline
            />
          </fieldset>
        );
      })}
      <h2>Issues</h2>
      <p class="hint">
        A short code for the position (e.g. no-nato, not-addressed) and what it means. Leave both empty to
        leave the issue out.
      </p>
      {catalog.issues.map((issue) => {
        const fields = form.issues[issue.id] ?? { position: '', detail: '' };
        const at = `issue.${issue.id}`;
        return (
          <fieldset id={idOf(at)} {...described(at, errors)}>
            <legend>{issue.label}</legend>
            <FieldErrors name={at} errors={errors} />
            <TextField
              name={`${at}.position`}
              label={`Position on ${issue.label}`}
              value={fields.position}
              errors={errors}
            />
            <TextField
              name={`${at}.detail`}
              label={`Detail on ${issue.label}`}
              value={fields.detail}
              errors={errors}
              multiline
            />
          </fieldset>
        );
      })}
      <h2>Sources</h2>
      <Sources form={form} errors={errors} own={o.own} catalog={catalog} />
      <div class="actions">
        <button type="submit" class="primary">
          {o.submitLabel}
        </button>
      </div>
    </form>
  );
};

/** The form page: a new what-if, an edit, or an edit whose base was revised meanwhile. */
export function renderFormPage(o: FormPageOptions): string {
  const body = (
    <>
      <h1>{o.heading}</h1>
      {o.intro}
      <ErrorSummary errors={o.errors} />
      {o.conflict && (
        <div class="notice" role="alert" id="conflict">
          <h2>Someone saved this what-if while you were editing</h2>
          <p>
            Revision {o.conflict.revision} was saved on {o.conflict.savedAt}. Nothing of yours was saved and
            nothing was overwritten. Compare the two versions below: change your version if you like, then
            save it as revision {o.conflict.revision + 1}, or leave this page to keep theirs.
          </p>
        </div>
      )}
    </>
  );
  if (o.conflict) {
    return toDocument(
      <Page title={`Conflict: ${o.heading}`} catalog={o.catalog}>
        {body}
        <div class="side-by-side">
          <section aria-labelledby="theirs">
            <h2 id="theirs">Saved meanwhile (revision {o.conflict.revision})</h2>
            <ScenarioView
              scenario={o.conflict.scenario}
              sources={o.conflict.sources}
              catalog={o.catalog}
              level={3}
            />
          </section>
          <section aria-labelledby="yours">
            <h2 id="yours">Your version (not saved yet)</h2>
            <WhatIfFormView o={o} />
          </section>
        </div>
      </Page>,
    );
  }
  return toDocument(
    <Page
      title={o.errors && Object.keys(o.errors).length > 0 ? `Please check: ${o.heading}` : o.heading}
      catalog={o.catalog}
    >
      {body}
      <WhatIfFormView o={o} />
    </Page>,
  );
}

const shareText = (low: ShareBound, high: ShareBound): string => {
  const show = (b: ShareBound) => (b === 'baseline' ? 'baseline' : `${percentText(b)}%`);
  return low === high ? show(low) : `${show(low)} to ${show(high)}`;
};

/** A what-if, read only: what it is, its territory and issues, and its sources. */
export const ScenarioView = ({
  scenario,
  sources,
  catalog,
  level = 2,
}: {
  scenario: Scenario;
  sources: readonly Source[];
  catalog: Catalog;
  level?: 2 | 3;
}) => {
  const H = level === 2 ? 'h2' : 'h3';
  const baseline = catalog.latestBaseline;
  const sourceOf = (id: string) => sources.find((s) => s.id === id) ?? catalog.sourcesById.get(id);
  return (
    <div class="wi-view">
      {level === 3 && <p class="lead">{scenario.title}</p>}
      <p>{scenario.summary}</p>
      <p class="meta">
        Proposed by {proposerNames(catalog, scenario.proposers)} ·{' '}
        <time datetime={scenario.date}>{formatDate(scenario.date)}</time> · {scenario.venue}
      </p>
      <H>Territory</H>
      {/* Focusable, so that a keyboard can scroll a table wider than the screen. */}
      <section class="table-wrap" tabindex={0} aria-label={`Territory of ${scenario.title}`}>
        <table>
          <caption>After the what-if, against the baseline of {formatDate(baseline.id)}</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Outcome</th>
              <th scope="col">Share under Russian control</th>
              <th scope="col">Baseline</th>
              <th scope="col">Quantified</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {scenario.territory.map((term) => {
              const base = baseline.shares.find((s) => s.region === term.region)?.russianShare;
              return (
                <tr>
                  <th scope="row">{catalog.regionsById.get(term.region)?.name ?? term.region}</th>
                  <td>{humanize(term.outcome)}</td>
                  <td class="num">
                    {term.russianShare
                      ? shareText(term.russianShare.low, term.russianShare.high)
                      : 'baseline'}
                  </td>
                  <td class="num">{base === undefined ? '—' : formatShare(base)}</td>
                  <td>{term.quantified === undefined ? '—' : term.quantified ? 'yes' : 'no'}</td>
                  <td>{term.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <H>Issues</H>
      <section class="table-wrap" tabindex={0} aria-label={`Issues of ${scenario.title}`}>
        <table>
          <caption>Position on each issue</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Position</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {scenario.terms.map((term) => (
              <tr>
                <th scope="row">{catalog.issuesById.get(term.issue)?.label ?? term.issue}</th>
                <td>{humanize(term.position)}</td>
                <td>{term.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <H>Sources</H>
      <ul>
        {scenario.sources.map((id) => {
          const source = sourceOf(id);
          return <li>{source ? sourceLabel(source) : id}</li>;
        })}
      </ul>
    </div>
  );
};

export interface SavedPageOptions {
  id: string;
  scenario: Scenario;
  sources: readonly Source[];
  /** The revision shown, and the latest. */
  revision: number;
  latest: number;
  history: readonly { revision: number; createdAt: string }[];
  forkOf: string | null;
  canEdit: boolean;
  /** Shown once, right after a create: the link that gives editing to whoever opens it. */
  editLink?: string;
  publicLink: string;
  notice?: string;
  catalog: Catalog;
}

/** A saved what-if: itself, its history, compare with…, downloads, and for its editors Edit and Delete. */
export function renderSavedPage(o: SavedPageOptions): string {
  const { id, scenario, catalog } = o;
  const ref = `saved:${id}@${o.revision}`;
  const fork = o.forkOf ? catalog.scenariosById.get(o.forkOf) : undefined;
  return toDocument(
    <Page title={scenario.title} catalog={catalog}>
      <h1>{scenario.title}</h1>
      <p class="meta">
        A saved what-if · revision {o.revision}
        {o.revision !== o.latest && ` (the latest is revision ${o.latest})`}
        {fork && (
          <>
            {' '}
            · started from <a href={`/compare?scenarios=${fork.id}`}>{fork.title}</a>
          </>
        )}
      </p>
      {o.notice && (
        <p class="ok" role="status">
          {o.notice}
        </p>
      )}
      {o.editLink && (
        <div class="secret" role="status">
          <h2>Your private edit link, shown only this once</h2>
          <p>
            This browser can edit the what-if. To edit it from elsewhere, or to let a co-author edit it, keep
            this link and send it only to them: whoever opens it can change or delete the what-if.
          </p>
          <p>
            <code id="edit-link">{o.editLink}</code>
          </p>
        </div>
      )}
      <p>
        Public link (view only): <a href={o.publicLink}>{o.publicLink}</a>
      </p>
      {o.canEdit && (
        <div class="actions">
          <a class="button primary" href={`/saved/${id}/edit`}>
            Edit this what-if
          </a>
          <a class="button" href={`/saved/${id}/delete`}>
            Delete…
          </a>
        </div>
      )}
      <ScenarioView scenario={scenario} sources={o.sources} catalog={catalog} />
      <h2 id="compare-with">Compare with…</h2>
      <form method="get" action="/compare" class="wi-form">
        <input type="hidden" name="scenarios" value={ref} />
        <fieldset>
          <legend>Catalogue scenarios to show beside this what-if</legend>
          <ul class="wi-checks">
            {catalog.scenarios.map((s) => (
              <li>
                <input type="checkbox" name="scenarios" value={s.id} id={`with-${s.id}`} />
                <label for={`with-${s.id}`}>{s.title}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            Compare
          </button>
        </div>
      </form>
      <h2 id="downloads">Download</h2>
      <ul class="downloads">
        <li>
          <a href={`/v1/compare?scenarios=${ref}&format=xlsx`} download>
            Excel workbook (.xlsx)
          </a>
        </li>
        <li>
          <a href={`/v1/compare?scenarios=${ref}&format=csv`} download>
            CSV table
          </a>
        </li>
        <li>
          <a href={`/v1/saved-scenarios/${id}/revisions/${o.revision}`} download>
            JSON
          </a>
        </li>
      </ul>
      <h2 id="history">History</h2>
      <ol>
        {o.history.map((h) => (
          <li>
            {h.revision === o.revision ? (
              <span aria-current="page">Revision {h.revision} (shown)</span>
            ) : (
              <a href={`/saved/${id}?revision=${h.revision}`}>Revision {h.revision}</a>
            )}{' '}
            <span class="meta">
              saved <time datetime={h.createdAt}>{h.createdAt.replace('T', ' ').slice(0, 16)} UTC</time>
            </span>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/what-if/new?from=${encodeURIComponent(ref)}`}>Make a new what-if from this one</a>
      </p>
    </Page>,
  );
}

/** A page that only says something: a deleted what-if (410), an unknown one, a refused form. */
export function renderMessagePage(catalog: Catalog, title: string, body: Child): string {
  return toDocument(
    <Page title={title} catalog={catalog}>
      <h1>{title}</h1>
      {body}
      <p>
        <a href="/">Back to the scenarios</a>
      </p>
    </Page>,
  );
}

/** The page an edit link opens: its key (after "#") goes into this form, by script or by hand. */
export function renderClaimPage(catalog: Catalog, id: string, csrf: string, error?: string): string {
  return toDocument(
    <Page title="Edit a what-if" catalog={catalog} script>
      <h1>Edit a what-if</h1>
      <p>
        An edit link lets this browser change the what-if <a href={`/saved/${id}`}>{`/saved/${id}`}</a>. If
        the page does not go on by itself, paste the part of the link after “#” here.
      </p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/saved/${id}/claim`} id="claim-form" class="wi-form">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <div class="wi-field">
          <label for="token">Edit key</label>
          <input type="password" id="token" name="token" autocomplete="off" class="wide" />
        </div>
        <button type="submit" class="primary">
          Use this key
        </button>
      </form>
    </Page>,
  );
}

/** Asks before deleting; the form names the revision the person saw. */
export function renderDeletePage(
  catalog: Catalog,
  id: string,
  title: string,
  revision: number,
  csrf: string,
): string {
  return toDocument(
    <Page title={`Delete ${title}?`} catalog={catalog}>
      <h1>Delete “{title}”?</h1>
      <p>
        Its page, every revision and its downloads go for good; the public link will say it was deleted. This
        cannot be undone.
      </p>
      <form method="post" action={`/saved/${id}/delete`} class="actions">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="revision" value={String(revision)} />
        <button type="submit" class="danger">
          Delete for good
        </button>
        <a href={`/saved/${id}`}>No, keep it</a>
      </form>
    </Page>,
  );
}
