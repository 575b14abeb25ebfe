import { type Catalog, catalog } from '../catalog.ts';
import type { Baseline, Party } from '../domain/reference.ts';
import type { Scenario } from '../domain/scenario.ts';
import { type FieldError, ProblemError } from '../problem.ts';

/** Where an id came from, so that the problem names the field. */
export type IdField = Pick<FieldError, 'in' | 'path'>;

function unknownId(kind: string, id: string, validIds: readonly string[], field?: IdField): ProblemError {
  return new ProblemError('unknown-id', `No ${kind} with id "${id}". Valid ids: ${validIds.join(', ')}.`, {
    validIds: [...validIds],
    ...(field && { errors: [{ ...field, message: `unknown ${kind} id` }] }),
  });
}

/** The catalogue scenario with this id, or a 404 problem naming the valid ids. */
export function scenarioOr404(id: string, field?: IdField, from: Catalog = catalog): Scenario {
  const scenario = from.scenariosById.get(id);
  if (!scenario) throw unknownId('scenario', id, [...from.scenariosById.keys()], field);
  return scenario;
}

/** The baseline snapshot with this date, or a 404 problem naming the valid dates. */
export function baselineOr404(date: string, field?: IdField, from: Catalog = catalog): Baseline {
  const baseline = from.baselinesById.get(date);
  if (!baseline) throw unknownId('baseline', date, [...from.baselinesById.keys()], field);
  return baseline;
}

/** The party with this id, or a 404 problem naming the valid ids. */
export function partyOr404(id: string, field?: IdField, from: Catalog = catalog): Party {
  const party = from.partiesById.get(id);
  if (!party) throw unknownId('party', id, [...from.partiesById.keys()], field);
  return party;
}
