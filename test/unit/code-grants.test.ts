import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { browserExposedName } from '../../src/core/code/public-env';
import { defaultConfig } from '../../src/core/config';
import type { Finding } from '../../src/core/types';
import { describe1 } from '../helpers';
import { loadPythonParser } from '../../src/node/python-parser';

function findingsOf(path: string, text: string, rule: string): Finding[] {
  return analyzeFile({ path, text }, defaultConfig()).findings.filter((finding) => finding.ruleId === rule);
}

/** `rule line:col-line:col flagged-text` for every finding of one rule. */
function found(path: string, text: string, rule: string): string[] {
  return findingsOf(path, text, rule).map((finding) => `${describe1(finding)} ${text.slice(finding.startOffset, finding.endOffset)}`);
}

describe('code grants: grants/all-mcp-tools', () => {
  it('Vercel AI SDK: spreads, whole tool sets and variables holding them', () => {
    const text = `import { experimental_createMCPClient, generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function run(prompt: string, summarize: any) {
  const github = await experimental_createMCPClient({ transport: { type: 'sse', url: 'https://mcp.example.com/sse' } });
  const everything = await github.tools();
  await generateText({ model: openai('gpt-4.1'), tools: { ...(await github.tools()), summarize }, prompt });
  await generateText({ model: openai('gpt-4.1'), tools: await github.tools(), prompt });
  return streamText({ model: openai('gpt-4.1'), tools: everything, prompt });
}
`;
    assert.deepEqual(found('src/run.ts', text, 'grants/all-mcp-tools'), [
      'grants/all-mcp-tools 7:59-7:84 ...(await github.tools())',
      'grants/all-mcp-tools 8:57-8:77 await github.tools()',
      'grants/all-mcp-tools 9:56-9:66 everything',
    ]);
    const [first] = findingsOf('src/run.ts', text, 'grants/all-mcp-tools');
    assert.equal(first?.severity, 'warning');
    assert.match(first!.message, /^Every tool from github\.tools\(\) goes to the model unfiltered/);
    assert.match(first!.message, /pick them by name .*tools\(\{ schemas \}\).*activeTools/);
  });

  it('AI SDK: not reported for schemas, picked tools or activeTools', () => {
    const text = `import { experimental_createMCPClient as createMCPClient, generateText } from 'ai';
import { z } from 'zod';

export async function run(model: any) {
  const mcp = await createMCPClient({ transport: { type: 'sse', url: 'https://mcp.example.com/sse' } });
  const listed = await mcp.tools({ schemas: { get_issue: { inputSchema: z.object({ id: z.string() }) } } });
  const { list_issues } = await mcp.tools();
  await generateText({ model, tools: listed, prompt: 'a' });
  await generateText({ model, tools: { list_issues }, prompt: 'b' });
  await generateText({ model, tools: await mcp.tools(), activeTools: ['get_issue'], prompt: 'c' });
}
`;
    assert.deepEqual(found('src/run.ts', text, 'grants/all-mcp-tools'), []);
  });

  it('Mastra: getTools() as tools and getToolsets() as toolsets', () => {
    const text = `import { Agent } from '@mastra/core/agent';
import { MCPClient } from '@mastra/mcp';
import { openai } from '@ai-sdk/openai';

const mcp = new MCPClient({ servers: { linear: { url: new URL('https://mcp.linear.app/sse') } } });

export const planner = new Agent({
  name: 'planner',
  instructions: 'Plan the sprint.',
  model: openai('gpt-4.1'),
  tools: await mcp.getTools(),
});

export const reply = await planner.generate('What is open?', { toolsets: await mcp.getToolsets() });
`;
    assert.deepEqual(found('src/mastra.ts', text, 'grants/all-mcp-tools'), [
      'grants/all-mcp-tools 11:10-11:30 await mcp.getTools()',
      'grants/all-mcp-tools 14:74-14:97 await mcp.getToolsets()',
    ]);
  });

  it('VoltAgent: an MCPConfiguration\'s getTools() as an agent\'s tools', () => {
    const text = `import { Agent, MCPConfiguration } from '@voltagent/core';

const mcpConfig = new MCPConfiguration({
  servers: {
    filesystem: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', './data'] },
  },
});

export const files = new Agent({
  name: 'files',
  instructions: 'Read and write files.',
  model: 'openai/gpt-4o-mini',
  tools: await mcpConfig.getTools(),
});
`;
    assert.deepEqual(found('src/files.ts', text, 'grants/all-mcp-tools'), ['grants/all-mcp-tools 13:10-13:36 await mcpConfig.getTools()']);
  });

  it('LangChain MCP adapters: getTools() and Object.values(...) handed to an agent', () => {
    const text = `import { MultiServerMCPClient } from '@langchain/mcp-adapters';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { experimental_createMCPClient } from 'ai';

const client = new MultiServerMCPClient({ mcpServers: { jira: { url: 'https://jira.example.com/mcp' } } });
const tools = await client.getTools();
export const agent = createReactAgent({ llm, tools, name: 'jira' });

const other = await experimental_createMCPClient({ transport });
export const second = createReactAgent({ llm, tools: Object.values(await other.tools()), name: 'other' });
`;
    assert.deepEqual(found('src/lc.ts', text, 'grants/all-mcp-tools'), [
      'grants/all-mcp-tools 7:46-7:51 tools',
      'grants/all-mcp-tools 10:54-10:88 Object.values(await other.tools())',
    ]);
  });

  it('OpenAI Agents SDK: MCP servers without toolFilter in mcpServers, hosted MCP without allowedTools', () => {
    const text = `import { Agent, MCPServerStdio, MCPServerStreamableHttp, createMCPToolStaticFilter, hostedMcpTool } from '@openai/agents';

const filesystem = new MCPServerStdio({ name: 'filesystem', fullCommand: 'npx -y @modelcontextprotocol/server-filesystem ./docs' });
const github = new MCPServerStreamableHttp({
  name: 'github',
  url: 'https://api.githubcopilot.com/mcp/',
  toolFilter: createMCPToolStaticFilter({ allowed: ['get_issue', 'list_issues'] }),
});
const unused = new MCPServerStdio({ name: 'unused', fullCommand: 'npx some-server' });
const gitOptions = { name: 'git', fullCommand: 'uvx mcp-server-git', toolFilter: createMCPToolStaticFilter({ allowed: ['git_log'] }) };
const git = new MCPServerStdio(gitOptions);

export const agent = new Agent({
  name: 'maintainer',
  mcpServers: [filesystem, github, git],
  tools: [hostedMcpTool({ serverLabel: 'deepwiki', serverUrl: 'https://mcp.deepwiki.com/mcp' }), hostedMcpTool({ serverLabel: 'docs', serverUrl: 'https://docs.example.com/mcp', allowedTools: ['search'] })],
});
`;
    assert.deepEqual(found('src/maintainer.ts', text, 'grants/all-mcp-tools'), [
      'grants/all-mcp-tools 3:20-3:38 new MCPServerStdio',
      'grants/all-mcp-tools 16:11-16:24 hostedMcpTool',
    ]);
    const messages = findingsOf('src/maintainer.ts', text, 'grants/all-mcp-tools').map((finding) => finding.message);
    assert.match(messages[0]!, /^MCP server "filesystem" gives agent "maintainer" every tool it exposes.*toolFilter: createMCPToolStaticFilter/);
    assert.match(messages[1]!, /^Hosted MCP server "deepwiki" .*Set allowedTools/);
  });

  it("OpenAI Agents SDK: hosted MCP whose every call waits for a person (requireApproval: 'always') is not reported", () => {
    const text = `import { Agent, hostedMcpTool } from '@openai/agents';

const crm = { serverLabel: 'crm', serverUrl: 'https://crm.example.com/mcp', requireApproval: 'always' as const };
export const agent = new Agent({
  name: 'assistant',
  tools: [
    hostedMcpTool(crm),
    hostedMcpTool({ serverLabel: 'docs', serverUrl: 'https://docs.example.com/mcp', requireApproval: { always: { toolNames: ['delete'] } } }),
    hostedMcpTool({ serverLabel: 'wiki', serverUrl: 'https://wiki.example.com/mcp', requireApproval: 'never' }),
  ],
});
`;
    assert.deepEqual(found('src/assistant.ts', text, 'grants/all-mcp-tools'), [
      'grants/all-mcp-tools 8:5-8:18 hostedMcpTool',
      'grants/all-mcp-tools 9:5-9:18 hostedMcpTool',
    ]);
  });

  it('the example research agent', () => {
    const text = `import { experimental_createMCPClient as createMCPClient, generateText } from 'ai';
export async function research(question: string, summarize: any, model: any) {
  const github = await createMCPClient({ transport: { type: 'sse', url: 'https://mcp.internal.example.com/github/sse' } });
  const { text } = await generateText({ model, tools: { ...(await github.tools()), summarize }, prompt: question });
  return text;
}
`;
    assert.deepEqual(found('src/agents/research.ts', text, 'grants/all-mcp-tools'), ['grants/all-mcp-tools 4:57-4:82 ...(await github.tools())']);
  });
});

describe('code grants: grants/env-passthrough', () => {
  it('MCP TypeScript SDK: process.env, a spread, Object.assign, and a variable holding one', () => {
    const text = `import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';

const inherited = { ...process.env, LOG_LEVEL: 'debug' };
const a = new StdioClientTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: process.env as Record<string, string> });
const b = new StdioClientTransport({ command: 'npx', args: ['-y', 'server-b'], env: { ...process.env, DEBUG: '1' } });
const c = new StdioClientTransport({ command: 'npx', args: ['-y', 'server-c'], env: inherited });
const params = { command: 'uvx', args: ['mcp-server-git'], env: Object.assign({}, process.env) };
const d = new StdioClientTransport(params);
const fine = new StdioClientTransport({ command: 'npx', args: ['-y', 'server-e'], env: { ...getDefaultEnvironment(), GITHUB_TOKEN: process.env.GITHUB_TOKEN! } });
export const client = new Client({ name: 'host', version: '1.0.0' });
`;
    assert.deepEqual(found('src/mcp.ts', text, 'grants/env-passthrough'), [
      'grants/env-passthrough 5:112-5:123 process.env',
      'grants/env-passthrough 6:87-6:101 ...process.env',
      'grants/env-passthrough 7:85-7:94 inherited',
      'grants/env-passthrough 8:83-8:94 process.env',
    ]);
    const [first] = findingsOf('src/mcp.ts', text, 'grants/env-passthrough');
    assert.equal(first?.severity, 'warning');
    assert.match(first!.message, /whole environment.*Pass only the variables the server needs/);
  });

  it('AI SDK, OpenAI Agents SDK, Mastra and LangChain stdio servers', () => {
    const text = `import { Experimental_StdioMCPTransport } from 'ai/mcp-stdio';
import { MCPServerStdio } from '@openai/agents';
import { MCPClient } from '@mastra/mcp';

const transport = new Experimental_StdioMCPTransport({ command: 'node', args: ['server.js'], env: process.env });
const server = new MCPServerStdio({ name: 'fs', fullCommand: 'npx server-filesystem .', env: { ...process.env } });
const mcp = new MCPClient({
  servers: {
    github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: process.env },
    time: { command: 'uvx', args: ['mcp-server-time'], env: { TZ: 'UTC' } },
  },
});
`;
    assert.deepEqual(found('src/servers.ts', text, 'grants/env-passthrough'), [
      'grants/env-passthrough 5:99-5:110 process.env',
      'grants/env-passthrough 6:96-6:110 ...process.env',
      'grants/env-passthrough 9:89-9:100 process.env',
    ]);
  });

  it('keeps to MCP servers: child processes and command objects outside MCP code are not reported', () => {
    const text = `import { spawn } from 'node:child_process';
const child = spawn('npm', ['test'], { env: process.env });
const task = { command: 'build', env: process.env };
`;
    assert.deepEqual(found('scripts/build.ts', text, 'grants/env-passthrough'), []);
  });
});

describe('code grants: credentials/browser-exposed', () => {
  it('reports dangerouslyAllowBrowser and public env variables named like credentials', () => {
    const text = `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { PUBLIC_OPENROUTER_KEY, PUBLIC_SITE_NAME } from '$env/static/public';

export const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });
export const anthropic = new Anthropic({ apiKey: import.meta.env.VITE_ANTHROPIC_API_KEY, dangerouslyAllowBrowser: true });
const { REACT_APP_GITHUB_TOKEN } = process.env;
const serviceRole = process.env['EXPO_PUBLIC_SUPABASE_SERVICE_ROLE_KEY'];
const sentryAuth = process.env.NEXT_PUBLIC_SENTRY_AUTH_TOKEN;
`;
    assert.deepEqual(found('app/chat/page.tsx', text, 'credentials/browser-exposed'), [
      'credentials/browser-exposed 3:10-3:31 PUBLIC_OPENROUTER_KEY',
      'credentials/browser-exposed 5:44-5:82 process.env.NEXT_PUBLIC_OPENAI_API_KEY',
      'credentials/browser-exposed 6:50-6:88 import.meta.env.VITE_ANTHROPIC_API_KEY',
      'credentials/browser-exposed 7:9-7:31 REACT_APP_GITHUB_TOKEN',
      'credentials/browser-exposed 8:21-8:73 process.env[\'EXPO_PUBLIC_SUPABASE_SERVICE_ROLE_KEY\']',
      'credentials/browser-exposed 9:20-9:61 process.env.NEXT_PUBLIC_SENTRY_AUTH_TOKEN',
      'credentials/browser-exposed 5:84-5:113 dangerouslyAllowBrowser: true',
      'credentials/browser-exposed 6:90-6:119 dangerouslyAllowBrowser: true',
    ]);
    const findings = findingsOf('app/chat/page.tsx', text, 'credentials/browser-exposed');
    assert.ok(findings.every((finding) => finding.severity === 'error'));
    assert.match(findings[1]!.message, /^NEXT_PUBLIC_OPENAI_API_KEY is read here, and Next\.js inlines every NEXT_PUBLIC_\* variable/);
    assert.match(findings[1]!.message, /Keep it on the server under a name without the NEXT_PUBLIC_ prefix/);
    assert.match(findings[6]!.message, /Call the provider from a server route/);
  });

  it('does not report names that are public by design, server-side names, or dangerouslyAllowBrowser: false', () => {
    const text = `import OpenAI from 'openai';
const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);
const stripe = loadStripe(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY);
const firebase = { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY, appId: process.env.NEXT_PUBLIC_FIREBASE_APP_ID };
mapboxgl.accessToken = process.env.NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN!;
posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY!);
analytics.load(process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY!);
Sentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });
const captcha = process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY;
const auth0 = process.env.REACT_APP_AUTH0_CLIENT_ID;
const api = process.env.NEXT_PUBLIC_API_URL;
const server = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: false });
`;
    assert.deepEqual(found('app/providers.tsx', text, 'credentials/browser-exposed'), []);
  });

  it("does not report a public-prefixed name read in server-only code ('use server', import 'server-only')", () => {
    // As LlamaIndexTS's Next.js example writes it: a server action never reaches the browser bundle.
    const read = `Settings.llm = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_KEY ?? 'FAKE_KEY_TO_PASS_TESTS', model: 'gpt-4o' });\n`;
    const action = `"use server";\nimport { OpenAI } from '@llamaindex/openai';\nimport { Settings } from 'llamaindex';\n\n${read}`;
    assert.deepEqual(found('src/actions/openai.ts', action, 'credentials/browser-exposed'), []);
    const serverOnly = `import 'server-only';\nimport { OpenAI } from '@llamaindex/openai';\nimport { Settings } from 'llamaindex';\n\n${read}`;
    assert.deepEqual(found('src/lib/llm.ts', serverOnly, 'credentials/browser-exposed'), []);
    // A 'use server' after the directive prologue is only a string; the same read elsewhere is reported.
    const late = `import { OpenAI } from '@llamaindex/openai';\nimport { Settings } from 'llamaindex';\n'use server';\n\n${read}`;
    assert.deepEqual(found('src/lib/llm.ts', late, 'credentials/browser-exposed'), ['credentials/browser-exposed 5:37-5:71 process.env.NEXT_PUBLIC_OPENAI_KEY']);
  });

  it('reports dangerouslyAllowBrowser where the key is in the file or the file is browser code, not in a library passing its caller\'s key', () => {
    const library = `import Anthropic from '@anthropic-ai/sdk';
import Groq from 'groq-sdk';

export class ChatAnthropic {
  protected createStreamingClient(options?: ClientOptions) {
    return new Anthropic({
      dangerouslyAllowBrowser: true,
      ...this.clientOptions,
      ...options,
      apiKey: this.apiKey,
    });
  }
}

export function createGroq(params: { apiKey?: string; baseUrl?: string }) {
  const apiKey = params.apiKey ?? getEnvironmentVariable('GROQ_API_KEY');
  return new Groq({ apiKey, dangerouslyAllowBrowser: true, baseURL: params.baseUrl });
}
`;
    assert.deepEqual(found('libs/providers/chat_models.ts', library, 'credentials/browser-exposed'), []);
    const viteEntry = `import OpenAI from 'openai';
import { setDefaultOpenAIClient } from '@openai/agents';

const openai = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY ?? '',
  dangerouslyAllowBrowser: true,
});
setDefaultOpenAIClient(openai);
`;
    assert.deepEqual(found('web/src/main.ts', viteEntry, 'credentials/browser-exposed'), [
      'credentials/browser-exposed 5:11-5:46 import.meta.env.VITE_OPENAI_API_KEY',
      'credentials/browser-exposed 6:3-6:32 dangerouslyAllowBrowser: true',
    ]);
    const component = `'use client';
import OpenAI from 'openai';

export function useClient(userKey: string) {
  return new OpenAI({ apiKey: userKey, dangerouslyAllowBrowser: true });
}
`;
    assert.deepEqual(found('app/chat/client.ts', component, 'credentials/browser-exposed'), ['credentials/browser-exposed 5:40-5:69 dangerouslyAllowBrowser: true']);
  });

  it('reports public credential names defined in .env files, at the name', () => {
    const text = `# Public values are inlined into the client bundle
NEXT_PUBLIC_SUPABASE_URL=https://abc.supabase.co
NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiJ9.anon
NEXT_PUBLIC_OPENAI_API_KEY=sk-proj-your-key-here
export VITE_GITHUB_TOKEN="ghp_your_token"
OPENAI_API_KEY=sk-proj-your-key-here
`;
    assert.deepEqual(found('.env.local', text, 'credentials/browser-exposed'), [
      'credentials/browser-exposed 4:1-4:27 NEXT_PUBLIC_OPENAI_API_KEY',
      'credentials/browser-exposed 5:8-5:25 VITE_GITHUB_TOKEN',
    ]);
    assert.match(findingsOf('.env.local', text, 'credentials/browser-exposed')[0]!.message, /^NEXT_PUBLIC_OPENAI_API_KEY is defined here/);
  });

  it('classifies names', () => {
    const exposed = ['NEXT_PUBLIC_OPENAI_API_KEY', 'VITE_API_KEY', 'PUBLIC_STRIPE_SECRET_KEY', 'NUXT_PUBLIC_DB_PASSWORD', 'GATSBY_CONTENTFUL_ACCESS_TOKEN', 'VITE_SUPABASE_KEY', 'NEXT_PUBLIC_POSTHOG_PERSONAL_API_KEY'];
    const fine = [
      'OPENAI_API_KEY', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'VITE_CLERK_PUBLISHABLE_KEY', 'NEXT_PUBLIC_VAPID_PUBLIC_KEY', 'NEXT_PUBLIC_TURNSTILE_SITE_KEY',
      'NEXT_PUBLIC_GOOGLE_MAPS_API_KEY', 'NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY', 'NEXT_PUBLIC_DD_CLIENT_TOKEN', 'NEXT_PUBLIC_APP_URL', 'PUBLIC_KEY',
    ];
    assert.deepEqual(exposed.filter((name) => !browserExposedName(name)), []);
    assert.deepEqual(fine.filter((name) => browserExposedName(name)), []);
  });
});

describe('code grants: grants/unrestricted-shell in code', () => {
  it('OpenAI Agents SDK: model input to exec (also promisified), spawn with shell: true, and a local shellTool()', () => {
    const text = `import { Agent, tool, shellTool, computerTool } from '@openai/agents';
import { exec, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const execAsync = promisify(exec);

const runCommand = tool({
  name: 'run_command',
  description: 'Run a shell command in the repository',
  parameters: z.object({ command: z.string() }),
  execute: async ({ command }) => (await execAsync(command)).stdout,
});

const grep = tool({
  name: 'grep',
  description: 'Search the code',
  parameters: z.object({ pattern: z.string() }),
  execute: async (input) => {
    const line = \`grep -rn "\${input.pattern}" src\`;
    return new Promise((resolve) => spawn(line, { shell: true }).stdout.on('data', resolve));
  },
});

const gitLog = tool({
  name: 'git_log',
  description: 'Show the history of a ref',
  parameters: z.object({ ref: z.string() }),
  execute: async ({ ref }) => new Promise((resolve) => execFile('git', ['log', '--oneline', ref], (_error, out) => resolve(out))),
});

const status = tool({
  name: 'git_status',
  description: 'Show the working tree status',
  parameters: z.object({}),
  execute: async () => new Promise((resolve) => exec('git status --short', (_error, out) => resolve(out))),
});

export const coder = new Agent({
  name: 'coder',
  tools: [runCommand, grep, gitLog, status, shellTool({ shell: localShell }), computerTool({ computer })],
});
`;
    assert.deepEqual(found('src/coder.ts', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 41:45-41:54 shellTool',
      'grants/unrestricted-shell 12:42-12:60 execAsync(command)',
      'grants/unrestricted-shell 21:37-21:65 spawn(line, { shell: true })',
    ]);
    const messages = findingsOf('src/coder.ts', text, 'grants/unrestricted-shell').map((finding) => finding.message);
    assert.match(messages[0]!, /^shellTool\(\) lets the model run any shell command.*container_auto.*needsApproval/);
    assert.match(messages[1]!, /^Tool "run_command" hands model input to execAsync, which runs it in a shell.*Run a fixed program with execFile and an argument array/);
    assert.match(messages[2]!, /^Tool "grep" hands model input to spawn with shell: true/);
    assert.equal(findingsOf('src/coder.ts', text, 'grants/unrestricted-shell')[0]?.severity, 'error');
  });

  it('OpenAI Agents SDK: a shell in a hosted container, a shell that asks first, and a computer are not unrestricted shells', () => {
    const text = `import { Agent, applyPatchTool, computerTool, shellTool } from '@openai/agents';
import { LocalShell, PlaywrightComputer } from './local';

const shell = new LocalShell();
const computer = new PlaywrightComputer();

export const containerAgent = new Agent({
  name: 'Container agent',
  tools: [
    shellTool({
      environment: { type: 'container_auto', networkPolicy: { type: 'disabled' } },
    }),
    shellTool({ environment: { type: 'container_reference', containerId: 'cntr_0123' } }),
  ],
});

export const localAgent = new Agent({
  name: 'Local tools agent',
  tools: [
    computerTool({ computer }),
    shellTool({ shell, needsApproval: true }),
    shellTool({ shell, needsApproval: async (_ctx, action) => action.commands.some((command) => command.startsWith('rm')) }),
    shellTool({ shell, needsApproval: false }),
    shellTool({ shell, environment: { type: 'local' } }),
    applyPatchTool({ editor: shell, needsApproval: true }),
  ],
});
`;
    assert.deepEqual(found('src/agents.ts', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 23:5-23:14 shellTool',
      'grants/unrestricted-shell 24:5-24:14 shellTool',
    ]);
  });

  it('LangChain/LangGraph: bash -c, a shell helper one call away, and a Tool subclass', () => {
    const text = `import { tool, StructuredTool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import * as cp from 'node:child_process';
import { z } from 'zod';

function runShell(script: string, cwd: string) {
  return cp.execSync(script, { cwd, encoding: 'utf8' });
}

const bash = tool(async ({ script }) => cp.spawnSync('bash', ['-lc', script]).stdout.toString(), {
  name: 'bash',
  schema: z.object({ script: z.string() }),
});

const deploy = tool(async ({ service }) => runShell(\`./deploy.sh \${service}\`, '/srv'), {
  name: 'deploy',
  schema: z.object({ service: z.string() }),
});

class PsqlTool extends StructuredTool {
  name = 'psql';
  description = 'Run SQL through psql';
  schema = z.object({ sql: z.string() });
  async _call({ sql }: { sql: string }) {
    return cp.execSync(\`psql -c "\${sql}"\`).toString();
  }
}

export const ops = createReactAgent({ llm, tools: [bash, deploy, new PsqlTool()], name: 'ops' });
`;
    assert.deepEqual(found('src/ops.ts', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 10:41-10:78 cp.spawnSync(\'bash\', [\'-lc\', script])',
      'grants/unrestricted-shell 25:12-25:43 cp.execSync(`psql -c "${sql}"`)',
      'grants/unrestricted-shell 7:10-7:56 cp.execSync(script, { cwd, encoding: \'utf8\' })',
    ]);
    const messages = findingsOf('src/ops.ts', text, 'grants/unrestricted-shell').map((finding) => finding.message);
    assert.match(messages[0]!, /^Tool "bash" hands model input to a shell \(bash -lc\) through cp\.spawnSync/);
    assert.match(messages[1]!, /^Tool "psql" hands model input to cp\.execSync/);
    assert.match(messages[2]!, /^Tool "deploy" hands model input to cp\.execSync, which runs it in a shell \(through runShell\(\)\)/);
  });

  it('Vercel AI SDK, Mastra and MCP server tools: plain-object tools, zx, Bun.$, execaCommand, execa with shell', () => {
    const text = `import { generateText } from 'ai';
import { createTool } from '@mastra/core/tools';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { execSync } from 'child_process';
import { execa, execaCommand } from 'execa';
import { $ } from 'zx';
import { z } from 'zod';

export const answer = (model: any, prompt: string) =>
  generateText({
    model,
    prompt,
    tools: {
      terminal: {
        description: 'Run a terminal command',
        inputSchema: z.object({ command: z.string() }),
        execute: async ({ command }: { command: string }) => execSync(command, { encoding: 'utf8' }),
      },
    },
  });

export const restart = createTool({
  id: 'restart-service',
  description: 'Restart a service',
  inputSchema: z.object({ service: z.string() }),
  execute: async ({ context }) => {
    await $\`systemctl restart \${context.service}\`;
    await Bun.$\`journalctl -u \${context.service}\`;
    await execa('kubectl', ['rollout', 'restart', context.service], { shell: true });
    return execaCommand(context.service);
  },
});

const server = new McpServer({ name: 'ops', version: '1.0.0' });
server.registerTool('run', { inputSchema: { cmd: z.string() } }, async ({ cmd }) => ({ content: [{ type: 'text', text: execSync(cmd).toString() }] }));
`;
    assert.deepEqual(found('src/tools.ts', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 17:62-17:101 execSync(command, { encoding: \'utf8\' })',
      'grants/unrestricted-shell 27:11-27:50 $`systemctl restart ${context.service}`',
      'grants/unrestricted-shell 28:11-28:50 Bun.$`journalctl -u ${context.service}`',
      'grants/unrestricted-shell 29:11-29:85 execa(\'kubectl\', [\'rollout\', \'restart\', context.service], { shell: true })',
      'grants/unrestricted-shell 30:12-30:41 execaCommand(context.service)',
      'grants/unrestricted-shell 35:120-35:133 execSync(cmd)',
    ]);
    const messages = findingsOf('src/tools.ts', text, 'grants/unrestricted-shell').map((finding) => finding.message);
    assert.match(messages[0]!, /^Tool "terminal" hands model input to execSync/);
    assert.match(messages[1]!, /^Tool "restart-service" interpolates model input into the command \$`…` runs/);
    assert.match(messages[5]!, /^Tool "run" hands model input to execSync/);
  });

  it('not reported: constant commands, execFile with an argument array, quoted or allow-listed input, non-tool functions', () => {
    const text = `import { tool } from 'ai';
import { exec, execFile, execFileSync, execSync } from 'node:child_process';
import { quote } from 'shell-quote';
import { z } from 'zod';

const ALLOWED = ['status', 'log', 'diff'];

export const tools = {
  status: tool({ inputSchema: z.object({}), execute: async () => execSync('git status --short').toString() }),
  log: tool({ inputSchema: z.object({ ref: z.string() }), execute: async ({ ref }) => execFileSync('git', ['log', '--oneline', ref]).toString() }),
  show: tool({ inputSchema: z.object({ ref: z.string() }), execute: async ({ ref }) => execSync(\`git show \${quote([ref])}\`).toString() }),
  git: tool({
    inputSchema: z.object({ sub: z.string() }),
    execute: async ({ sub }) => {
      if (!ALLOWED.includes(sub)) throw new Error(\`not allowed: \${sub}\`);
      return execSync(\`git \${sub}\`).toString();
    },
  }),
  ls: tool({ inputSchema: z.object({ dir: z.string() }), execute: async ({ dir }) => new Promise((resolve) => execFile('ls', ['-la', dir], (_e, out) => resolve(out))) }),
};

/** Build script, not an agent tool. */
export function build(target: string) {
  exec(\`make \${target}\`);
}
`;
    assert.deepEqual(found('src/safe-tools.ts', text, 'grants/unrestricted-shell'), []);
  });

  it('a deny-list does not guard the call; an allow-list check around it does', () => {
    const text = `import { tool } from 'ai';
import { execSync } from 'node:child_process';
import { z } from 'zod';

const BLOCKED = new Set(['rm', 'sudo', 'curl']);
const READ_ONLY = /^(?:ls|cat|head) [\\w./-]+$/;

export const tools = {
  run: tool({
    inputSchema: z.object({ command: z.string() }),
    execute: async ({ command }) => {
      if (BLOCKED.has(command.split(' ')[0]!)) throw new Error('blocked');
      return execSync(command).toString();
    },
  }),
  read: tool({
    inputSchema: z.object({ command: z.string() }),
    execute: async ({ command }) => {
      if (READ_ONLY.test(command)) {
        return execSync(command).toString();
      }
      return 'not allowed';
    },
  }),
};
`;
    assert.deepEqual(found('src/deny.ts', text, 'grants/unrestricted-shell'), ['grants/unrestricted-shell 13:14-13:31 execSync(command)']);
  });

  it('not reported: a tool() from an unknown package', () => {
    const text = `import { tool } from './my-framework';
import { execSync } from 'node:child_process';
export const run = tool({ name: 'run', execute: async ({ cmd }: { cmd: string }) => execSync(cmd) });
`;
    assert.deepEqual(found('src/mine.ts', text, 'grants/unrestricted-shell'), []);
  });
});

describe('code grants: grants/unrestricted-shell in Claude Agent SDK options', () => {
  before(async () => {
    await loadPythonParser();
  });

  it('TypeScript: permissionMode bypassPermissions and a bare Bash in allowedTools, over several lines', () => {
    const text = `import { query } from '@anthropic-ai/claude-agent-sdk';

for await (const message of query({
  prompt: 'Fix the failing tests',
  options: {
    permissionMode: 'bypassPermissions',
    allowedTools: [
      'Read',
      'Bash',
      'Bash(npm run test:*)',
      'Bash(python3:*)',
    ],
  },
})) {
  console.log(message);
}
`;
    assert.deepEqual(found('src/fix.ts', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 6:22-6:39 bypassPermissions',
      'grants/unrestricted-shell 9:8-9:12 Bash',
      'grants/unrestricted-shell 11:8-11:23 Bash(python3:*)',
    ]);
  });

  it('Python: ClaudeAgentOptions(permission_mode="bypassPermissions", allowed_tools=["Bash(*)"])', () => {
    const text = `from claude_agent_sdk import ClaudeAgentOptions, query

options = ClaudeAgentOptions(permission_mode="bypassPermissions", allowed_tools=["Read", "Bash(*)"])
# options = ClaudeAgentOptions(permission_mode="bypassPermissions")
`;
    assert.deepEqual(found('agent.py', text, 'grants/unrestricted-shell'), [
      'grants/unrestricted-shell 3:47-3:64 bypassPermissions',
      'grants/unrestricted-shell 3:91-3:98 Bash(*)',
    ]);
  });

  it('not reported: narrow allow-lists, other permission modes, and files that do not use the SDK', () => {
    const narrow = `import { query } from '@anthropic-ai/claude-agent-sdk';

export const run = () => query({ prompt: 'Review', options: { permissionMode: 'acceptEdits', allowedTools: ['Read', 'Bash(npm run lint)'] } });
`;
    assert.deepEqual(found('src/review.ts', narrow, 'grants/unrestricted-shell'), []);
    const elsewhere = `export const modes = { permissionMode: 'bypassPermissions', allowedTools: ['Bash'] };\n`;
    assert.deepEqual(found('src/modes.ts', elsewhere, 'grants/unrestricted-shell'), []);
  });

  it('not reported: usage examples in a docstring or a JSDoc comment; the code beside them is', () => {
    // agno's ClaudeAgent documents its options with an example in its docstring.
    const python = `from claude_agent_sdk import ClaudeAgentOptions


class CodingAgent:
    \"\"\"Runs Claude Code.

    Example:
        agent = CodingAgent(
            allowed_tools=["Read", "Edit", "Bash"],
            permission_mode="bypassPermissions",
        )
    \"\"\"

    def options(self):
        return ClaudeAgentOptions(allowed_tools=["Read", "Bash"])
`;
    assert.deepEqual(found('coding_agent.py', python, 'grants/unrestricted-shell'), ['grants/unrestricted-shell 15:59-15:63 Bash']);
    const typescript = `import { query } from '@anthropic-ai/claude-agent-sdk';

/**
 * Runs the fixer. Example:
 *   run({ allowedTools: ['Read', 'Bash'], permissionMode: 'bypassPermissions' })
 */
export const run = (allowedTools: string[]) => query({ prompt: 'Fix', options: { allowedTools: [...allowedTools, 'Bash'] } });
`;
    assert.deepEqual(found('src/run.ts', typescript, 'grants/unrestricted-shell'), ['grants/unrestricted-shell 7:115-7:119 Bash']);
  });
});
