// Bundles the browser parts into ../wwwroot/dist. Run by the host's build (see KxHome.Host.csproj) or `npm run build`.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: { forms: 'src/forms.js' },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: '../wwwroot/dist',
  loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  logLevel: 'warning',
});
