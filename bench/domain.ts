// Loads the pure domain modules (src/domain/*.ts) into Node for the in-process measurements;
// Node 22 strips their types natively.
export type CatalogModule = typeof import('../src/domain/catalog.ts');
export type CompareModule = typeof import('../src/domain/compare.ts');
export type IntegrityModule = typeof import('../src/domain/integrity.ts');

export interface DomainModules {
  catalog: CatalogModule;
  compare: CompareModule;
  integrity: IntegrityModule;
}

/** Imports src/domain/{catalog,compare,integrity}.ts. */
export async function loadDomain(): Promise<DomainModules> {
  const [catalog, compare, integrity] = await Promise.all([
    import('../src/domain/catalog.ts'),
    import('../src/domain/compare.ts'),
    import('../src/domain/integrity.ts'),
  ]);
  return { catalog, compare, integrity };
}
