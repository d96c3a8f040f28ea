import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { scanYaml, yamlNestingBound } from '../../src/core/languages/yaml';
import { expectSecrets, expectNone } from '../helpers';

/*
 * Secret detection in JSON/JSONC, YAML, .env and other text files (Markdown, Python, shell). Every case asserts the
 * exact list of secrets/* findings: rule id, 1-based `line:col-line:col` range and the text the range covers (the
 * secret itself; only the token after `Bearer `). Findings of other rule families are left out.
 *
 * The values are random strings in each provider's format, made for these tests; none is a real credential.
 */

const OPENAI = 'sk-proj-NBMgDRXNF9ZWfYXuxYUF-JScJT3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN';
const ANTHROPIC = 'sk-ant-api03-cdXGgxP8rGGqSTmK0ae9Owh-U4xPSi-z-5UiUkwRPT6NdDqoeC209T4P2E8uDZpRM8oX_Kefhov0kafv1OAa1A796jPFDAA';
const GITHUB = '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';
const GROQ = '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';
const TOKEN = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
const TOKEN2 = '0JPPGeoyqPwgO38Ajpd3yYHMKUo3vMHq';
const MISTRAL = 's0QxNToLRH7d6WsM4Adq0rA7O4d19qKI';
const PASSWORD = 'EZYBuohLBi!F40';
const DB_PASSWORD = 'q7VxT2mLp9Rz';
/** The body of a real RSA key made for this run, 64 characters a line. */
const PEM_BODY = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString()
  .split('\n')
  .filter((row) => row && !row.startsWith('-----'));

const PROVIDER = 'secrets/provider-key';
const GENERIC = 'secrets/generic-secret';
const PRIVATE_KEY = 'secrets/private-key';
const CONNECTION = 'secrets/connection-string';


const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

describe('secrets in JSON and JSONC', () => {
  it('reports string values under secret-like keys, and provider keys under any key', () => {
    const text = lines(
      '{',
      `  "apiKey": "${TOKEN}",`,
      `  "client_secret": "${TOKEN2}",`,
      `  "openai": "${OPENAI}",`,
      '  "model": "gpt-4o",',
      `  "requestId": "${TOKEN}"`,
      '}',
    );
    expectSecrets('config/agent.json', text, [
      [`${GENERIC} 2:14-2:46`, TOKEN],
      [`${GENERIC} 3:21-3:53`, TOKEN2],
      [`${PROVIDER} 4:14-4:80`, OPENAI],
    ]);
  });

  it('parses JSONC comments and trailing commas, and reports a key in a comment', () => {
    const text = lines(
      '{',
      `  // previous key: ${GITHUB}`,
      '  /* block comment */',
      `  "token": "${TOKEN}",`,
      '  "nested": { "password": "' + PASSWORD + '", },',
      '}',
    );
    expectSecrets('.vscode/settings.json', text, [
      [`${PROVIDER} 2:20-2:60`, GITHUB],
      [`${GENERIC} 4:13-4:45`, TOKEN],
      [`${GENERIC} 5:28-5:42`, PASSWORD],
    ]);
  });

  it('reports literal keys in .vscode/mcp.json env and headers blocks, not ${input:…} or ${env:…} references', () => {
    const text = lines(
      '{',
      '  "inputs": [{ "type": "promptString", "id": "github-token", "description": "GitHub PAT", "password": true }],',
      '  "servers": {',
      '    "github": {',
      '      "command": "npx",',
      '      "args": ["-y", "@modelcontextprotocol/server-github"],',
      '      "env": {',
      '        "GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github-token}",',
      `        "OPENAI_API_KEY": "${OPENAI}",`,
      `        "MISTRAL_API_KEY": "${MISTRAL}"`,
      '      }',
      '    },',
      '    "remote": {',
      '      "type": "http",',
      '      "url": "https://mcp.example.com/mcp",',
      '      "headers": {',
      `        "Authorization": "Bearer ${TOKEN}",`,
      '        "x-api-key": "${env:REMOTE_MCP_KEY}",',
      '        "X-Trace": "${input:trace-id}"',
      '      }',
      '    }',
      '  }',
      '}',
    );
    expectSecrets('.vscode/mcp.json', text, [
      [`${PROVIDER} 9:28-9:94`, OPENAI],
      [`${PROVIDER} 10:29-10:61`, MISTRAL],
      [`${GENERIC} 17:34-17:66`, TOKEN],
    ]);
  });

  it('reports header pairs in arrays', () => {
    const text = lines(
      '{',
      `  "headers": [["x-api-key", "${TOKEN}"], ["accept", "application/json"]],`,
      '  "safe": [["Authorization", "Bearer ${input:token}"]]',
      '}',
    );
    expectSecrets('config/http.json', text, [[`${GENERIC} 2:30-2:62`, TOKEN]]);
  });

  it('reports CLI flags and NAME=value items in argument arrays', () => {
    const text = lines(
      '{',
      '  "mcpServers": {',
      '    "search": {',
      '      "command": "npx",',
      `      "args": ["-y", "search-mcp", "--api-key", "${TOKEN}", "--token=${TOKEN2}", "--verbose"]`,
      '    }',
      '  },',
      `  "runArgs": ["--env", "MISTRAL_API_KEY=${MISTRAL}", "-e", "LOG_LEVEL=debug"]`,
      '}',
    );
    expectSecrets('claude_desktop_config.json', text, [
      [`${GENERIC} 5:50-5:82`, TOKEN],
      [`${GENERIC} 5:94-5:126`, TOKEN2],
      [`${PROVIDER} 8:41-8:73`, MISTRAL],
    ]);
  });

  it('reports a credential inside a command line held in a string value', () => {
    const text = lines(
      '{',
      '  "scripts": {',
      `    "agent": "agent run --api-key ${TOKEN} --model gpt-4o",`,
      `    "ping": "curl -H \\"x-api-key: ${TOKEN2}\\" https://api.example.com/health"`,
      '  }',
      '}',
    );
    expectSecrets('package.json', text, [
      [`${GENERIC} 3:35-3:67`, TOKEN],
      [`${GENERIC} 4:35-4:67`, TOKEN2],
    ]);
  });

  it('names k8s/ECS-style { name, value } entries after their name', () => {
    const text = lines(
      '{ "environment": [',
      `  { "name": "MISTRAL_API_KEY", "value": "${MISTRAL}" },`,
      '  { "name": "LOG_LEVEL", "value": "debug" }',
      '] }',
    );
    expectSecrets('task-definition.json', text, [[`${GENERIC} 2:42-2:74`, MISTRAL]]);
  });

  it('names a bare "Key" after its section, and scans connection strings held in values', () => {
    const text = lines(
      '{',
      '  "ConnectionStrings": {',
      `    "Cache": "agents.redis.cache.windows.net:6380,password=${TOKEN},ssl=True,abortConnect=False",`,
      '    "Local": "Server=(localdb)\\\\mssqllocaldb;Database=agents;Trusted_Connection=True;"',
      '  },',
      '  "OpenAI": { "Endpoint": "https://agents.openai.azure.com/", "Key": "' + TOKEN2 + '" },',
      '  "AzureOpenAI": { "Key": "' + MISTRAL + '" },',
      '  "Cache": { "Key": "user-profile-v2" },',
      '  "Primary": { "Key": "' + TOKEN + '" }',
      '}',
    );
    expectSecrets('config/appsettings.Production.json', text, [
      [`${GENERIC} 3:60-3:92`, TOKEN],
      [`${GENERIC} 6:71-6:103`, TOKEN2],
      [`${GENERIC} 7:28-7:60`, MISTRAL],
    ]);
  });

  it('does not report placeholders, integrity hashes, ids and non-secret names', () => {
    const text = lines(
      '{',
      '  "apiKey": "<YOUR_API_KEY>",',
      '  "token": "${GITHUB_TOKEN}",',
      '  "password": "changeme",',
      '  "integrity": "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",',
      '  "maxTokens": "4096",',
      `  "cacheKey": "${TOKEN}",`,
      '  "secretName": "prod/openai",',
      '  "assistantId": "asst_abc123XYZ456def789GHI0",',
      '  "sessionToken": "f47ac10b-58cc-4372-a567-0e02b2c3d479",',
      '  "description": "Set the token before you run the agent",',
      '  "keyRef": "op://Engineering/OpenAI/credential"',
      '}',
    );
    expectNone('config/agent.json', text);
  });
});

describe('secrets in YAML', () => {
  it('reports plain, single- and double-quoted scalars at the exact value', () => {
    const text = lines(
      'agent:',
      `  apiKey: ${TOKEN}`,
      `  token: '${TOKEN}'`,
      `  secret: "${TOKEN}"`,
      `  openai: ${OPENAI}`,
      '  model: gpt-4o',
    );
    expectSecrets('config/agent.yaml', text, [
      [`${GENERIC} 2:11-2:43`, TOKEN],
      [`${GENERIC} 3:11-3:43`, TOKEN],
      [`${GENERIC} 4:12-4:44`, TOKEN],
      [`${PROVIDER} 5:11-5:77`, OPENAI],
    ]);
  });

  it('reports in every document of a multi-document file', () => {
    const text = lines('---', `apiKey: ${TOKEN}`, '---', 'name: second', `password: "${PASSWORD}"`, '...', '---', `token: ${TOKEN2}`);
    expectSecrets('deploy/all.yml', text, [
      [`${GENERIC} 2:9-2:41`, TOKEN],
      [`${GENERIC} 5:12-5:26`, PASSWORD],
      [`${GENERIC} 8:8-8:40`, TOKEN2],
    ]);
  });

  it('reports a k8s Secret stringData, and k8s env entries by their name', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: agent-keys',
      'type: Opaque',
      'stringData:',
      `  OPENAI_API_KEY: ${OPENAI}`,
      `  MISTRAL_API_KEY: "${MISTRAL}"`,
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: agent',
      '          env:',
      '            - name: COHERE_API_KEY',
      `              value: ${TOKEN}`,
      '            - name: ANTHROPIC_API_KEY',
      '              valueFrom:',
      '                secretKeyRef: { name: agent-keys, key: anthropic }',
      '            - name: LOG_LEVEL',
      '              value: debug',
    );
    expectSecrets('k8s/agent.yaml', text, [
      [`${PROVIDER} 7:19-7:85`, OPENAI],
      [`${PROVIDER} 8:21-8:53`, MISTRAL],
      [`${GENERIC} 19:22-19:54`, TOKEN],
    ]);
  });

  it('reports docker-compose environment in mapping style and in `- KEY=value` list style', () => {
    const text = lines(
      'services:',
      '  agent:',
      '    image: ghcr.io/acme/agent:1.4',
      '    environment:',
      `      - MISTRAL_API_KEY=${MISTRAL}`,
      `      - "COHERE_API_KEY=${TOKEN}"`,
      `      - 'JWT_SECRET=${TOKEN2}'`,
      '      - LOG_LEVEL=debug',
      '      - OPENAI_API_KEY',
      '      - GROQ_API_KEY=${GROQ_API_KEY}',
      '  worker:',
      '    environment:',
      `      GROQ_API_KEY: ${GROQ}`,
      `      WEBHOOK_SECRET: ${TOKEN}`,
      '      DATABASE_URL: ${DATABASE_URL}',
      '    command: ["worker", "--api-key", "' + TOKEN2 + '"]',
    );
    expectSecrets('docker-compose.yml', text, [
      [`${PROVIDER} 5:25-5:57`, MISTRAL],
      [`${GENERIC} 6:25-6:57`, TOKEN],
      [`${GENERIC} 7:21-7:53`, TOKEN2],
      [`${PROVIDER} 13:21-13:77`, GROQ],
      [`${GENERIC} 14:23-14:55`, TOKEN],
      [`${GENERIC} 16:39-16:71`, TOKEN2],
    ]);
  });

  it('does not report GitHub Actions ${{ secrets.X }} expressions, and reports a literal in a run script', () => {
    const text = lines(
      'name: agent',
      'on: push',
      'jobs:',
      '  run:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
      "      MISTRAL_API_KEY: '${{ secrets.MISTRAL_API_KEY }}'",
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          token: ${{ secrets.GITHUB_TOKEN }}',
      '      - run: \'curl -H "Authorization: Bearer ${{ secrets.API_TOKEN }}" https://api.example.com\'',
      '      - run: |',
      '          curl -sS https://api.example.com/v1/run \\',
      `            -H "x-api-key: ${TOKEN}"`,
    );
    expectSecrets('.github/workflows/agent.yml', text, [[`${GENERIC} 16:28-16:60`, TOKEN]]);
  });

  it('reports a private key in a block scalar once, as a private key', () => {
    const text = lines(
      'tls:',
      '  certificate: ./cert.pem',
      '  privateKey: |',
      '    -----BEGIN RSA PRIVATE KEY-----',
      ...PEM_BODY.map((row) => `    ${row}`),
      '    -----END RSA PRIVATE KEY-----',
      '  publicKey: |',
      '    -----BEGIN PUBLIC KEY-----',
      ...PEM_BODY.map((row) => `    ${row}`),
      '    -----END PUBLIC KEY-----',
    );
    const block = ['-----BEGIN RSA PRIVATE KEY-----', ...PEM_BODY, '-----END RSA PRIVATE KEY-----'].join('\n    ');
    expectSecrets('config/tls.yaml', text, [[`${PRIVATE_KEY} 4:5-${5 + PEM_BODY.length}:34`, block]]);
  });

  it('names a bare key after its section', () => {
    const text = lines('openai:', '  endpoint: https://agents.openai.azure.com/', `  key: ${TOKEN}`, 'cache:', `  key: ${TOKEN2}`);
    expectSecrets('config/agent.yaml', text, [[`${GENERIC} 3:8-3:40`, TOKEN]]);
  });

  it('covers the content of a one-line block scalar, not its header', () => {
    const text = lines('auth:', '  password: >-', `    ${PASSWORD}`, '  token: |', `    ${TOKEN}`, '  note: done');
    expectSecrets('config/auth.yaml', text, [
      [`${GENERIC} 3:5-3:19`, PASSWORD],
      [`${GENERIC} 5:5-5:37`, TOKEN],
    ]);
  });

  it('does not report placeholders, references and non-secret names', () => {
    const text = lines(
      'apiKey: <YOUR_API_KEY>',
      'token: ${API_TOKEN}',
      'password: changeme',
      'secret: op://Engineering/OpenAI/credential',
      'clientSecret: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/openai-AbCdEf',
      'secretName: prod/openai',
      `cacheKey: ${TOKEN}`,
      'maxTokens: 4096',
      'tokenizer: cl100k_base',
      'description: the token is read from the vault at start-up',
      'env:',
      '  - OPENAI_API_KEY',
      '  - API_KEY=${API_KEY}',
      '  - TOKEN=',
    );
    expectNone('config/agent.yaml', text);
  });

  it('refuses nesting too deep to parse safely with a RangeError (analysis falls back to the line scanner)', () => {
    assert.throws(() => scanYaml('['.repeat(5000) + ']'.repeat(5000)), RangeError);
    const deep = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    assert.throws(() => scanYaml(deep), RangeError);
    expectSecrets('deep.yaml', `${'[\n'.repeat(500)}${']\n'.repeat(500)}apiKey: ${TOKEN}\n`, [[`${GENERIC} 1001:9-1001:41`, TOKEN]]);
  });
});

describe('YAML nesting bound', () => {
  it('is bracket depth plus the longest run of blanks and block indicators at a line start', () => {
    assert.equal(yamlNestingBound(''), 0);
    assert.equal(yamlNestingBound('a: [b, {c: [d]}]\n'), 3);
    assert.equal(yamlNestingBound('a:\n  - - b\n    ? c\n'), 6);
    assert.equal(yamlNestingBound('x: "]]]"\n[[\n'), 2, 'closing brackets never make the depth negative');
    assert.equal(yamlNestingBound('a:\r\n    b: 1\r\n'), 4);
    assert.equal(yamlNestingBound('- [\n\t- [\n'), 5);
    assert.equal(yamlNestingBound(`${' '.repeat(300)}x\n${'{'.repeat(150)}`), 450);
  });
});

describe('secrets in .env files', () => {
  it('reports KEY=value, export KEY="value" and KEY=\'v\' # comment', () => {
    const text = lines(
      '# agent settings',
      `OPENAI_API_KEY=${OPENAI}`,
      `MISTRAL_API_KEY=${MISTRAL}`,
      `export COHERE_API_KEY="${TOKEN}"`,
      `JWT_SECRET='${TOKEN2}' # signing secret`,
      `WEBHOOK_SECRET=${TOKEN} # inline comment`,
      `  DB_PASSWORD = ${PASSWORD}`,
      'LOG_LEVEL=debug',
    );
    expectSecrets('.env', text, [
      [`${PROVIDER} 2:16-2:82`, OPENAI],
      [`${PROVIDER} 3:17-3:49`, MISTRAL],
      [`${GENERIC} 4:24-4:56`, TOKEN],
      [`${GENERIC} 5:13-5:45`, TOKEN2],
      [`${GENERIC} 6:16-6:48`, TOKEN],
      [`${GENERIC} 7:17-7:31`, PASSWORD],
    ]);
  });

  it('reports in .env.* variants and with CRLF line ends', () => {
    const text = `API_TOKEN=${TOKEN}\r\nCLIENT_SECRET="${TOKEN2}"\r\n`;
    expectSecrets('deploy/.env.production', text, [
      [`${GENERIC} 1:11-1:43`, TOKEN],
      [`${GENERIC} 2:16-2:48`, TOKEN2],
    ]);
  });

  it('reports the password of a connection string', () => {
    const text = lines(`DATABASE_URL=postgres://agent:${DB_PASSWORD}@db.internal:5432/agent`);
    expectSecrets('.env', text, [[`${CONNECTION} 1:31-1:43`, DB_PASSWORD]]);
  });

  it('does not report a URL password that is a few plain words joined by _ or - (agno: x-access-token:ghp_other@)', () => {
    const text = lines(
      "leaked = \"fatal: unable to access 'https://x-access-token:ghp_other@github.com/o/r.git/'\"",
      "mirror = 'https://deploy:read-only@git.example.com/o/r.git'",
      `origin = 'https://x-access-token:${DB_PASSWORD}@github.com/o/r.git'`,
    );
    expectSecrets('tests/unit/context/test_wiki_provider.py', text, [[`${CONNECTION} 3:34-3:46`, DB_PASSWORD]]);
  });

  it('finds every connection string of a line, whatever precedes its scheme, and only whole schemes', () => {
    const text = lines(
      `urls: a://b c://d mongodb+srv://svc:${DB_PASSWORD}@cluster0.example.net jdbc:mysql://root:${DB_PASSWORD}@db:3306/x`,
      `bad: xpostgres://agent:${DB_PASSWORD}@db.internal ://://`,
      `ok: "REDIS_URL=redis://:${DB_PASSWORD}@cache:6379"`,
    );
    expectSecrets('.env', text, [
      [`${CONNECTION} 1:37-1:49`, DB_PASSWORD],
      [`${CONNECTION} 1:89-1:101`, DB_PASSWORD],
      [`${CONNECTION} 3:25-3:37`, DB_PASSWORD],
    ]);
  });

  it('does not report empty values, placeholders and ${OTHER} references', () => {
    const text = lines(
      'OPENAI_API_KEY=',
      'ANTHROPIC_API_KEY=""',
      "GITHUB_TOKEN=''",
      'MISTRAL_API_KEY=your-api-key-here',
      'GROQ_API_KEY=gsk_...',
      'COHERE_API_KEY=<your-cohere-key>',
      'API_TOKEN=${OTHER_TOKEN}',
      'CLIENT_SECRET=$SHARED_SECRET',
      'JWT_SECRET=changeme',
      'DATABASE_URL=postgres://agent:${DB_PASSWORD}@db.internal:5432/agent',
    );
    expectNone('.env.example', text);
  });
});

describe('secrets in other text files', () => {
  it('reports assignments in Python', () => {
    const text = lines(
      'import os',
      'from mistralai import Mistral',
      '',
      `OPENAI_API_KEY = "${TOKEN}"`,
      `client = Mistral(api_key="${MISTRAL}")`,
      `os.environ["ANTHROPIC_API_KEY"] = "${TOKEN2}"`,
      `key = os.getenv("COHERE_API_KEY", "${TOKEN}")`,
      `headers = {"x-api-key": "${TOKEN2}"}`,
      'token = os.environ["GITHUB_TOKEN"]',
      `print(token, "${TOKEN}")`,
    );
    expectSecrets('agent/main.py', text, [
      [`${GENERIC} 4:19-4:51`, TOKEN],
      [`${GENERIC} 5:27-5:59`, MISTRAL],
      [`${GENERIC} 6:36-6:68`, TOKEN2],
      [`${GENERIC} 7:36-7:68`, TOKEN],
      [`${GENERIC} 8:26-8:58`, TOKEN2],
    ]);
  });

  it('reports annotated class attributes in Python and escaped assignments in notebooks', () => {
    const python = lines('class Settings(BaseSettings):', `    api_key: str = "${TOKEN}"`, '    secret_key: Optional[str] = None', `    model: str = "gpt-4o"`);
    expectSecrets('agent/settings.py', python, [[`${GENERIC} 2:21-2:53`, TOKEN]]);
    const notebook = lines(
      '{ "cells": [ { "cell_type": "code", "source": [',
      '    "import os\\n",',
      `    "os.environ[\\"MISTRAL_API_KEY\\"] = \\"${MISTRAL}\\"\\n"`,
      '] } ] }',
    );
    expectSecrets('notebooks/eval.ipynb', notebook, [[`${PROVIDER} 3:42-3:74`, MISTRAL]]);
  });

  it('does not report code on the right of an assignment in Python', () => {
    const text = lines(
      'token = self._fp.read(1)[0]',
      'auth = credentials.authenticators(self.host)',
      'def load(private_key: ed25519.Ed25519PrivateKey, password: Optional[bytes] = None):',
      '    api_key = settings.openai.api_key',
      '    secret = os.environ.get("JWT_SECRET", "")',
      '    authorization = base64.b64encode(user_passwd.encode()).decode("ascii")',
    );
    expectNone('agent/util.py', text);
  });

  it('reports exports and CLI flags in shell scripts', () => {
    const text = lines(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      `export GROQ_API_KEY=${TOKEN}`,
      `agent run --api-key ${TOKEN2} --model llama-3.3-70b`,
      `agent run --token=${TOKEN}`,
      'export OPENAI_API_KEY="$(op read op://dev/openai/credential)"',
      'agent run --api-key "$API_KEY"',
      `export MISTRAL_API_KEY="\${MISTRAL_API_KEY:-${MISTRAL}}"`,
      'export COHERE_API_KEY="${COHERE_API_KEY:-}"',
      `curl -sS -u "api:${TOKEN2}" https://api.mailgun.net/v3/mg.example.dev/messages`,
      `curl "https://serpapi.com/search.json?q=agents&api_key=${TOKEN}&engine=google"`,
    );
    expectSecrets('scripts/run.sh', text, [
      [`${GENERIC} 3:21-3:53`, TOKEN],
      [`${GENERIC} 4:21-4:53`, TOKEN2],
      [`${GENERIC} 5:19-5:51`, TOKEN],
      [`${GENERIC} 8:44-8:76`, MISTRAL],
      [`${GENERIC} 10:18-10:50`, TOKEN2],
      [`${GENERIC} 11:56-11:88`, TOKEN],
    ]);
  });

  it('reports curl headers in Markdown code fences, covering the token after Bearer', () => {
    const text = lines(
      '# Agent',
      '',
      'Call the API:',
      '',
      '```bash',
      `curl https://api.example.com/v1/chat -H "Authorization: Bearer ${TOKEN}" -H 'x-api-key: ${TOKEN2}'`,
      'curl -H "Authorization: Bearer $OPENAI_API_KEY" https://api.openai.com/v1/models',
      '```',
      '',
      `A provider key pasted in prose is a leak too: ${ANTHROPIC}.`,
    );
    expectSecrets('README.md', text, [
      [`${GENERIC} 6:64-6:96`, TOKEN],
      [`${GENERIC} 6:113-6:145`, TOKEN2],
      [`${PROVIDER} 10:47-10:155`, ANTHROPIC],
    ]);
  });

  it('does not report prose that mentions a token without assigning it', () => {
    const text = lines(
      '# Setup',
      '',
      'Set your token in the environment before running the agent; the token is never logged.',
      `The api key looks like ${TOKEN} in the dashboard.`,
      'Use `--api-key` to pass a key, or set OPENAI_API_KEY=sk-... in `.env`.',
      'Authentication: see the broker documentation',
    );
    expectNone('docs/setup.md', text);
  });

  it('reports in TOML and INI-style files', () => {
    const text = lines('[openai]', `api_key = "${TOKEN}"`, 'model = "gpt-4o"', '', '[db]', `password=${PASSWORD}`);
    expectSecrets('config/agent.toml', text, [
      [`${GENERIC} 2:12-2:44`, TOKEN],
      [`${GENERIC} 6:10-6:24`, PASSWORD],
    ]);
  });

  it('reads `<service>_key` as a key for services whose keys have no prefix, not for cache, sort or render keys', () => {
    const text = lines(`bitbucket_key: ${TOKEN}`, `mapboxKey: ${TOKEN2}`, `cache_key: ${TOKEN}`, `sortKey: ${TOKEN2}`, `renderKey: ${TOKEN}`);
    expectSecrets('config/services.yaml', text, [
      [`${GENERIC} 1:16-1:48`, TOKEN],
      [`${GENERIC} 2:12-2:44`, TOKEN2],
    ]);
  });
});
