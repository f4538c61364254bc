// Bundles the browser parts into ../wwwroot/dist. Run by the host's build (see KxHome.Host.csproj) or `npm run build`.
//   forms.js              the form viewer of the portal and the inbox
//   dashboard.js          the staff's dashboards: Apache ECharts drawing the charts each page lists
//   studio.js, studio.css the administrators' designer: BPMN modeler, viewer and form editor (window.KxStudio)
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: '../wwwroot/dist',
  logLevel: 'warning',
};

// The studio bundles two preact families that must each stay one copy, or hooks break:
// - bpmn-js-properties-panel and friends import the copy shipped inside @bpmn-io/properties-panel;
//   it is the same version as the top-level preact that diagram-js uses, so both become that one.
// - form-js-editor pins preact <= 10.15.1 (drag and drop breaks on newer ones), and renders the
//   viewer's components: the viewer must use the editor's copy too.
const preactRoot = dirname(require.resolve('preact/package.json'));
const formEditorRoot = dirname(require.resolve('@bpmn-io/form-js-editor/package.json'));
const formPreactRoot = dirname(require.resolve('preact/package.json', { paths: [formEditorRoot] }));

const onePreact = {
  name: 'one-preact',
  setup(build) {
    const subpath = path => path.replace(/^.*preact/, '');
    build.onResolve({ filter: /^@bpmn-io\/properties-panel\/preact(\/.*)?$/ }, args =>
      build.resolve('preact' + subpath(args.path), { kind: args.kind, resolveDir: preactRoot }));
    build.onResolve({ filter: /^\.\.\/preact(\/.*)?$/ }, args =>
      args.importer.includes('@bpmn-io/properties-panel')
        ? build.resolve('preact' + subpath(args.path), { kind: args.kind, resolveDir: preactRoot })
        : undefined);
    build.onResolve({ filter: /^preact(\/.*)?$/ }, args =>
      /@bpmn-io[\\/]form-js-(viewer|editor)[\\/]/.test(args.importer) && !args.importer.startsWith(formPreactRoot)
        ? build.resolve(args.path, { kind: args.kind, resolveDir: formPreactRoot })
        : undefined);
  },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { forms: 'src/forms.js' },
    loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { dashboard: 'src/dashboard.js' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { studio: 'src/studio/index.js' },
    plugins: [onePreact],
    // bpmn-font lists eot, woff2, woff, ttf and an svg font; every target browser takes woff2 first,
    // so only that one is inlined and the other formats are left empty.
    loader: { '.woff2': 'dataurl', '.woff': 'empty', '.eot': 'empty', '.ttf': 'empty', '.svg': 'empty' },
  }),
]);

// Compressed copies beside each bundle (brotli and gzip, at the best level: done once here, not per request);
// the host sends them to browsers that accept them (Hosting/CompressedStaticFiles.cs).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
for (const name of readdirSync('../wwwroot/dist').filter(n => /\.(js|css)$/.test(n))) {
  const content = readFileSync(`../wwwroot/dist/${name}`);
  writeFileSync(`../wwwroot/dist/${name}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`../wwwroot/dist/${name}.gz`, gzipSync(content, { level: 9 }));
}
