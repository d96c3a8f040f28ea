/**
 * Every fix kind, table-driven: input files, the finding the cursor is on (rule, and which one), the fix (by
 * title), and the exact text of every file afterwards. Created files are checked exactly where they are small
 * (manifests, config) and by their distinctive lines where they are a scaffolded credentials module.
 */
import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig, type Broker, type ResolvedConfig } from '../../src/core/config';
import { applyEdits, fixAllEdits, fixesFor, type Fix } from '../../src/core/fixes';
import { EditSequence } from '../../src/core/fixes/text';
import { finalizeSuppressions } from '../../src/core/suppressions';
import type { Finding } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/core/workspace';

// Format-valid random keys (not real credentials).
const OPENAI = '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';
const GITHUB = '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';
const AWS_ID = 'AKIA7LZSA5S4KPREQQE5';
const AWS_SECRET = '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';
const TODAY = '2026-01-15';

type Expected = string | RegExp | ((text: string) => void);

interface Case {
  name: string;
  files: Record<string, string>;
  /** The file the finding is in. */
  path: string;
  rule: string;
  /** Which finding of that rule in the file (default: the first). */
  nth?: number;
  title: RegExp;
  broker?: Broker;
  /** For a fix that asks for a broker first: the choice to apply. */
  choice?: Broker;
  expect: Record<string, Expected>;
}

function findingsIn(files: Record<string, string>, path: string, config: ResolvedConfig): Finding[] {
  const index = new WorkspaceIndex({ fileExists: (candidate) => candidate in files });
  let own: Finding[] = [];
  let suppressions: ReturnType<typeof analyzeFile>['suppressions'] = [];
  for (const [file, text] of Object.entries(files)) {
    const analysis = analyzeFile({ path: file, text }, config, { now: new Date(`${TODAY}T12:00:00Z`) });
    index.set(file, analysis.facts, analysis.suppressions);
    if (file === path) {
      own = analysis.findings;
      suppressions = analysis.suppressions;
    }
  }
  const all = [...own, ...index.findingsFor(path, config)];
  all.push(...finalizeSuppressions(path, all, suppressions, config));
  return all.filter((finding) => !finding.suppression);
}

function run(testCase: Case): { fix: Fix; files: Record<string, string> } {
  const config = { ...defaultConfig(), ...(testCase.broker && { broker: testCase.broker }) };
  const finding = findingsIn(testCase.files, testCase.path, config).filter((candidate) => candidate.ruleId === testCase.rule)[testCase.nth ?? 0];
  assert.ok(finding, `no ${testCase.rule} finding in ${testCase.path}`);
  const workspace = { files: Object.keys(testCase.files), readText: (path: string) => testCase.files[path] };
  const fixes = fixesFor({ path: testCase.path, text: testCase.files[testCase.path]!, finding, config, workspace, today: TODAY });
  const fix = fixes.find((candidate) => testCase.title.test(candidate.title));
  assert.ok(fix, `no fix matching ${testCase.title}; offered: ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  const edits = fix.choose ? fix.choose.choices.find((choice) => choice.value === testCase.choice)!.edits : fix.edits;
  const files = { ...testCase.files };
  const paths = new Set(edits.map((edit) => edit.path));
  for (const path of paths) files[path] = applyEdits(files[path] ?? '', edits.filter((edit) => edit.path === path));
  return { fix, files };
}

const CASES: Case[] = [
  {
    name: 'TS, async function: await credentials.get, ESM import, module scaffolded for the configured broker',
    files: {
      'src/llm.ts': `import OpenAI from 'openai';\nimport { z } from 'zod';\n\nexport async function ask(q: string) {\n  const client = new OpenAI({ apiKey: '${OPENAI}' });\n  return client.responses.create({ model: 'gpt-4.1', input: q });\n}\n`,
    },
    path: 'src/llm.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'vault',
    expect: {
      'src/llm.ts': `import OpenAI from 'openai';\nimport { z } from 'zod';\nimport { credentials } from './credentials';\n\nexport async function ask(q: string) {\n  const client = new OpenAI({ apiKey: await credentials.get('openai-api-key') });\n  return client.responses.create({ model: 'gpt-4.1', input: q });\n}\n`,
      'src/credentials.ts': (text) => {
        assert.match(text, /agent-guardrail:credentials-module broker=vault/);
        assert.match(text, /auth\/approle\/login/);
        assert.match(text, /export const credentials = \{/);
      },
    },
  },
  {
    name: 'TS, top level of a module compiled who knows how: credentials.getSync (preloaded)',
    files: { 'src/client.ts': `import OpenAI from 'openai';\n\nexport const client = new OpenAI({ apiKey: "${OPENAI}" });\n` },
    path: 'src/client.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential 'openai-api-key' \(preloaded\) via Environment variables \(rotate the exposed key\)$/,
    broker: 'env',
    expect: {
      'src/client.ts': `import OpenAI from 'openai';\nimport { credentials } from './credentials';\n\nexport const client = new OpenAI({ apiKey: credentials.getSync('openai-api-key') });\n`,
      'src/credentials.ts': /required\(envName\(name\)\)/,
    },
  },
  {
    name: 'native ES module (.mjs): top-level await, explicit extension, JavaScript module',
    files: { 'server.mjs': `import OpenAI from 'openai';\n\nconst client = new OpenAI({ apiKey: '${OPENAI}' });\nexport default client;\n` },
    path: 'server.mjs',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'aws-secrets-manager',
    expect: {
      'server.mjs': `import OpenAI from 'openai';\nimport { credentials } from './src/credentials.mjs';\n\nconst client = new OpenAI({ apiKey: await credentials.get('openai-api-key') });\nexport default client;\n`,
      'src/credentials.mjs': (text) => {
        assert.match(text, /^import \{ GetSecretValueCommand, SecretsManagerClient \} from '@aws-sdk\/client-secrets-manager';$/m);
        assert.doesNotMatch(text, /: Promise<string>|interface Issued/);
      },
    },
  },
  {
    name: 'CommonJS: require, getSync, CommonJS module next to the package.json',
    files: {
      'package.json': '{ "name": "web" }\n',
      'scripts/seed.js': `'use strict';\nconst OpenAI = require('openai');\n\nconst client = new OpenAI({ apiKey: '${OPENAI}' });\nmodule.exports = client;\n`,
    },
    path: 'scripts/seed.js',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'doppler',
    expect: {
      'scripts/seed.js': `'use strict';\nconst OpenAI = require('openai');\nconst { credentials } = require('../credentials');\n\nconst client = new OpenAI({ apiKey: credentials.getSync('openai-api-key') });\nmodule.exports = client;\n`,
      'credentials.js': (text) => {
        assert.match(text, /require\("@dopplerhq\/node-sdk"\)/);
        assert.match(text, /exports\.credentials = /);
      },
      'package.json': '{ "name": "web" }\n',
    },
  },
  {
    name: 'TS with explicit .js extensions (node16), an existing credentials module: no scaffold, .js specifier',
    files: {
      'src/credentials.ts': '// agent-guardrail:credentials-module broker=vault\nexport const credentials = { get: async (name: string) => name };\n',
      'src/agents/triage.ts': `import { Agent } from '@openai/agents';\nimport { tools } from '../tools/index.js';\n\nasync function build() {\n  return new Agent({ name: 'triage', instructions: 'x', tools, model: 'gpt-4.1', apiKey: '${OPENAI}' } as never);\n}\n`,
    },
    path: 'src/agents/triage.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential 'openai-api-key' \(rotate the exposed key\)$/,
    expect: {
      'src/agents/triage.ts': `import { Agent } from '@openai/agents';\nimport { tools } from '../tools/index.js';\nimport { credentials } from '../credentials.js';\n\nasync function build() {\n  return new Agent({ name: 'triage', instructions: 'x', tools, model: 'gpt-4.1', apiKey: await credentials.get('openai-api-key') } as never);\n}\n`,
    },
  },
  {
    name: 'the project has its own credentials.ts: the scaffolded module goes next to it as agent-credentials.ts',
    files: {
      'src/credentials.ts': 'export const users = new Map<string, string>();\n',
      'src/k.ts': `export async function k() {\n  return '${OPENAI}';\n}\n`,
    },
    path: 'src/k.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: '1password',
    expect: {
      'src/k.ts': `import { credentials } from './agent-credentials';\n\nexport async function k() {\n  return await credentials.get('openai-api-key');\n}\n`,
      'src/agent-credentials.ts': /secrets\.resolve\(/,
      'src/credentials.ts': 'export const users = new Map<string, string>();\n',
    },
  },
  {
    name: 'class field initializer: no await allowed there',
    files: { 'src/svc.ts': `export class Service {\n  private key = '${OPENAI}';\n}\n` },
    path: 'src/svc.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'env',
    expect: { 'src/svc.ts': `import { credentials } from './credentials';\n\nexport class Service {\n  private key = credentials.getSync('openai-api-key');\n}\n` },
  },
  {
    name: 'default parameter of an async function: no await allowed there either',
    files: { 'src/a.ts': `export async function call(key = '${OPENAI}') {\n  return key;\n}\n` },
    path: 'src/a.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'env',
    expect: { 'src/a.ts': `import { credentials } from './credentials';\n\nexport async function call(key = credentials.getSync('openai-api-key')) {\n  return key;\n}\n` },
  },
  {
    name: 'secret inside a longer string: a template literal around the call',
    files: { 'src/h.ts': `export async function headers() {\n  return { Authorization: 'Bearer ${OPENAI}' };\n}\n` },
    path: 'src/h.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'env',
    expect: { 'src/h.ts': `import { credentials } from './credentials';\n\nexport async function headers() {\n  return { Authorization: \`Bearer \${await credentials.get('openai-api-key')}\` };\n}\n` },
  },
  {
    name: 'secret inside a template literal: a substitution',
    files: { 'src/t.ts': `export const header = (org: string) => \`token ${GITHUB} for \${org}\`;\n` },
    path: 'src/t.ts',
    rule: 'secrets/provider-key',
    title: /^Read from environment variable/,
    expect: { 'src/t.ts': 'export const header = (org: string) => `token ${process.env.GITHUB_TOKEN} for ${org}`;\n' },
  },
  {
    name: 'JSX attribute: an expression container',
    files: { 'src/W.tsx': `export function W() {\n  return <Chat apiKey="${OPENAI}" />;\n}\n` },
    path: 'src/W.tsx',
    rule: 'secrets/provider-key',
    title: /^Read from environment variable OPENAI_API_KEY/,
    expect: { 'src/W.tsx': 'export function W() {\n  return <Chat apiKey={process.env.OPENAI_API_KEY} />;\n}\n' },
  },
  {
    name: 'environment variable named after the variable the value was assigned to',
    files: { 'src/c.ts': `const OPENAI_KEY = '${OPENAI}';\nexport default OPENAI_KEY;\n` },
    path: 'src/c.ts',
    rule: 'secrets/provider-key',
    title: /^Read from environment variable OPENAI_KEY \(rotate the exposed key\)$/,
    expect: { 'src/c.ts': 'const OPENAI_KEY = process.env.OPENAI_KEY;\nexport default OPENAI_KEY;\n' },
  },
  {
    name: 'await needs parentheses before a member access',
    files: { 'src/p.ts': `export async function k() {\n  return '${OPENAI}'.trim();\n}\n` },
    path: 'src/p.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential/,
    broker: 'env',
    expect: { 'src/p.ts': `import { credentials } from './credentials';\n\nexport async function k() {\n  return (await credentials.get('openai-api-key')).trim();\n}\n` },
  },
  {
    name: 'no broker configured: the fix asks (one choice per broker), here GitHub App',
    files: { 'src/x.ts': `export async function f() {\n  return '${OPENAI}';\n}\n` },
    path: 'src/x.ts',
    rule: 'secrets/provider-key',
    title: /^Use broker-issued credential 'openai-api-key' \(rotate the exposed key\)$/,
    choice: 'github-app',
    expect: {
      'src/x.ts': `import { credentials } from './credentials';\n\nexport async function f() {\n  return await credentials.get('openai-api-key');\n}\n`,
      'src/credentials.ts': /createAppAuth\(\{/,
    },
  },
  {
    name: 'AWS key pair: temporary credentials from STS (15 minutes)',
    files: { 'src/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({\n  region: 'us-east-1',\n  credentials: {\n    accessKeyId: '${AWS_ID}',\n    secretAccessKey: '${AWS_SECRET}',\n  },\n});\n` },
    path: 'src/s3.ts',
    rule: 'secrets/provider-key',
    title: /^Use AWS temporary credentials/,
    expect: { 'src/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';\nimport { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n\nexport const s3 = new S3Client({\n  region: 'us-east-1',\n  credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.AWS_ROLE_ARN, DurationSeconds: 900 } }),\n});\n` },
  },
  {
    name: 'AWS key pair: the default provider chain (the credentials property removed)',
    files: { 'src/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({\n  region: 'us-east-1',\n  credentials: {\n    accessKeyId: '${AWS_ID}',\n    secretAccessKey: '${AWS_SECRET}',\n  },\n});\n` },
    path: 'src/s3.ts',
    rule: 'secrets/provider-key',
    nth: 1,
    title: /^Use the AWS default credential provider chain/,
    expect: { 'src/s3.ts': `import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client({\n  region: 'us-east-1',\n});\n` },
  },
  {
    name: 'GitHub PAT in new Octokit({ auth }): a GitHub App installation token',
    files: { 'src/gh.ts': `import { Octokit } from '@octokit/rest';\n\nexport const octokit = new Octokit({ auth: '${GITHUB}', userAgent: 'bot/1.0' });\n` },
    path: 'src/gh.ts',
    rule: 'secrets/provider-key',
    title: /^Use a GitHub App installation token/,
    expect: { 'src/gh.ts': "import { Octokit } from '@octokit/rest';\nimport { createAppAuth } from '@octokit/auth-app';\n\nexport const octokit = new Octokit({ authStrategy: createAppAuth, auth: { appId: process.env.GITHUB_APP_ID!, privateKey: process.env.GITHUB_APP_PRIVATE_KEY!, installationId: process.env.GITHUB_APP_INSTALLATION_ID! }, userAgent: 'bot/1.0' });\n" },
  },
  {
    name: '.vscode/mcp.json: ${input:id} and a password input (inputs created)',
    files: { '.vscode/mcp.json': `{\n  // servers\n  "servers": {\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/",\n      "headers": { "Authorization": "Bearer ${GITHUB}" }\n    }\n  }\n}\n` },
    path: '.vscode/mcp.json',
    rule: 'secrets/provider-key',
    title: /^Use \$\{input:github-token\} with a password prompt/,
    expect: {
      '.vscode/mcp.json': `{\n  "inputs": [\n    {\n      "type": "promptString",\n      "id": "github-token",\n      "description": "github token (stored by VS Code, never in this file)",\n      "password": true\n    }\n  ],\n  // servers\n  "servers": {\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/",\n      "headers": { "Authorization": "Bearer \${input:github-token}" }\n    }\n  }\n}\n`,
    },
  },
  {
    name: '.vscode/mcp.json: an existing inputs list is appended to',
    files: { '.vscode/mcp.json': `{\n  "inputs": [\n    { "type": "promptString", "id": "other", "password": true }\n  ],\n  "servers": {\n    "linear": { "command": "npx", "env": { "LINEAR_API_KEY": "lin_api_MiIXKy0066X8lmujj1GVCSEDcirXRIC49CYBROpz" } }\n  }\n}\n` },
    path: '.vscode/mcp.json',
    rule: 'secrets/provider-key',
    title: /^Use \$\{input:linear-api-key\}/,
    expect: {
      '.vscode/mcp.json': `{\n  "inputs": [\n    { "type": "promptString", "id": "other", "password": true },\n    {\n      "type": "promptString",\n      "id": "linear-api-key",\n      "description": "linear api key (stored by VS Code, never in this file)",\n      "password": true\n    }\n  ],\n  "servers": {\n    "linear": { "command": "npx", "env": { "LINEAR_API_KEY": "\${input:linear-api-key}" } }\n  }\n}\n`,
    },
  },
  {
    name: '.cursor/mcp.json: ${env:NAME}',
    files: { '.cursor/mcp.json': `{ "mcpServers": { "gh": { "command": "npx", "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB}" } } } }\n` },
    path: '.cursor/mcp.json',
    rule: 'secrets/provider-key',
    title: /^Use \$\{env:GITHUB_PERSONAL_ACCESS_TOKEN\}/,
    expect: { '.cursor/mcp.json': '{ "mcpServers": { "gh": { "command": "npx", "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${env:GITHUB_PERSONAL_ACCESS_TOKEN}" } } } }\n' },
  },
  {
    name: '.mcp.json (Claude Code): ${NAME}',
    files: { '.mcp.json': `{ "mcpServers": { "gh": { "type": "http", "url": "https://x.example/mcp", "headers": { "Authorization": "Bearer ${GITHUB}" } } } }\n` },
    path: '.mcp.json',
    rule: 'secrets/provider-key',
    title: /^Use \$\{GITHUB_TOKEN\}/,
    expect: { '.mcp.json': '{ "mcpServers": { "gh": { "type": "http", "url": "https://x.example/mcp", "headers": { "Authorization": "Bearer ${GITHUB_TOKEN}" } } } }\n' },
  },
  {
    name: 'manifest (YAML): literal secret → ref and ttl (the broker stays)',
    files: { 'agents/r.agent.yaml': `apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: research\n  owner: team:research\nspec:\n  credentials:\n    - name: openai\n      broker: vault\n      apiKey: ${OPENAI}\n` },
    path: 'agents/r.agent.yaml',
    rule: 'secrets/provider-key',
    title: /^Move credential "openai" to vault/,
    expect: { 'agents/r.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: research\n  owner: team:research\nspec:\n  credentials:\n    - name: openai\n      broker: vault\n      ref: secret/data/agents/research/openai\n      ttl: 15m\n' },
  },
  {
    name: 'manifest (JSON): literal secret → broker, ref and ttl',
    files: { 'agents/ops.agent.json': `{\n  "apiVersion": "agent-guardrail/v1",\n  "kind": "Agent",\n  "metadata": { "name": "ops", "owner": "team:sre" },\n  "spec": {\n    "credentials": [\n      { "name": "openai", "apiKey": "${OPENAI}" }\n    ]\n  }\n}\n` },
    path: 'agents/ops.agent.json',
    rule: 'secrets/provider-key',
    title: /^Move credential "openai" to env/,
    expect: { 'agents/ops.agent.json': '{\n  "apiVersion": "agent-guardrail/v1",\n  "kind": "Agent",\n  "metadata": { "name": "ops", "owner": "team:sre" },\n  "spec": {\n    "credentials": [\n      { "name": "openai", "ref": "OPENAI_API_KEY", "ttl": "15m", "broker": "env" }\n    ]\n  }\n}\n' },
  },
  {
    name: 'unowned agent: create a manifest prefilled from the code, owner from CODEOWNERS, review in 90 days',
    files: {
      '.github/CODEOWNERS': '*   @acme/platform\nsrc/agents/  @acme/billing-team dana@acmecorp.io\n',
      'src/agents/billing.ts': "import { tool } from '@langchain/core/tools';\nimport { createReactAgent } from '@langchain/langgraph/prebuilt';\nimport { ChatOpenAI } from '@langchain/openai';\nimport { z } from 'zod';\n\nconst lookupInvoice = tool(async ({ id }) => id, { name: 'lookup_invoice', description: 'x', schema: z.object({ id: z.string() }) });\n\nexport const billingAgent = createReactAgent({\n  llm: new ChatOpenAI({ model: 'gpt-4.1', apiKey: process.env.OPENAI_API_KEY }),\n  tools: [lookupInvoice],\n  name: 'billing-assistant',\n});\n",
    },
    path: 'src/agents/billing.ts',
    rule: 'ownership/unowned-agent',
    title: /^Create agent manifest agents\/billing-assistant\.agent\.yaml$/,
    expect: {
      'agents/billing-assistant.agent.yaml':
        'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: billing-assistant\n  description: "TODO: the business process this agent serves"\n  owner: team:billing-team\n  environment: development\n  reviewBy: 2026-04-15\nspec:\n  entrypoint: src/agents/billing.ts\n  credentials:\n    - name: openai-api-key\n      broker: env\n      ref: OPENAI_API_KEY\n      ttl: 15m\n  tools:\n    - name: lookup_invoice\n      access: read    # guessed from the tool; check it\n',
    },
  },
  {
    name: 'missing owner: inserted under metadata with a placeholder',
    files: { 'agents/a.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: a\n  description: Answers questions\n  reviewBy: 2099-01-01\nspec:\n  tools:\n    - name: search\n' },
    path: 'agents/a.agent.yaml',
    rule: 'ownership/missing-owner',
    title: /^Add metadata\.owner \(placeholder to fill in\)$/,
    expect: { 'agents/a.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: a\n  description: Answers questions\n  reviewBy: 2099-01-01\n  owner: team:change-me\nspec:\n  tools:\n    - name: search\n' },
  },
  {
    name: 'missing review date (JSON manifest): today + 90 days',
    files: { 'agents/b.agent.json': '{\n  "apiVersion": "agent-guardrail/v1",\n  "kind": "Agent",\n  "metadata": {\n    "name": "b",\n    "owner": "team:x",\n    "description": "d"\n  }\n}\n' },
    path: 'agents/b.agent.json',
    rule: 'ownership/missing-review-date',
    title: /^Add metadata\.reviewBy: 2026-04-15$/,
    expect: { 'agents/b.agent.json': '{\n  "apiVersion": "agent-guardrail/v1",\n  "kind": "Agent",\n  "metadata": {\n    "name": "b",\n    "owner": "team:x",\n    "description": "d",\n    "reviewBy": "2026-04-15"\n  }\n}\n' },
  },
  {
    name: 'wildcard tool: replaced by the tools the code uses',
    files: {
      'agents/t.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  entrypoint: src/triage.ts\n  tools:\n    - name: search\n      access: read\n    - name: "*"\n',
      'src/triage.ts': "import { Agent, tool } from '@openai/agents';\nimport { z } from 'zod';\n\nconst search = tool({ name: 'search', description: 'S', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });\nconst refund = tool({ name: 'refund', description: 'R', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });\nconst escalate = tool({ name: 'escalate', description: 'E', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });\n\nexport const triage = new Agent({ name: 'triage', instructions: 'Route', tools: [search, refund, escalate] });\n",
    },
    path: 'agents/t.agent.yaml',
    rule: 'grants/wildcard-tool',
    title: /^Replace "\*" with the tools the code uses \(refund, escalate\)$/,
    expect: { 'agents/t.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  entrypoint: src/triage.ts\n  tools:\n    - name: search\n      access: read\n    - name: refund\n    - name: escalate\n' },
  },
  {
    name: 'filesystem root in .vscode/mcp.json: ${workspaceFolder}',
    files: { '.vscode/mcp.json': '{ "servers": { "filesystem": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"] } } }\n' },
    path: '.vscode/mcp.json',
    rule: 'grants/filesystem-root',
    title: /^Limit the filesystem server to \$\{workspaceFolder\}$/,
    expect: { '.vscode/mcp.json': '{ "servers": { "filesystem": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "${workspaceFolder}"] } } }\n' },
  },
  ...(['declare', 'remove'] as const).map(
    (mode): Case => ({
      name: `undeclared tool: ${mode === 'declare' ? 'added to the manifest' : 'removed from the code'}`,
      files: {
        'agents/t.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  entrypoint: src/triage.ts\n  tools:\n    - name: search\n      access: read\n',
        'src/triage.ts': "import { Agent, tool } from '@openai/agents';\nimport { z } from 'zod';\n\nconst search = tool({ name: 'search', description: 'S', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });\nconst refund = tool({ name: 'refund', description: 'R', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });\n\nexport const triage = new Agent({ name: 'triage', instructions: 'Route', tools: [search, refund] });\n",
      },
      path: 'src/triage.ts',
      rule: 'grants/undeclared-tool',
      title: mode === 'declare' ? /^Declare tool "refund" in agents\/t\.agent\.yaml$/ : /^Remove tool "refund" from the agent's tools$/,
      expect:
        mode === 'declare'
          ? { 'agents/t.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: triage\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  entrypoint: src/triage.ts\n  tools:\n    - name: search\n      access: read\n    - name: refund\n' }
          : { 'src/triage.ts': "import { Agent, tool } from '@openai/agents';\nimport { z } from 'zod';\n\nconst search = tool({ name: 'search', description: 'S', parameters: z.object({ q: z.string() }), execute: async ({ q }) => q });\nconst refund = tool({ name: 'refund', description: 'R', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });\n\nexport const triage = new Agent({ name: 'triage', instructions: 'Route', tools: [search] });\n" },
    }),
  ),
  {
    name: 'credential ttl above the maximum: shortened',
    files: { 'agents/l.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: l\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  credentials:\n    - name: openai\n      broker: env\n      ref: OPENAI_API_KEY\n      ttl: 30d\n' },
    path: 'agents/l.agent.yaml',
    rule: 'credentials/long-lived',
    title: /^Shorten ttl to 1h$/,
    expect: { 'agents/l.agent.yaml': 'apiVersion: agent-guardrail/v1\nkind: Agent\nmetadata:\n  name: l\n  owner: team:s\n  description: d\n  reviewBy: 2099-01-01\nspec:\n  credentials:\n    - name: openai\n      broker: env\n      ref: OPENAI_API_KEY\n      ttl: 1h\n' },
  },
  {
    name: 'suppress with a reason (a comment above the line)',
    files: { 'src/k.ts': `export function k() {\n  return '${OPENAI}';\n}\n` },
    path: 'src/k.ts',
    rule: 'secrets/provider-key',
    title: /^Suppress secrets\/provider-key on this line/,
    expect: { 'src/k.ts': `export function k() {\n  // agent-guardrail-ignore-next-line secrets/provider-key -- <why this is acceptable>\n  return '${OPENAI}';\n}\n` },
  },
  {
    name: 'suppress in a JSON file: a fingerprint entry in a new .agent-guardrail.yaml',
    files: { 'config/settings.json': `{ "openai": { "apiKey": "${OPENAI}" } }\n` },
    path: 'config/settings.json',
    rule: 'secrets/provider-key',
    title: /^Suppress secrets\/provider-key in \.agent-guardrail\.yaml/,
    expect: {
      '.agent-guardrail.yaml': (text) => assert.match(text, /^suppressions:\n {2}- rule: secrets\/provider-key\n {4}fingerprint: [0-9a-f]{64}\n {4}reason: "<why this is acceptable>"\n {4}file: "config\/settings\.json"\n$/),
      'config/settings.json': `{ "openai": { "apiKey": "${OPENAI}" } }\n`,
    },
  },
  {
    name: 'suppress in a JSON file: appended to the suppressions of an existing config',
    files: {
      '.agent-guardrail.yaml': 'broker: vault\nsuppressions:\n  - rule: grants/*\n    fingerprint: abc\n    reason: reviewed\n',
      'config/settings.json': `{ "openai": { "apiKey": "${OPENAI}" } }\n`,
    },
    path: 'config/settings.json',
    rule: 'secrets/provider-key',
    title: /^Suppress secrets\/provider-key in \.agent-guardrail\.yaml/,
    expect: { '.agent-guardrail.yaml': /^broker: vault\nsuppressions:\n {2}- rule: grants\/\*\n {4}fingerprint: abc\n {4}reason: reviewed\n {2}- rule: secrets\/provider-key\n {4}fingerprint: [0-9a-f]{64}\n/ },
  },
];

describe('quick fixes (table)', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const { fix, files } = run(testCase);
      for (const [path, expected] of Object.entries(testCase.expect)) {
        const actual = files[path];
        assert.ok(actual !== undefined, `${path} was not written`);
        if (typeof expected === 'string') assert.equal(actual, expected, path);
        else if (expected instanceof RegExp) assert.match(actual, expected, path);
        else expected(actual);
      }
      const secrets = [OPENAI, GITHUB, AWS_ID, AWS_SECRET, 'lin_api_MiIXKy0066X8lmujj1GVCSEDcirXRIC49CYBROpz'];
      const written = JSON.stringify([fix.edits, fix.choose, fix.title, fix.followUp]);
      if (testCase.rule.startsWith('secrets/') && !/^Suppress/.test(fix.title)) {
        for (const secret of secrets) assert.ok(!written.includes(secret), 'the fix copies the secret');
        assert.match(`${fix.title} ${fix.followUp}`, /rotate/i, 'a secret fix says to rotate');
      }
    });
  }

  it('every finding also offers rule documentation', () => {
    const text = `export const k = '${OPENAI}';\n`;
    const [finding] = analyzeFile({ path: 'a.ts', text }, defaultConfig()).findings;
    const docs = fixesFor({ path: 'a.ts', text, finding: finding!, config: defaultConfig() }).find((fix) => fix.command?.id === 'agent-guardrail.showDocumentation');
    assert.deepEqual(docs?.command?.arguments, ['https://github.com/agent-guardrail/agent-guardrail/blob/main/src/core/rules/secrets/provider-key.md']);
  });

  it('a JSX child line gets no // suppression (it would be text there): the config fingerprint one instead', () => {
    const text = `export const W = () => (\n  <div>\n    <Chat apiKey={'${OPENAI}'} />\n  </div>\n);\n`;
    const [finding] = analyzeFile({ path: 'W.tsx', text }, defaultConfig()).findings;
    const titles = fixesFor({ path: 'W.tsx', text, finding: finding!, config: defaultConfig() }).map((fix) => fix.title);
    assert.ok(!titles.some((title) => title.endsWith('on this line (with a reason)')), titles.join(' | '));
    assert.ok(titles.includes('Suppress secrets/provider-key in .agent-guardrail.yaml (with a reason)'), titles.join(' | '));
    assert.ok(titles.some((title) => title.startsWith('Read from environment variable')));
  });

  it('fix all on a one-line config edits only what changes: another key between two fixes is not re-emitted', () => {
    const other = 'Zr4Tq8Wm2Kx7Vn3Bp9Lc5Hd1Jf6Gs0YaQm7vT2xK';
    const text = JSON.stringify({ servers: { a: { command: 'npx', env: { OPENAI_API_KEY: OPENAI, NOTE: other, GITHUB_TOKEN: GITHUB } } } });
    const edits = fixAllEdits({ path: '.vscode/mcp.json', text, config: defaultConfig() });
    // The `inputs` list inserted first, then each key replaced on its own.
    assert.equal(edits.length, 3);
    assert.ok(edits.every((edit) => !edit.newText.includes(other) && !edit.newText.includes(OPENAI) && !edit.newText.includes(GITHUB)));
    const result = applyEdits(text, edits);
    assert.ok(!result.includes(OPENAI) && !result.includes(GITHUB) && result.includes(other), result);
  });

  it('EditSequence: edits applied one after another equal its edits of the original text applied at once', () => {
    let seed = 7;
    const next = (limit: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % limit;
    };
    for (let round = 0; round < 300; round++) {
      const original = 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, 10 + next(26));
      const sequence = new EditSequence(original);
      for (let step = 0; step < 1 + next(6); step++) {
        const start = next(sequence.text.length + 1);
        const end = start + next(Math.min(4, sequence.text.length - start) + 1);
        sequence.apply([{ startOffset: start, endOffset: end, newText: 'XYZ'.slice(0, next(4)) }]);
      }
      const edits = sequence.edits('f');
      assert.equal(applyEdits(original, edits), sequence.text, `round ${round}`);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.endOffset < edits[i]!.startOffset || edits[i - 1]!.endOffset <= edits[i]!.startOffset);
    }
  });

  it('fix all applies the safe fixes of one file, one after another', () => {
    const text = `{\n  "servers": {\n    "a": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB}" } },\n    "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem@2025.8.21", "~"] }\n  }\n}\n`;
    const edits = fixAllEdits({ path: '.vscode/mcp.json', text, config: defaultConfig() });
    assert.ok(edits.length);
    const result = applyEdits(text, edits);
    assert.equal(analyzeFile({ path: '.vscode/mcp.json', text: result }, defaultConfig()).findings.length, 0, result);
    assert.ok(!result.includes(GITHUB));
    assert.match(result, /"GITHUB_TOKEN": "\$\{input:github-token\}"/);
    assert.match(result, /"\$\{workspaceFolder\}"/);
  });
});
