// The what-if form as data: what a person typed (strings, kept exactly so that a form with a
// mistake comes back as it was sent), how a scenario fills it, and how it becomes the body of a
// saved scenario. Validation is not here: the body goes through the saved-scenarios API's own
// schema and rules (validateSavedBody), and their field paths are mapped back onto the form.
import type { Catalog } from '../../domain/catalog.ts';
import type { Source } from '../../domain/reference.ts';
import type { Scenario, ShareBound, TerritoryTerm } from '../../domain/scenario.ts';
import type { FieldError } from '../../problem.ts';

/** One region's row: outcome, share bounds as typed (percentages or "baseline"), quantified, note. */
export interface RegionFields {
  outcome: string;
  low: string;
  high: string;
  /** "yes", "no", or "" (not said). */
  quantified: string;
  note: string;
}

export interface IssueFields {
  position: string;
  detail: string;
}

export interface NewSourceFields {
  publisher: string;
  title: string;
  date: string;
  url: string;
  kind: string;
}

/** Everything the form holds, as text. */
export interface WhatIfForm {
  title: string;
  summary: string;
  date: string;
  venue: string;
  proposers: string[];
  regions: Record<string, RegionFields>;
  issues: Record<string, IssueFields>;
  /** Ticked source ids (catalogue sources and the what-if's own). */
  sources: string[];
  newSource: NewSourceFields;
}

/** Messages to show, keyed by form field name ("title", "region.donetsk.low", "sources", "form", …). */
export type FormErrors = Record<string, string[]>;

/** What the form was started from; fields the form does not show are carried over from it. */
export type FormBase =
  | { kind: 'blank' }
  | { kind: 'catalogue'; scenario: Scenario }
  | { kind: 'saved'; id: string; revision: number; scenario: Scenario; sources: readonly Source[] };

const EMPTY_SOURCE: NewSourceFields = { publisher: '', title: '', date: '', url: '', kind: 'analysis' };
/** The default id of a what-if started blank (catalogue ids never start with "what-if-"). */
const BLANK_ID = 'what-if';
/** Ids given to sources a person adds: never a catalogue source id (checked, and bumped if so). */
const OWN_SOURCE_PREFIX = 'own-source-';

/** A share 0..1 as the percentage the form shows: 0.5 → "50", 0.123 → "12.3". */
export function percentText(bound: ShareBound | undefined): string {
  if (bound === undefined) return '';
  if (bound === 'baseline') return 'baseline';
  return String(Number((bound * 100).toFixed(4)));
}

/** The form filled from a scenario (every catalogue region and issue gets a row). */
export function formFromScenario(scenario: Scenario | undefined, catalog: Catalog): WhatIfForm {
  const regions: Record<string, RegionFields> = {};
  for (const region of catalog.regions) {
    const term = scenario?.territory.find((t) => t.region === region.id);
    regions[region.id] = {
      outcome: term?.outcome ?? '',
      low: percentText(term?.russianShare?.low),
      high: percentText(term?.russianShare?.high),
      quantified: term?.quantified === undefined ? '' : term.quantified ? 'yes' : 'no',
      note: term?.note ?? '',
    };
  }
  const issues: Record<string, IssueFields> = {};
  for (const issue of catalog.issues) {
    const term = scenario?.terms.find((t) => t.issue === issue.id);
    issues[issue.id] = { position: term?.position ?? '', detail: term?.detail ?? '' };
  }
  return {
    title: scenario?.title ?? '',
    summary: scenario?.summary ?? '',
    date: scenario?.date ?? new Date().toISOString().slice(0, 10),
    venue: scenario?.venue ?? '',
    proposers: [...(scenario?.proposers ?? [])],
    regions,
    issues,
    sources: [...(scenario?.sources ?? [])],
    newSource: { ...EMPTY_SOURCE },
  };
}

/** A form body as URLSearchParams-like pairs (what `c.req.parseBody({ all: true })` gives, strings only). */
export type FormBody = Record<string, string | string[] | File | (string | File)[]>;

const text = (body: FormBody, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};
const texts = (body: FormBody, name: string): string[] => {
  const value = body[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is string => typeof v === 'string');
};

/** The form as a person sent it. Rows are read for the catalogue's regions and issues only. */
export function formFromBody(body: FormBody, catalog: Catalog): WhatIfForm {
  const regions: Record<string, RegionFields> = {};
  for (const region of catalog.regions) {
    const at = `region.${region.id}.`;
    regions[region.id] = {
      outcome: text(body, `${at}outcome`),
      low: text(body, `${at}low`),
      high: text(body, `${at}high`),
      quantified: text(body, `${at}quantified`),
      note: text(body, `${at}note`),
    };
  }
  const issues: Record<string, IssueFields> = {};
  for (const issue of catalog.issues) {
    const at = `issue.${issue.id}.`;
    issues[issue.id] = { position: text(body, `${at}position`), detail: text(body, `${at}detail`) };
  }
  return {
    title: text(body, 'title'),
    summary: text(body, 'summary'),
    date: text(body, 'date'),
    venue: text(body, 'venue'),
    proposers: texts(body, 'proposers'),
    regions,
    issues,
    sources: texts(body, 'sources'),
    newSource: {
      publisher: text(body, 'newSource.publisher'),
      title: text(body, 'newSource.title'),
      date: text(body, 'newSource.date'),
      url: text(body, 'newSource.url'),
      kind: text(body, 'newSource.kind') || EMPTY_SOURCE.kind,
    },
  };
}

/** Reads a typed share bound: a percentage 0–100 (a trailing % allowed) or "baseline". */
function parseBound(typed: string): ShareBound | undefined | 'invalid' {
  const value = typed.trim().replace(/%$/, '').trim();
  if (value === '') return undefined;
  if (value.toLowerCase() === 'baseline') return 'baseline';
  if (!/^\d{1,3}(?:[.,]\d+)?$/.test(value)) return 'invalid';
  const percent = Number(value.replace(',', '.'));
  if (percent > 100) return 'invalid';
  return Number((percent / 100).toFixed(6));
}

const add = (errors: FormErrors, field: string, message: string) => {
  errors[field] = [...(errors[field] ?? []), message];
};

/** Where a body's field path shows on the form, given which region and issue each index holds. */
function fieldOfPath(
  path: string,
  regionAt: readonly string[],
  issueAt: readonly string[],
  newSourceAt: number,
) {
  const bare = path.replace(/^scenario\./, '');
  const territory = /^territory\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(bare);
  if (territory) {
    const region = regionAt[Number(territory[1])];
    if (!region) return 'form';
    const [, , field, sub] = territory;
    if (field === 'russianShare') return `region.${region}.${sub === 'high' ? 'high' : 'low'}`;
    if (field === 'outcome' || field === 'quantified' || field === 'note') return `region.${region}.${field}`;
    return `region.${region}`;
  }
  const term = /^terms\[(\d+)\](?:\.(\w+))?/.exec(bare);
  if (term) {
    const issue = issueAt[Number(term[1])];
    if (!issue) return 'form';
    return term[2] === 'position' || term[2] === 'detail' ? `issue.${issue}.${term[2]}` : `issue.${issue}`;
  }
  const stored = /^sources\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (stored && Number(stored[1]) === newSourceAt) {
    const field = stored[2];
    return field && ['publisher', 'title', 'date', 'url', 'kind'].includes(field)
      ? `newSource.${field}`
      : 'newSource';
  }
  const top = /^(title|summary|date|venue|proposers|sources)\b/.exec(bare);
  if (top?.[1]) return top[1];
  return 'form';
}

/** A new own source's id: own-source-<n>, past any own or catalogue source of that name. */
function newSourceId(existing: readonly Source[], catalog: Catalog): string {
  let n = existing.filter((s) => s.id.startsWith(OWN_SOURCE_PREFIX)).length + 1;
  const taken = (id: string) => catalog.sourcesById.has(id) || existing.some((s) => s.id === id);
  while (taken(`${OWN_SOURCE_PREFIX}${n}`)) n++;
  return `${OWN_SOURCE_PREFIX}${n}`;
}

/** The id a what-if takes: kept for a saved one, "what-if-<base>" for a fork, "what-if" when blank. */
function scenarioIdFor(base: FormBase): string {
  if (base.kind === 'saved') return base.scenario.id;
  if (base.kind === 'blank') return BLANK_ID;
  return `what-if-${base.scenario.id}`.slice(0, 80).replace(/-+$/, '');
}

/**
 * Builds the saved-scenario body from the form and its base: fields the form shows come from the
 * form, the rest (legal status, readings, term sources, status…) from the base. A fork becomes a
 * "what-if" without the original's stances, corrections or supersedes: nobody said those of it.
 * Returns the form's own parse errors (a share that is not a percentage) instead when there are any.
 */
export function buildBody(
  form: WhatIfForm,
  base: FormBase,
  catalog: Catalog,
):
  | { body: { scenario: unknown; sources: Source[] }; locate: (e: FieldError) => string }
  | { errors: FormErrors } {
  const errors: FormErrors = {};
  const baseScenario = base.kind === 'blank' ? undefined : base.scenario;
  const ownSources: Source[] = base.kind === 'saved' ? [...base.sources] : [];
  const cited = form.sources.filter(
    (id) => catalog.sourcesById.has(id) || ownSources.some((s) => s.id === id),
  );

  const fresh = form.newSource;
  let newSourceAt = -1;
  if ([fresh.publisher, fresh.title, fresh.date, fresh.url].some((v) => v.trim() !== '')) {
    const id = newSourceId(ownSources, catalog);
    const source: Record<string, string> = {
      id,
      publisher: fresh.publisher,
      title: fresh.title,
      date: fresh.date,
      kind: fresh.kind,
    };
    if (fresh.url.trim() !== '') source.url = fresh.url.trim();
    newSourceAt = ownSources.length;
    ownSources.push(source as unknown as Source);
    cited.push(id);
  }

  const territory: unknown[] = [];
  const regionAt: string[] = [];
  for (const region of catalog.regions) {
    const fields = form.regions[region.id];
    if (!fields || fields.outcome === '') continue;
    const earlier = baseScenario?.territory.find((t) => t.region === region.id);
    const low = parseBound(fields.low);
    const high = parseBound(fields.high);
    const message = 'enter a percentage from 0 to 100, or “baseline”';
    if (low === 'invalid') add(errors, `region.${region.id}.low`, message);
    if (high === 'invalid') add(errors, `region.${region.id}.high`, message);
    if (low === 'invalid' || high === 'invalid') continue;
    if ((low === undefined) !== (high === undefined)) {
      add(
        errors,
        `region.${region.id}.${low === undefined ? 'low' : 'high'}`,
        'give both bounds, or neither',
      );
      continue;
    }
    const term: Record<string, unknown> = {
      region: region.id,
      outcome: fields.outcome,
      legalStatus: earlier?.legalStatus ?? 'unspecified',
      sources: earlier?.sources ?? cited.slice(0, 20),
    };
    if (low !== undefined && high !== undefined) term.russianShare = { low, high };
    if (fields.quantified !== '') term.quantified = fields.quantified === 'yes';
    if (earlier?.readings) term.readings = earlier.readings;
    if (fields.note.trim() !== '') term.note = fields.note;
    territory.push(term as TerritoryTerm);
    regionAt.push(region.id);
  }

  const terms: unknown[] = [];
  const issueAt: string[] = [];
  for (const issue of catalog.issues) {
    const fields = form.issues[issue.id];
    if (!fields || (fields.position.trim() === '' && fields.detail.trim() === '')) continue;
    const earlier = baseScenario?.terms.find((t) => t.issue === issue.id);
    const term: Record<string, unknown> = {
      issue: issue.id,
      position: fields.position.trim(),
      detail: fields.detail,
      sources: earlier?.sources ?? cited.slice(0, 20),
    };
    // A number the base set stays only while the position is the same one.
    if (earlier?.value && earlier.position === term.position) term.value = earlier.value;
    terms.push(term);
    issueAt.push(issue.id);
  }

  if (Object.keys(errors).length > 0) return { errors };

  const scenario: Record<string, unknown> = {
    id: scenarioIdFor(base),
    title: form.title,
    summary: form.summary,
    proposers: form.proposers,
    date: form.date,
    venue: form.venue,
    status: 'what-if',
    sources: cited,
    territory,
    terms,
    stances: base.kind === 'saved' ? base.scenario.stances : [],
  };
  if (base.kind === 'saved' && base.scenario.corrections) scenario.corrections = base.scenario.corrections;
  return {
    body: { scenario, sources: ownSources },
    locate: (error) => fieldOfPath(error.path, regionAt, issueAt, newSourceAt),
  };
}

/** Puts API field errors on the form's fields. */
export function errorsOnForm(errors: readonly FieldError[], locate: (e: FieldError) => string): FormErrors {
  const out: FormErrors = {};
  for (const error of errors) {
    const field = locate(error);
    const message = field === 'form' && error.path ? `${error.path}: ${error.message}` : error.message;
    if (!out[field]?.includes(message)) add(out, field, message);
  }
  return out;
}
