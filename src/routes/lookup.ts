import { type Catalog, catalog } from '../catalog.ts';
import type { Baseline, Party } from '../domain/reference.ts';
import type { Scenario } from '../domain/scenario.ts';
import { type FieldError, unknownIdProblem } from '../problem.ts';

/** Where an id came from, so that the problem names the field. */
export type IdField = Pick<FieldError, 'in' | 'path'>;

/** The catalogue scenario with this id, or a 404 problem naming the valid ids. */
export function scenarioOr404(id: string, field?: IdField, from: Catalog = catalog): Scenario {
  const scenario = from.scenariosById.get(id);
  if (!scenario) throw unknownIdProblem('scenario', [id], [...from.scenariosById.keys()], field);
  return scenario;
}

/** The baseline snapshot with this date, or a 404 problem naming the valid dates. */
export function baselineOr404(date: string, field?: IdField, from: Catalog = catalog): Baseline {
  const baseline = from.baselinesById.get(date);
  if (!baseline) throw unknownIdProblem('baseline', [date], [...from.baselinesById.keys()], field);
  return baseline;
}

/** The party with this id, or a 404 problem naming the valid ids. */
export function partyOr404(id: string, field?: IdField, from: Catalog = catalog): Party {
  const party = from.partiesById.get(id);
  if (!party) throw unknownIdProblem('party', [id], [...from.partiesById.keys()], field);
  return party;
}
