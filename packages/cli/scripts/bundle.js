// Bundle the built command (dist/main.js and everything it imports) into dist/bundle/, after
// `tsc -b`. Node 20 resolves, reads and compiles every module file on each start, over 500 of
// them for `capsule check`, which is a third of a pre-commit check; a bundle is a handful of
// files. bin/capsule.js runs the bundle only while every file it was made from is unchanged
// (see bundle-inputs.json), so a bundle never runs code older than dist/. Neither is packed
// (package.json `files`): both name this checkout's files, and an installed copy runs the modules.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  // CommonJS dependencies in an ES module bundle call `require` for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [moduleLocations()],
});

// What the bundle was made from, with sizes and times, for bin/capsule.js to compare.
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => !input.includes(':'))
  .map((input) => {
    // esbuild names its inputs relative to the working folder.
    const path = resolve(input);
    const stats = statSync(path);
    return [path, stats.size, stats.mtimeMs];
  });
writeFileSync(new URL('../dist/bundle-inputs.json', import.meta.url), `${JSON.stringify({ inputs })}\n`);
console.log(`bundled ${inputs.length} modules into ${outdir}`);

/**
 * Code that finds files beside itself (schemas, package.json, the parse worker) does it with
 * `import.meta.url` or, in CommonJS, `__dirname`; in a bundle both would name the bundle's
 * location, or nothing. Each module keeps the location of the file it came from.
 */
function moduleLocations() {
  return {
    name: 'module-locations',
    setup(bundle) {
      bundle.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        const usesFolder = /\b__(?:dirname|filename)\b/.test(contents);
        if (!usesFolder && !contents.includes('import.meta')) return undefined;
        contents = contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        // In a CommonJS module `import.meta` cannot be code: it is text (a parser's messages name it).
        if (/\bimport\.meta\b/.test(contents) && !isCommonJs(args.path)) {
          return { errors: [{ text: `${args.path} uses import.meta beyond import.meta.url, which a bundle cannot keep` }] };
        }
        if (usesFolder) contents = `var __filename = ${JSON.stringify(args.path)}, __dirname = ${JSON.stringify(dirname(args.path))};\n${contents}`;
        return { contents, loader: 'js' };
      });
    },
  };
}

/** Whether Node reads the file as CommonJS: `.cjs`, or `.js` under a package.json that does not say `"type": "module"`. */
function isCommonJs(path) {
  if (path.endsWith('.cjs')) return true;
  if (path.endsWith('.mjs')) return false;
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const manifest = resolve(folder, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
    if (dirname(folder) === folder) return true;
  }
}
