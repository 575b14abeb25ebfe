// Loads the pure domain modules (src/domain/*.ts) into Node for the in-process measurements.
// Node's type stripping cannot run them as they are (src/domain/catalog.ts uses a constructor
// parameter property), so a synchronous load hook transpiles files under src/ with the
// project's own TypeScript compiler first. Nothing under src/ is changed on disk.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export type CatalogModule = typeof import('../src/domain/catalog.ts');
export type CompareModule = typeof import('../src/domain/compare.ts');
export type IntegrityModule = typeof import('../src/domain/integrity.ts');

let registered = false;

function registerTranspiler(srcDir: string): void {
  if (registered) return;
  registered = true;
  const prefix = pathToFileURL(`${srcDir}/`).href;
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(prefix) || !url.endsWith('.ts')) return nextLoad(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        fileName: fileURLToPath(url),
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: true,
          sourceMap: false,
        },
      });
      return { format: 'module', source: outputText, shortCircuit: true };
    },
  });
}

export interface DomainModules {
  catalog: CatalogModule;
  compare: CompareModule;
  integrity: IntegrityModule;
}

/** Imports src/domain/{catalog,compare,integrity}.ts through the transpiling hook. */
export async function loadDomain(srcDir: string): Promise<DomainModules> {
  registerTranspiler(srcDir);
  const [catalog, compare, integrity] = await Promise.all([
    import('../src/domain/catalog.ts'),
    import('../src/domain/compare.ts'),
    import('../src/domain/integrity.ts'),
  ]);
  return { catalog, compare, integrity };
}
