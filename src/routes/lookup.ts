import { type Catalog, catalog } from '../catalog.ts';
import type { Baseline } from '../domain/reference.ts';
import type { Scenario } from '../domain/scenario.ts';
import { ProblemError } from '../problem.ts';

function unknownId(kind: string, id: string, validIds: readonly string[]): ProblemError {
  return new ProblemError('unknown-id', `No ${kind} with id "${id}". Valid ids: ${validIds.join(', ')}.`, {
    validIds: [...validIds],
  });
}

/** The catalogue scenario with this id, or a 404 problem naming the valid ids. */
export function scenarioOr404(id: string, from: Catalog = catalog): Scenario {
  const scenario = from.scenariosById.get(id);
  if (!scenario) throw unknownId('scenario', id, [...from.scenariosById.keys()]);
  return scenario;
}

/** The baseline snapshot with this date, or a 404 problem naming the valid dates. */
export function baselineOr404(date: string, from: Catalog = catalog): Baseline {
  const baseline = from.baselinesById.get(date);
  if (!baseline) throw unknownId('baseline', date, [...from.baselinesById.keys()]);
  return baseline;
}
