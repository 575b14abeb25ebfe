import type { Catalog } from '../catalog.ts';
import type { ComparisonReference } from '../domain/compare.ts';
import {
  checkBaselineReferences,
  checkScenarioReferences,
  checkSharesAgainstBaseline,
  checkSupersedes,
  type IntegrityProblem,
  knownIdsOf,
} from '../domain/integrity.ts';
import type { Baseline, Source } from '../domain/reference.ts';
import type { Scenario } from '../domain/scenario.ts';
import {
  type FieldError,
  formatPath,
  invalidFieldsDetail,
  ProblemError,
  unknownIdProblem,
} from '../problem.ts';
import type { SavedScenarios } from './saved-comparison.ts';

/** What a comparison request asks for, once its parts have passed schema validation. */
export interface ComparisonRequest {
  scenarios: readonly (string | Scenario)[];
  baseline?: string | Baseline;
  sources?: readonly Source[];
}

/** The inputs of compareScenarios(), resolved from a request against the catalogue. */
export interface ResolvedComparison {
  scenarios: Scenario[];
  baseline: Baseline;
  reference: ComparisonReference;
  /** True when every scenario and the baseline come from the catalogue (the response can be cached). */
  fromCatalogue: boolean;
}

const toFieldErrors = (where: FieldError['in'], prefix: (string | number)[], problems: IntegrityProblem[]) =>
  problems.map((p) => ({ in: where, path: formatPath([...prefix, ...p.path]), message: p.message }));

/**
 * Resolves scenario ids and inline scenarios, a baseline date or inline snapshot, and inline
 * sources against the catalogue. Unknown ids in a query are 404s; anything wrong inside a body
 * is a 422 that names every JSON path at fault. `saved` holds the saved scenarios (`saved:<id>`
 * references) the request names, loaded beforehand; they obey the same rules as inline ones.
 */
export function resolveComparison(
  request: ComparisonRequest,
  catalog: Catalog,
  where: 'query' | 'body',
  saved: SavedScenarios = new Map(),
): ResolvedComparison {
  const errors: FieldError[] = [];
  /** The problem for the field errors found so far: 400 in a query, 422 in a body. */
  const invalid = () =>
    new ProblemError(where === 'query' ? 'bad-request' : 'validation', invalidFieldsDetail(errors), {
      errors,
    });
  const inlineSources = request.sources ?? [];
  const sourcesById =
    inlineSources.length > 0 || saved.size > 0 ? new Map(catalog.sourcesById) : catalog.sourcesById;
  inlineSources.forEach((source, i) => {
    if (sourcesById.has(source.id)) {
      errors.push({
        in: where,
        path: `sources[${i}].id`,
        message: `source id "${source.id}" is already in the catalogue`,
      });
    }
    (sourcesById as Map<string, Source>).set(source.id, source);
  });
  // A saved scenario's own sources join the comparison's; two that share an id must be the same source.
  for (const [ref, entry] of saved) {
    for (const source of entry.sources) {
      const known = sourcesById.get(source.id);
      if (known && JSON.stringify(known) !== JSON.stringify(source)) {
        errors.push({
          in: where,
          path: where === 'query' ? 'scenarios' : 'sources',
          message: `source id "${source.id}" of ${ref} names a different source elsewhere in this comparison`,
        });
      }
      (sourcesById as Map<string, Source>).set(source.id, source);
    }
  }
  const inlineOf = (entry: string | Scenario): Scenario | undefined =>
    typeof entry === 'string' ? saved.get(entry)?.scenario : entry;

  const seen = new Map<string, number>();
  const scenarios: Scenario[] = [];
  const unknownIds: string[] = [];
  request.scenarios.forEach((entry, i) => {
    const id = inlineOf(entry)?.id ?? (entry as string);
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({
        in: where,
        path: where === 'query' ? 'scenarios' : `scenarios[${i}]`,
        message: `scenario "${id}" is listed twice (first at position ${first + 1})`,
      });
    }
    seen.set(id, i);
    const savedScenario = typeof entry === 'string' ? saved.get(entry)?.scenario : undefined;
    if (savedScenario) scenarios.push(savedScenario);
    else if (typeof entry === 'string') {
      const scenario = catalog.scenariosById.get(entry);
      if (scenario) scenarios.push(scenario);
      else unknownIds.push(entry);
    } else {
      if (catalog.scenariosById.has(entry.id)) {
        errors.push({
          in: where,
          path: `scenarios[${i}].id`,
          message: `id "${entry.id}" is a catalogue scenario; give your scenario another id`,
        });
      }
      scenarios.push(entry);
    }
  });

  // In a query, what is wrong with the list itself (an id twice, a saved scenario's clashing
  // source) is a bad request whether or not its ids exist: answer it before any unknown id.
  if (where === 'query' && errors.length > 0) throw invalid();

  const hasInline =
    typeof request.baseline === 'object' || request.scenarios.some((s) => inlineOf(s) !== undefined);
  const known = hasInline
    ? knownIdsOf({
        sources: [...sourcesById.values()],
        regions: catalog.regions,
        parties: catalog.parties,
        issues: catalog.issues,
        scenarios: [...catalog.scenarios, ...scenarios],
      })
    : undefined;

  let baseline: Baseline | undefined;
  if (request.baseline === undefined) baseline = catalog.latestBaseline;
  else if (typeof request.baseline === 'string') {
    baseline = catalog.baselinesById.get(request.baseline);
    if (!baseline && where === 'query')
      throw unknownIdProblem('baseline', [request.baseline], [...catalog.baselinesById.keys()], {
        in: 'query',
        path: 'baseline',
      });
    if (!baseline) {
      errors.push({
        in: where,
        path: 'baseline',
        message: `unknown baseline date "${request.baseline}"; valid: ${[...catalog.baselinesById.keys()].join(', ')}`,
      });
    }
  } else if (known) {
    baseline = request.baseline;
    // Like inline scenario and source ids: an inline snapshot must not pass for the catalogue's.
    if (catalog.baselinesById.has(baseline.id)) {
      errors.push({
        in: where,
        path: 'baseline.id',
        message: `id "${baseline.id}" is a catalogue baseline; give your snapshot another id`,
      });
    }
    errors.push(...toFieldErrors(where, ['baseline'], checkBaselineReferences(baseline, known)));
  }

  if (unknownIds.length > 0) {
    if (where === 'query') {
      throw unknownIdProblem('scenario', unknownIds, [...catalog.scenariosById.keys()], {
        in: 'query',
        path: 'scenarios',
      });
    }
    request.scenarios.forEach((entry, i) => {
      if (typeof entry === 'string' && unknownIds.includes(entry)) {
        errors.push({ in: where, path: `scenarios[${i}]`, message: `unknown scenario id "${entry}"` });
      }
    });
  }

  // Inline scenarios obey the catalogue's rules: known ids, a supersedes chain of the same
  // proposer going back in time, and share intervals that hold against every baseline they may
  // be compared with (this request's and the catalogue's).
  const chainable = new Map(catalog.scenariosById);
  for (const entry of request.scenarios) {
    const inline = inlineOf(entry);
    if (inline) chainable.set(inline.id, inline);
  }
  const baselines =
    baseline && !catalog.baselines.includes(baseline) ? [baseline, ...catalog.baselines] : catalog.baselines;
  request.scenarios.forEach((original, i) => {
    const entry = inlineOf(original);
    if (!entry || !known) return;
    const at = ['scenarios', i];
    errors.push(...toFieldErrors(where, at, checkScenarioReferences(entry, known)));
    errors.push(...toFieldErrors(where, at, checkSupersedes(entry, chainable)));
    for (const against of baselines) {
      errors.push(...toFieldErrors(where, at, checkSharesAgainstBaseline(entry, against)));
    }
  });

  if (errors.length > 0 || !baseline) throw invalid();

  return {
    scenarios,
    baseline,
    reference:
      sourcesById === catalog.sourcesById
        ? catalog.comparisonReference
        : { ...catalog.comparisonReference, sourcesById },
    fromCatalogue: !hasInline && inlineSources.length === 0 && saved.size === 0,
  };
}
