import anchorage from '../scenarios/anchorage-2025-08.json';
import ceasefireCurrentLines from '../scenarios/ceasefire-current-lines-2025-10.json';
import donetskSwap from '../scenarios/donetsk-swap-2025-10.json';
import e3Counterproposal from '../scenarios/e3-counterproposal-2025-11.json';
import baseline20250818 from '../scenarios/reference/baselines/2025-08-18.json';
import baseline20260101 from '../scenarios/reference/baselines/2026-01-01.json';
import changelogJson from '../scenarios/reference/changelog.json';
import issuesJson from '../scenarios/reference/issues.json';
import partiesJson from '../scenarios/reference/parties.json';
import regionsJson from '../scenarios/reference/regions.json';
import sourcesJson from '../scenarios/reference/sources.json';
import russiaIstanbulMemorandum from '../scenarios/russia-istanbul-memorandum-2025-06.json';
import russiaPosition202602 from '../scenarios/russia-position-2026-02.json';
import ukraine20PointFramework from '../scenarios/ukraine-20-point-framework-2025-12.json';
import ukraineCounterMemorandum from '../scenarios/ukraine-counter-memorandum-2025-06.json';
import us28PointPlan from '../scenarios/us-28-point-plan-2025-11.json';
import usBerlinOffer from '../scenarios/us-berlin-offer-2025-12.json';
import { type Catalog, loadCatalog } from './domain/catalog.ts';

export { type Catalog, CatalogError, loadCatalog } from './domain/catalog.ts';

/**
 * The bundled data files, keyed by their path under scenarios/. A new scenario file must be
 * added here; the data tests fail when a file in scenarios/ is missing from this list.
 */
export const BUNDLED_FILES: Readonly<Record<string, unknown>> = {
  'reference/sources.json': sourcesJson,
  'reference/regions.json': regionsJson,
  'reference/parties.json': partiesJson,
  'reference/issues.json': issuesJson,
  'reference/changelog.json': changelogJson,
  'reference/baselines/2025-08-18.json': baseline20250818,
  'reference/baselines/2026-01-01.json': baseline20260101,
  'anchorage-2025-08.json': anchorage,
  'donetsk-swap-2025-10.json': donetskSwap,
  'ceasefire-current-lines-2025-10.json': ceasefireCurrentLines,
  'russia-istanbul-memorandum-2025-06.json': russiaIstanbulMemorandum,
  'us-28-point-plan-2025-11.json': us28PointPlan,
  'e3-counterproposal-2025-11.json': e3Counterproposal,
  'ukraine-20-point-framework-2025-12.json': ukraine20PointFramework,
  'russia-position-2026-02.json': russiaPosition202602,
  'ukraine-counter-memorandum-2025-06.json': ukraineCounterMemorandum,
  'us-berlin-offer-2025-12.json': usBerlinOffer,
};

/** The bundled catalogue, validated and indexed once, at module load, for the isolate's life. */
export const catalog: Catalog = loadCatalog(BUNDLED_FILES);
