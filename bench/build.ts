// Builds the Worker bundles the benchmark loads into Miniflare, all with
// `wrangler deploy --dry-run` (no account needed) into a temporary directory:
//   - product: the repository as it is;
//   - catalogue: a copy of src/ and scenarios/ whose BUNDLED_FILES also lists bench-only
//     variant scenarios (the product files are not touched);
//   - eager: a temporary entry that imports exceljs for its side effects, then re-exports the
//     product Worker, so exceljs is evaluated at startup;
//   - start-up floors: partial Workers (zod alone; the catalogue alone) for reference.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface Bundle {
  /** Directory holding index.js (the module Miniflare loads). */
  dir: string;
  script: string;
  /** The multipart upload bundle (`--outfile`), for `wrangler check startup --worker`. */
  uploadFile: string;
}

const WRANGLER_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** Runs `npx wrangler …` in cwd and returns its output; throws with the output on failure. */
export function wrangler(args: string[], cwd: string, timeoutMs = 180_000): string {
  const result = spawnSync('npx', ['wrangler', ...args], {
    cwd,
    env: WRANGLER_ENV,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(
      `npx wrangler ${args.join(' ')} failed (status ${result.status}, ${result.error ?? ''}):\n${output}`,
    );
  }
  return output;
}

/** `wrangler deploy --dry-run --outdir <out>/dir --outfile <out>/upload.bundle [entry]`. */
export function dryRunBuild(cwd: string, outDir: string, extraArgs: string[] = []): Bundle {
  const dir = join(outDir, 'dir');
  const uploadFile = join(outDir, 'upload.bundle');
  wrangler(['deploy', '--dry-run', '--outdir', dir, '--outfile', uploadFile, ...extraArgs], cwd);
  const script = join(dir, 'index.js');
  if (!existsSync(script)) throw new Error(`wrangler wrote no index.js in ${dir}`);
  return { dir, script, uploadFile };
}

/** The product Worker, built from the repository as it is. */
export function buildProduct(root: string, tmp: string): Bundle {
  return dryRunBuild(root, join(tmp, 'product'));
}

/**
 * The module specifier the product lazily imports exceljs by (`import('exceljs…')` under src/),
 * so that the eager variant evaluates the very module the product defers; 'exceljs' if none.
 */
export function exceljsSpecifier(root: string): string {
  const srcDir = join(root, 'src');
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  for (const file of files.sort()) {
    const found = /import\(\s*['"](exceljs[^'"]*)['"]\s*\)/.exec(readFileSync(join(srcDir, file), 'utf8'));
    if (found?.[1]) return found[1];
  }
  return 'exceljs';
}

/**
 * A Worker built from a temporary entry, `index.ts` (so that the output is index.js), holding
 * `source`. The entry sits next to a node_modules symlink so that bare specifiers resolve to the
 * repository's packages. `source` gets the absolute path of src/, to import the product's modules.
 */
export function buildFromEntry(
  root: string,
  tmp: string,
  name: string,
  source: (srcDir: string) => string,
): Bundle {
  const entryDir = join(tmp, `${name}-entry`);
  mkdirSync(entryDir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(entryDir, 'node_modules'), 'dir');
  const entry = join(entryDir, 'index.ts');
  writeFileSync(entry, source(join(root, 'src')));
  return dryRunBuild(root, join(tmp, name), ['-c', join(root, 'wrangler.toml'), entry]);
}

/**
 * The same Worker with exceljs evaluated at startup: its entry imports exceljs (by the product's
 * own specifier, so that esbuild bundles the same package file once) for its side effects and
 * re-exports the product entry.
 */
export function buildEager(root: string, tmp: string, specifier: string, name = 'eager'): Bundle {
  return buildFromEntry(
    root,
    tmp,
    name,
    (src) =>
      `import ${JSON.stringify(specifier)};\nexport { default } from ${JSON.stringify(join(src, 'index.ts'))};\n`,
  );
}

/**
 * Two partial Workers that show what start-up cannot go below (for reference, not products):
 *   - zod: imports zod and builds one small schema, as any Worker validating with zod must;
 *   - catalogue: loads the catalogue (src/catalog.ts: zod, the data schemas, validation, indexing
 *     and the dataset version), the work the Worker does at module load, without the HTTP app.
 */
export function buildStartupFloors(root: string, tmp: string): { zod: Bundle; catalogue: Bundle } {
  return {
    zod: buildFromEntry(
      root,
      tmp,
      'floor-zod',
      () =>
        "import { z } from 'zod';\nconst schema = z.object({ id: z.string() });\n" +
        "export default { fetch: () => new Response(String(schema.safeParse({ id: 'x' }).success)) };\n",
    ),
    catalogue: buildFromEntry(
      root,
      tmp,
      'floor-catalogue',
      (src) =>
        `import { catalog } from ${JSON.stringify(join(src, 'catalog.ts'))};\n` +
        'export default { fetch: () => new Response(catalog.version) };\n',
    ),
  };
}

const CATALOG_ANCHOR = 'export const BUNDLED_FILES: Readonly<Record<string, unknown>> = {';

/**
 * A Worker whose catalogue also holds `extraFiles` (bench-only scenarios): src/, scenarios/,
 * wrangler.toml and tsconfig.json are copied into tmp, the extra files are written into the
 * copy's scenarios/, and the copy's src/catalog.ts gets an import and a BUNDLED_FILES entry for
 * each. The repository is not touched.
 */
export function buildWithExtraScenarios(
  root: string,
  tmp: string,
  extraFiles: Readonly<Record<string, unknown>>,
): Bundle {
  const copy = join(tmp, 'catalogue-copy');
  mkdirSync(copy, { recursive: true });
  for (const item of ['src', 'scenarios', 'wrangler.toml', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, item), join(copy, item), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');

  const catalogPath = join(copy, 'src', 'catalog.ts');
  const source = readFileSync(catalogPath, 'utf8');
  if (!source.includes(CATALOG_ANCHOR)) {
    throw new Error(`src/catalog.ts no longer contains "${CATALOG_ANCHOR}"; update bench/build.ts`);
  }
  const imports: string[] = [];
  const entries: string[] = [];
  Object.entries(extraFiles).forEach(([file, data], i) => {
    writeFileSync(join(copy, 'scenarios', file), `${JSON.stringify(data, null, 2)}\n`);
    imports.push(`import benchExtra${i} from '../scenarios/${file}';`);
    entries.push(`  '${file}': benchExtra${i},`);
  });
  writeFileSync(
    catalogPath,
    `${imports.join('\n')}\n${source.replace(CATALOG_ANCHOR, `${CATALOG_ANCHOR}\n${entries.join('\n')}`)}`,
  );
  return dryRunBuild(copy, join(tmp, 'catalogue'));
}
