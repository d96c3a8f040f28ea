/**
 * The README's Neovim setups in a real headless Neovim: 0.10 (Debian trixie) with the 0.9/0.10 setup, and the
 * current Debian sid Neovim (0.11 or later) with the `vim.lsp.config` setup. Each is taken from the README as written
 * (only the path to dist/server.js is filled in), diagnostics must arrive, and the broker quick fix must apply through
 * Neovim's own code-action machinery and write the credentials module. test/neovim.ts fetches Neovim (cached).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNeovim } from '../neovim';
import { git, makeTempDir, REPO_ROOT, writeTree } from '../helpers';

const k = (...parts: string[]): string => parts.join('');
const OPENAI_KEY = k('sk-proj-', 'PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA-2O76UMFxFkM-R5Kjp1vRt_1fjORS-6ilI8T3BlbkFJihN5KXSc7Tvo-hBKqFYY-kv5ZJr3J1TWDtkwtDDb_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUd');

/** The README's Lua block for a Neovim version, with the server path filled in. */
function readmeSetup(heading: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const block = /```lua\n([\s\S]*?)```/.exec(section)![1]!;
  assert.ok(block.includes('/path/to/agent-guardrail/dist/server.js'), heading);
  return block.replace('/path/to/agent-guardrail/dist/server.js', join(REPO_ROOT, 'dist', 'server.js'));
}

interface Result {
  version: string;
  attached?: boolean;
  diagnosed?: boolean;
  diagnostics?: { code: string; lnum: number; col: number; message: string }[];
  edited?: boolean;
  text?: string;
  cleared?: boolean;
  moduleWritten?: boolean;
  messages: string[];
  error?: string;
}

for (const [suite, heading, minimum] of [
  ['trixie', '**Neovim 0.9 and 0.10**', [0, 10]],
  ['sid', '**Neovim 0.11 and later**', [0, 11]],
] as const) {
  describe(`Neovim from Debian ${suite}: the README's setup (${heading.replace(/\*/g, '')})`, function () {
    this.timeout(900_000);
    let root: string;

    after(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('shows the diagnostics and applies the broker quick fix, which also writes the credentials module and records the broker', () => {
      const neovim = ensureNeovim(suite);
      const [major, minor] = /NVIM v(\d+)\.(\d+)/.exec(neovim.version)!.slice(1).map(Number) as [number, number];
      assert.ok(major > minimum[0] || (major === minimum[0] && minor >= minimum[1]), `${neovim.version} from ${suite}`);

      root = makeTempDir('agent-guardrail-neovim-');
      git(root, 'init', '--quiet');
      const file = join(root, 'src', 'llm.ts');
      writeTree(root, {
        'package.json': '{ "name": "app" }\n',
        'src/llm.ts': `import OpenAI from 'openai';\n\nexport async function ask() {\n  return new OpenAI({ apiKey: '${OPENAI_KEY}' });\n}\n`,
      });
      const init = join(root, 'init.lua');
      writeFileSync(init, readmeSetup(heading));
      const resultFile = join(root, 'result.json');
      const run = spawnSync(neovim.command[0]!, [...neovim.command.slice(1), '--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${join(REPO_ROOT, 'test', 'neovim', 'check.lua')}`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 600_000,
        env: {
          ...neovim.env,
          XDG_CONFIG_HOME: join(root, '.xdg-config'),
          XDG_DATA_HOME: join(root, '.xdg-data'),
          XDG_STATE_HOME: join(root, '.xdg-state'),
          XDG_CACHE_HOME: join(root, '.xdg-cache'),
          AG_RESULT: resultFile,
          AG_FILE: file,
          AG_KEY: OPENAI_KEY,
          AG_MODULE: join(root, 'src', 'credentials.ts'),
          AG_ACTION: "Use broker-issued credential 'openai-api-key' via HashiCorp Vault",
        },
      });
      assert.ok(existsSync(resultFile), `Neovim wrote no result (status ${run.status}): ${run.stderr}\n${run.stdout}`);
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Result;
      assert.equal(result.error, undefined);
      assert.equal(result.attached, true, 'the language server attached');
      assert.equal(result.diagnosed, true, 'diagnostics arrived');
      assert.deepEqual(result.diagnostics!.map((d) => `${d.code} ${d.lnum + 1}:${d.col + 1}`), ['secrets/provider-key 4:32']);
      assert.ok(!result.diagnostics![0]!.message.includes(OPENAI_KEY));
      assert.equal(result.edited, true, 'the quick fix changed the buffer');
      assert.match(result.text!, /apiKey: await credentials\.get\('openai-api-key'\)/);
      assert.equal(result.cleared, true, 'the diagnostic went away');
      assert.equal(result.moduleWritten, true, 'src/credentials.ts exists with content');
      assert.match(readFileSync(join(root, 'src', 'credentials.ts'), 'utf8'), /vault/i);
      assert.equal(readFileSync(join(root, '.agent-guardrail.yaml'), 'utf8'), 'broker: vault\n');
      assert.ok(!readFileSync(file, 'utf8').includes(OPENAI_KEY), 'saved without the key');
      assert.ok(result.messages.some((message) => /Agent Guardrail: changed src\/llm\.ts; created src\/credentials\.ts and \.agent-guardrail\.yaml\./.test(message)), result.messages.join('\n'));
    });
  });
}
