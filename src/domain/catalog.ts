import { z } from 'zod';
import { regionSourceIds } from './citations.ts';
import type { ComparisonReference } from './compare.ts';
import { contentHash } from './hash.ts';
import {
  checkBaselineReferences,
  checkChangelogReferences,
  checkCoverage,
  checkScenarioReferences,
  checkSharesAgainstBaseline,
  checkSupersedes,
  type IntegrityProblem,
  knownIdsOf,
} from './integrity.ts';
import { byDateThenId, compareCodeUnits } from './primitives.ts';
import {
  type Baseline,
  BaselineSchema,
  type ChangelogEntry,
  ChangelogEntrySchema,
  type Issue,
  IssueSchema,
  type Party,
  PartySchema,
  type Region,
  type RegionsFile,
  RegionsFileSchema,
  type Source,
  SourceSchema,
} from './reference.ts';
import { type Scenario, ScenarioFileSchema } from './scenario.ts';

/** The validated, indexed dataset. Built once per isolate. */
export interface Catalog {
  /** Content hash of every bundled file: changes whenever the data changes. */
  version: string;
  ukraine: RegionsFile['ukraine'];
  regions: readonly Region[];
  regionsById: ReadonlyMap<string, Region>;
  /** Oldest first. */
  baselines: readonly Baseline[];
  baselinesById: ReadonlyMap<string, Baseline>;
  latestBaseline: Baseline;
  parties: readonly Party[];
  partiesById: ReadonlyMap<string, Party>;
  issues: readonly Issue[];
  issuesById: ReadonlyMap<string, Issue>;
  sources: readonly Source[];
  sourcesById: ReadonlyMap<string, Source>;
  /** Oldest first, then by id. */
  scenarios: readonly Scenario[];
  scenariosById: ReadonlyMap<string, Scenario>;
  /** The dataset's own changelog (changes to the dataset as a whole), oldest first. */
  changelog: readonly ChangelogEntry[];
  /** The reference data compareScenarios() needs, built once. */
  comparisonReference: ComparisonReference;
}

/** Thrown at load when bundled data is invalid: names every file and path at fault. */
export class CatalogError extends Error {
  readonly problems: readonly { file: string; path: (string | number)[]; message: string }[];

  constructor(problems: readonly { file: string; path: (string | number)[]; message: string }[]) {
    super(
      `invalid bundled data:\n${problems.map((p) => `  ${p.file} ${p.path.join('.') || '(root)'}: ${p.message}`).join('\n')}`,
    );
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const indexById = <T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** Parses, cross-checks and indexes a set of data files (paths relative to scenarios/). */
export function loadCatalog(files: Readonly<Record<string, unknown>>): Catalog {
  const problems: { file: string; path: (string | number)[]; message: string }[] = [];
  const parse = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const result = schema.safeParse(files[file]);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push({
        file,
        path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: issue.message,
      });
    }
    return undefined;
  };
  const report = (file: string, found: IntegrityProblem[]) => {
    for (const p of found) problems.push({ file, ...p });
  };

  const sources = parse('reference/sources.json', z.array(SourceSchema)) ?? [];
  const regionsFile = parse('reference/regions.json', RegionsFileSchema);
  const parties = parse('reference/parties.json', z.array(PartySchema)) ?? [];
  const issues = parse('reference/issues.json', z.array(IssueSchema)) ?? [];
  const changelog = parse('reference/changelog.json', z.array(ChangelogEntrySchema)) ?? [];

  const baselines: Baseline[] = [];
  const scenarios: Scenario[] = [];
  for (const file of Object.keys(files).sort()) {
    if (file.startsWith('reference/baselines/')) {
      const baseline = parse(file, BaselineSchema);
      if (!baseline) continue;
      if (`reference/baselines/${baseline.id}.json` !== file) {
        problems.push({ file, path: ['id'], message: `id "${baseline.id}" does not match the file name` });
      }
      if (baseline.asOf !== baseline.id) {
        problems.push({ file, path: ['asOf'], message: 'asOf must equal the snapshot id' });
      }
      baselines.push(baseline);
    } else if (!file.startsWith('reference/')) {
      const scenario = parse(file, ScenarioFileSchema);
      if (!scenario) continue;
      if (`${scenario.id}.json` !== file) {
        problems.push({ file, path: ['id'], message: `id "${scenario.id}" does not match the file name` });
      }
      const { $schema: _editorHint, ...data } = scenario;
      scenarios.push(data);
    }
  }

  for (const [kind, items] of [
    ['source', sources],
    ['party', parties],
    ['issue', issues],
    ['scenario', scenarios],
    ['region', regionsFile?.regions ?? []],
  ] as const) {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.has(item.id))
        problems.push({ file: `${kind}s`, path: ['id'], message: `duplicate ${kind} id "${item.id}"` });
      seen.add(item.id);
    }
  }

  const regions = regionsFile?.regions ?? [];
  const known = knownIdsOf({ sources, regions, parties, issues, scenarios });
  if (regionsFile) {
    const sourceIds = [...regionsFile.ukraine.sources, ...regionSourceIds(regions)];
    for (const id of sourceIds) {
      if (!known.sources.has(id))
        problems.push({ file: 'reference/regions.json', path: [], message: `unknown source id "${id}"` });
    }
  }
  for (const baseline of baselines) {
    report(`reference/baselines/${baseline.id}.json`, checkBaselineReferences(baseline, known));
  }
  const scenariosById = indexById(scenarios);
  for (const scenario of scenarios) {
    const file = `${scenario.id}.json`;
    report(file, checkScenarioReferences(scenario, known));
    report(file, checkCoverage(scenario, known));
    report(file, checkSupersedes(scenario, scenariosById));
    for (const baseline of baselines) report(file, checkSharesAgainstBaseline(scenario, baseline));
  }
  report('reference/changelog.json', checkChangelogReferences(changelog, known));
  if (baselines.length === 0)
    problems.push({ file: 'reference/baselines', path: [], message: 'no baseline found' });

  const latestBaseline = [...baselines].sort((a, b) => compareCodeUnits(a.id, b.id)).at(-1);
  if (problems.length > 0 || !regionsFile || !latestBaseline) throw new CatalogError(problems);

  baselines.sort((a, b) => compareCodeUnits(a.id, b.id));
  scenarios.sort(byDateThenId);
  const version = contentHash(
    JSON.stringify(
      Object.keys(files)
        .sort()
        .map((file) => [file, files[file]]),
    ),
  );
  const sourcesById = indexById(sources);
  return {
    version,
    ukraine: regionsFile.ukraine,
    regions,
    regionsById: indexById(regions),
    baselines,
    baselinesById: indexById(baselines),
    latestBaseline,
    parties,
    partiesById: indexById(parties),
    issues,
    issuesById: indexById(issues),
    sources,
    sourcesById,
    scenarios,
    scenariosById,
    changelog: [...changelog].sort((a, b) => compareCodeUnits(a.date, b.date)),
    comparisonReference: {
      datasetVersion: version,
      ukraineAreaKm2: regionsFile.ukraine.areaKm2,
      regions,
      issues,
      parties,
      sourcesById,
    },
  };
}

/**
 * The whole changelog, newest first: the dataset's own entries and every scenario's corrections
 * (each naming its scenario), so a reader can see what changed since they last downloaded.
 */
export function fullChangelog(catalog: Pick<Catalog, 'changelog' | 'scenarios'>): ChangelogEntry[] {
  const corrections = catalog.scenarios.flatMap((scenario) =>
    (scenario.corrections ?? []).map((c) => ({ ...c, scenarios: [scenario.id] })),
  );
  return [...catalog.changelog, ...corrections].sort((a, b) => compareCodeUnits(b.date, a.date));
}
