// `npm prepare`: build the bundles. Runs on `npm ci` and whenever npm installs this package from git (a pre-commit
// hook repository, `npm install github:…`). In the git case npm first installs the dev dependencies the build needs
// into its clone, except under `npm install --global`, which current pre-commit releases use: npm hands
// `npm_config_global`/`npm_config_prefix` down to that nested install, which then installs globally and leaves the
// clone without esbuild. Then install them here, locally, and build. Everything goes to stderr: pre-commit 3.x reads
// the tarball name from `npm pack`'s stdout.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

function canResolve(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!canResolve('esbuild')) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_config_(global|prefix|local_prefix|location)$/i.test(name)) env[name] = value;
  process.stderr.write('agent-guardrail: installing the build tools into the package folder\n');
  run('npm', ['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--location=project'], env);
}
run(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))]);
