import { strict as assert } from 'node:assert';
import { expectSecrets, expectNone } from '../helpers';

/*
 * Secret detection in TS/JS, per syntactic context. Every case asserts the exact list of secrets/* findings: rule id,
 * 1-based `line:col-line:col` range, and the text the range covers (the secret itself; the token only after
 * `Bearer `; the whole expression for a folded concatenation). Findings of other rule families are left out so
 * that these tests only depend on secret detection.
 *
 * The values are random strings in each provider's format, made for these tests; none is a real credential.
 */

const OPENAI = 'sk-proj-NBMgDRXNF9ZWfYXuxYUF-JScJT3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN';
const ANTHROPIC = 'sk-ant-api03-cdXGgxP8rGGqSTmK0ae9Owh-U4xPSi-z-5UiUkwRPT6NdDqoeC209T4P2E8uDZpRM8oX_Kefhov0kafv1OAa1A796jPFDAA';
const GITHUB = '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';
const STRIPE_LIVE = 'sk_live_owIzQd3dYMqLEEUpImCwLPUzbxXA0NKvEV';
const STRIPE_TEST = 'sk_test_rCHNdsTQ0Ku2gj3q5tLD0DpoQJgT236AwR';
const GROQ = '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';
const HF = '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';
const REPLICATE = 'r8_1C4N76cmRDBBf2Mq0Yn4DbUOVMmwpoNGCs398';
const SLACK = 'xoxb-571956692718-0904566855390-FubMqiI2kobpU7MXixpHjaxL';
/** Context-bound values with no provider format: only their name or position makes them secrets. */
const TOKEN = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
const TOKEN2 = '0JPPGeoyqPwgO38Ajpd3yYHMKUo3vMHq';
const MISTRAL = 's0QxNToLRH7d6WsM4Adq0rA7O4d19qKI';
const PASSWORD = 'EZYBuohLBi!F40';

const PROVIDER = 'secrets/provider-key';
const GENERIC = 'secrets/generic-secret';


describe('secrets in TypeScript/JavaScript', () => {
  describe('string literals', () => {
    it('reports a provider key in a plain string literal, covering the key only', () => {
      expectSecrets('src/agent.ts', `const model = 'gpt-4o';\nconst key = '${OPENAI}';\n`, [
        [`${PROVIDER} 2:14-2:80`, OPENAI],
      ]);
    });

    it('reports a provider key in a double-quoted literal whatever the variable is called', () => {
      expectSecrets('src/agent.ts', `export const x = "${ANTHROPIC}";\n`, [[`${PROVIDER} 1:19-1:127`, ANTHROPIC]]);
    });

    it('reports a generic value only under a secret-like name', () => {
      expectSecrets('src/agent.ts', `const apiKey = '${TOKEN}';\nconst requestId = '${TOKEN}';\n`, [
        [`${GENERIC} 1:17-1:49`, TOKEN],
      ]);
    });
  });

  describe('template literals', () => {
    it('reports a template literal without substitutions', () => {
      expectSecrets('src/agent.ts', `const apiKey = \`${TOKEN}\`;\nconst k = \`${GITHUB}\`;\n`, [
        [`${GENERIC} 1:17-1:49`, TOKEN],
        [`${PROVIDER} 2:12-2:52`, GITHUB],
      ]);
    });

    it('does not fold a template literal with substitutions', () => {
      expectNone('src/agent.ts', `const apiKey = \`${TOKEN.slice(0, 16)}\${suffix}${TOKEN.slice(16)}\`;\nconst auth = \`Bearer \${token}\`;\n`);
    });

    it('does not join a provider prefix and the rest across a substitution', () => {
      expectNone('src/agent.ts', `const key = \`sk-proj-\${random}${OPENAI.slice(8)}\`;\n`);
    });
  });

  describe('constant concatenations', () => {
    it('folds a two-part concatenation and covers the whole expression', () => {
      const source = `const key = 'sk-proj-' + '${OPENAI.slice(8)}';\n`;
      expectSecrets('src/agent.ts', source, [[`${PROVIDER} 1:13-1:86`, `'sk-proj-' + '${OPENAI.slice(8)}'`]]);
    });

    it('folds a multi-part, multi-line, parenthesised concatenation', () => {
      const source = [
        'const key =',
        `  ('sk-proj-' + '${OPENAI.slice(8, 30)}') +`,
        `  ("${OPENAI.slice(30, 50)}" + \`${OPENAI.slice(50)}\`);`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${PROVIDER} 2:3-3:48`, `('sk-proj-' + '${OPENAI.slice(8, 30)}') +\n  ("${OPENAI.slice(30, 50)}" + \`${OPENAI.slice(50)}\`)`],
      ]);
    });

    it('folds the constant run inside a longer concatenation', () => {
      const source = `const url = base + '/v1?key=' + 'sk-proj-' + '${OPENAI.slice(8)}' + suffix;\n`;
      expectSecrets('src/agent.ts', source, [[`${PROVIDER} 1:20-1:106`, `'/v1?key=' + 'sk-proj-' + '${OPENAI.slice(8)}'`]]);
    });

    it('reports a folded generic value under a secret-like name', () => {
      const source = `const apiKey = '${TOKEN.slice(0, 16)}' + '${TOKEN.slice(16)}';\n`;
      expectSecrets('src/agent.ts', source, [[`${GENERIC} 1:16-1:55`, `'${TOKEN.slice(0, 16)}' + '${TOKEN.slice(16)}'`]]);
    });

    it('does not fold a concatenation with a non-constant part', () => {
      expectNone('src/agent.ts', `const apiKey = '${TOKEN.slice(0, 16)}' + suffix;\nconst key = 'sk-proj-' + process.env.KEY_SUFFIX;\n`);
    });

    it('stays linear on a chain of thousands of parts', () => {
      const parts = Array.from({ length: 5000 }, (_, i) => `  'part${i}'`).join(' +\n');
      const source = `const text = prefix +\n${parts};\nconst apiKey = '${TOKEN}';\n`;
      expectSecrets('src/agent.ts', source, [[`${GENERIC} 5002:17-5002:49`, TOKEN]]);
    });
  });

  describe('env fallbacks', () => {
    it('reports a provider key after ?? and ||', () => {
      const source = `const a = process.env.OPENAI_API_KEY ?? '${OPENAI}';\nconst b = process.env.GITHUB_TOKEN || "${GITHUB}";\n`;
      expectSecrets('src/agent.ts', source, [
        [`${PROVIDER} 1:42-1:108`, OPENAI],
        [`${PROVIDER} 2:40-2:80`, GITHUB],
      ]);
    });

    it('names a generic fallback after the env var it stands in for', () => {
      const source = [
        `const key = process.env.MISTRAL_API_KEY ?? '${MISTRAL}';`,
        `const k2 = process.env['COHERE_API_KEY'] || '${TOKEN}';`,
        `const k3 = import.meta.env.VITE_WEATHER_API_KEY ?? '${TOKEN}';`,
        `const k4 = process.env.PRIMARY ?? process.env.JWT_SECRET ?? '${TOKEN}';`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 1:45-1:77`, MISTRAL],
        [`${GENERIC} 2:46-2:78`, TOKEN],
        [`${GENERIC} 3:53-3:85`, TOKEN],
        [`${GENERIC} 4:62-4:94`, TOKEN],
      ]);
    });

    it('keeps the declared name when the env var name says nothing', () => {
      expectSecrets('src/agent.ts', `const apiKey = process.env.MISTRAL ?? '${MISTRAL}';\n`, [[`${GENERIC} 1:40-1:72`, MISTRAL]]);
    });

    it('reports either branch of a conditional', () => {
      const source = `const apiKey = isProd ? process.env.API_KEY : '${TOKEN}';\n`;
      expectSecrets('src/agent.ts', source, [[`${GENERIC} 1:48-1:80`, TOKEN]]);
    });

    it('does not report env reads, empty or placeholder fallbacks', () => {
      const source = [
        'const apiKey = process.env.OPENAI_API_KEY;',
        "const token = process.env['GITHUB_TOKEN']!;",
        "const secret = process.env.JWT_SECRET ?? '';",
        "const key = process.env.OPENAI_API_KEY ?? 'sk-...';",
        "const k2 = process.env.MISTRAL_API_KEY || 'MISTRAL_API_KEY';",
        "const k3 = Deno.env.get('ANTHROPIC_API_KEY') ?? '<YOUR_KEY>';",
        "const k4 = import.meta.env.VITE_API_KEY ?? 'your-api-key-here';",
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });
  });

  describe('declarations', () => {
    it('reports default parameters, including constructor parameter properties', () => {
      const source = [
        `function connect(url: string, apiKey = '${TOKEN}') {}`,
        `const f = (token: string = "${TOKEN}") => token;`,
        'class Client {',
        `  constructor(private readonly password = '${PASSWORD}') {}`,
        '}',
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 1:41-1:73`, TOKEN],
        [`${GENERIC} 2:29-2:61`, TOKEN],
        [`${GENERIC} 4:44-4:58`, PASSWORD],
      ]);
    });

    it('reports destructuring defaults, by binding or by property name', () => {
      const source = [
        `const { apiKey = '${TOKEN}' } = options;`,
        `const { auth: { clientSecret = '${TOKEN}' } } = config;`,
        `const { webhookSecret: signing = '${TOKEN}' } = env;`,
        `function init({ token = '${TOKEN}' }: Options) {}`,
        `({ secret = '${TOKEN}' } = overrides);`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 1:19-1:51`, TOKEN],
        [`${GENERIC} 2:33-2:65`, TOKEN],
        [`${GENERIC} 3:35-3:67`, TOKEN],
        [`${GENERIC} 4:26-4:58`, TOKEN],
        [`${GENERIC} 5:14-5:46`, TOKEN],
      ]);
    });

    it('reports class fields: public, private #field, static, typed, and getters', () => {
      const source = [
        'export class SlackAgent {',
        `  apiKey = '${TOKEN}';`,
        `  #token = '${TOKEN}';`,
        `  static clientSecret = '${TOKEN}';`,
        `  private readonly password: string = '${PASSWORD}';`,
        `  get authToken() { return '${TOKEN}'; }`,
        "  model = 'gpt-4o-mini';",
        '}',
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 2:13-2:45`, TOKEN],
        [`${GENERIC} 3:13-3:45`, TOKEN],
        [`${GENERIC} 4:26-4:58`, TOKEN],
        [`${GENERIC} 5:40-5:54`, PASSWORD],
        [`${GENERIC} 6:29-6:61`, TOKEN],
      ]);
    });

    it('reports object properties with identifier, string-literal and computed keys', () => {
      const source = [
        'export const config = {',
        `  apiKey: '${TOKEN}',`,
        `  'api_key': '${TOKEN}',`,
        `  ['x-api-key']: '${TOKEN}',`,
        `  "MISTRAL_API_KEY": "${MISTRAL}",`,
        `  getToken: () => '${TOKEN}',`,
        '};',
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 2:12-2:44`, TOKEN],
        [`${GENERIC} 3:15-3:47`, TOKEN],
        [`${GENERIC} 4:19-4:51`, TOKEN],
        [`${PROVIDER} 5:23-5:55`, MISTRAL],
        [`${GENERIC} 6:20-6:52`, TOKEN],
      ]);
    });

    it('reports enum members', () => {
      expectSecrets('src/agent.ts', `enum Keys {\n  ApiKey = '${TOKEN}',\n  Region = 'us-east-1',\n}\n`, [[`${GENERIC} 2:13-2:45`, TOKEN]]);
    });
  });

  describe('assignments and comparisons', () => {
    it('reports this.x = …, element-access assignments and logical assignments', () => {
      const source = [
        'class Agent {',
        '  constructor() {',
        `    this.apiKey = '${TOKEN}';`,
        `    this.#secret = '${TOKEN}';`,
        '  }',
        '}',
        `config['x-api-key'] = '${TOKEN}';`,
        `process.env.ANTHROPIC_API_KEY = '${ANTHROPIC}';`,
        `axios.defaults.headers.common['Authorization'] = 'Bearer ${TOKEN}';`,
        `options.token ??= '${TOKEN}';`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 3:20-3:52`, TOKEN],
        [`${GENERIC} 4:21-4:53`, TOKEN],
        [`${GENERIC} 7:24-7:56`, TOKEN],
        [`${PROVIDER} 8:34-8:142`, ANTHROPIC],
        [`${GENERIC} 9:58-9:90`, TOKEN],
        [`${GENERIC} 10:20-10:52`, TOKEN],
      ]);
    });

    it('reports a hardcoded credential compared against input, on either side', () => {
      const source = [
        `if (req.headers['x-api-key'] === '${TOKEN}') next();`,
        `if ('${TOKEN}' !== request.headers.authorization) deny();`,
        "if (typeof token === 'string') use(token);",
        '',
      ].join('\n');
      expectSecrets('src/server.ts', source, [
        [`${GENERIC} 1:35-1:67`, TOKEN],
        [`${GENERIC} 2:6-2:38`, TOKEN],
      ]);
    });
  });

  describe('known API clients', () => {
    it('reports credentials passed to AI provider clients', () => {
      const source = [
        "import OpenAI from 'openai';",
        "import Anthropic from '@anthropic-ai/sdk';",
        "import Groq from 'groq-sdk';",
        "import { createOpenAI } from '@ai-sdk/openai';",
        `const openai = new OpenAI({ apiKey: '${TOKEN}' });`,
        `const anthropic = new Anthropic({ apiKey: '${ANTHROPIC}' });`,
        `const groq = new Groq({ apiKey: '${GROQ}' });`,
        `const provider = createOpenAI({ apiKey: '${TOKEN}', baseURL: 'https://gateway.example.com/v1' });`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 5:38-5:70`, TOKEN],
        [`${PROVIDER} 6:44-6:152`, ANTHROPIC],
        [`${PROVIDER} 7:34-7:90`, GROQ],
        [`${GENERIC} 8:42-8:74`, TOKEN],
      ]);
    });

    it('reports positional credentials of known constructors, whatever their format', () => {
      const source = [
        `const octokit = new Octokit({ auth: '${TOKEN}' });`,
        `const slack = new WebClient('${TOKEN}');`,
        `const slack2 = new WebClient("${SLACK}");`,
        `const hf = new HfInference('${TOKEN}');`,
        `const hf2 = new HfInference('${HF}');`,
        `const replicate = new Replicate({ auth: '${REPLICATE}' });`,
        `const replicate2 = new Replicate({ auth: '${TOKEN}' });`,
        `const signed = jwt.sign({ sub: user.id }, '${TOKEN}', { expiresIn: '1h' });`,
        `const mac = crypto.createHmac('sha256', '${TOKEN}');`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 1:38-1:70`, TOKEN],
        [`${GENERIC} 2:30-2:62`, TOKEN],
        [`${PROVIDER} 3:31-3:87`, SLACK],
        [`${GENERIC} 4:29-4:61`, TOKEN],
        [`${PROVIDER} 5:30-5:67`, HF],
        [`${PROVIDER} 6:42-6:82`, REPLICATE],
        [`${GENERIC} 7:43-7:75`, TOKEN],
        [`${GENERIC} 8:44-8:76`, TOKEN],
        [`${GENERIC} 9:42-9:74`, TOKEN],
      ]);
    });

    it('reports the password of Basic auth material and of express-basic-auth users', () => {
      const source = [
        `const basic = 'Basic ' + btoa('agent@acme.com/token:${TOKEN}');`,
        `const auth = Buffer.from('api:${TOKEN2}').toString('base64');`,
        `app.use('/admin', basicAuth({ users: { admin: '${PASSWORD}' }, challenge: true }));`,
        "const plain = Buffer.from('hello:world', 'utf8');",
        "const url = btoa('https://example.com/a');",
        // Inline content: its colon separates no user from a password.
        "const inline = Buffer.from('data:text/plain;base64,');",
        '',
      ].join('\n');
      expectSecrets('src/server.ts', source, [
        [`${GENERIC} 1:53-1:85`, TOKEN],
        [`${GENERIC} 2:31-2:63`, TOKEN2],
        [`${GENERIC} 3:48-3:62`, PASSWORD],
      ]);
    });

    it('reports positional keys of speech and search clients', () => {
      const source = `const deepgram = createDeepgram('${TOKEN}');\nconst serp = new SerpAPI('${TOKEN2}');\n`;
      expectSecrets('src/tools.ts', source, [
        [`${GENERIC} 1:34-1:66`, TOKEN],
        [`${GENERIC} 2:27-2:59`, TOKEN2],
      ]);
    });

    it('reports a live Stripe key passed to new Stripe(), not a test-mode key', () => {
      const source = `const stripe = new Stripe('${STRIPE_LIVE}');\nconst sandbox = new Stripe('${STRIPE_TEST}');\n`;
      expectSecrets('src/billing.ts', source, [[`${PROVIDER} 1:28-1:70`, STRIPE_LIVE]]);
    });

    it('reports a fallback passed to a known client', () => {
      const source = `const slack = new WebClient(process.env.SLACK_BOT_TOKEN ?? '${TOKEN}');\n`;
      expectSecrets('src/agent.ts', source, [[`${GENERIC} 1:61-1:93`, TOKEN]]);
    });

    it('does not report clients configured from the environment or a function', () => {
      const source = [
        'const a = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
        'const b = new Anthropic({ apiKey: getKey() });',
        'const c = new Octokit({ auth: await broker.token("github") });',
        'const d = new WebClient(token);',
        'const e = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });',
        "const f = jwt.sign(payload, secret, { algorithm: 'HS256' });",
        'const g = createOpenAI({ apiKey: config.openai.apiKey });',
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });

    it('does not crash on calls named like Object.prototype members', () => {
      const source = `const hex = (255).toString(16);\nconst o = obj.constructor('a');\nconst apiKey = '${TOKEN}';\n`;
      expectSecrets('src/agent.ts', source, [[`${GENERIC} 3:17-3:49`, TOKEN]]);
    });
  });

  describe('HTTP headers', () => {
    it('reports fetch header objects, covering the token after Bearer', () => {
      const source = [
        "const res = await fetch('https://api.mistral.ai/v1/chat/completions', {",
        "  method: 'POST',",
        '  headers: {',
        `    Authorization: 'Bearer ${TOKEN}',`,
        `    'x-api-key': '${TOKEN}',`,
        `    'api-key': \`${TOKEN}\`,`,
        "    'Content-Type': 'application/json',",
        '  },',
        '});',
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 4:28-4:60`, TOKEN],
        [`${GENERIC} 5:19-5:51`, TOKEN],
        [`${GENERIC} 6:17-6:49`, TOKEN],
      ]);
    });

    it('reports headers.set(), setHeader() and Headers tuples', () => {
      const source = [
        'const headers = new Headers();',
        `headers.set('Authorization', 'Bearer ${TOKEN}');`,
        `res.setHeader('x-api-key', '${TOKEN}');`,
        `const h = new Headers([['x-api-key', '${TOKEN}'], ['accept', 'application/json']]);`,
        `headers.append('Authorization', \`Bearer \${token}\`);`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 2:38-2:70`, TOKEN],
        [`${GENERIC} 3:29-3:61`, TOKEN],
        [`${GENERIC} 4:39-4:71`, TOKEN],
      ]);
    });
  });

  describe('type assertions', () => {
    it('sees through as const, satisfies, as and non-null', () => {
      const source = [
        `const a = { apiKey: '${TOKEN}' } as const;`,
        `const b = { apiKey: '${TOKEN}' } satisfies ClientOptions;`,
        `const token = '${TOKEN}' as const;`,
        `const secret = ('${TOKEN}' as string)!;`,
        `const c = { apiKey: <string>'${TOKEN}' };`,
        '',
      ].join('\n');
      expectSecrets('src/agent.ts', source, [
        [`${GENERIC} 1:22-1:54`, TOKEN],
        [`${GENERIC} 2:22-2:54`, TOKEN],
        [`${GENERIC} 3:16-3:48`, TOKEN],
        [`${GENERIC} 4:18-4:50`, TOKEN],
        [`${GENERIC} 5:30-5:62`, TOKEN],
      ]);
    });
  });

  describe('comments', () => {
    it('reports a provider key in a line or block comment', () => {
      const source = `// old key: ${OPENAI}\n/*\n * token: ${GITHUB}\n */\nconst key = process.env.OPENAI_API_KEY;\n`;
      expectSecrets('src/agent.ts', source, [
        [`${PROVIDER} 1:13-1:79`, OPENAI],
        [`${PROVIDER} 3:11-3:51`, GITHUB],
      ]);
    });

    it('does not report a generic-looking value in a comment (no name binds it)', () => {
      expectNone('src/agent.ts', `// apiKey = '${TOKEN}'\nconst x = 1;\n`);
    });
  });

  describe('file kinds', () => {
    it('reports JSX attributes in .tsx (string, expression and template values)', () => {
      const source = [
        'export function Chat() {',
        `  return <ChatWidget apiKey="${TOKEN}" token={'${TOKEN}'} secret={\`${TOKEN}\`} model="gpt-4o" />;`,
        '}',
        '',
      ].join('\n');
      expectSecrets('src/Chat.tsx', source, [
        [`${GENERIC} 2:30-2:62`, TOKEN],
        [`${GENERIC} 2:72-2:104`, TOKEN],
        [`${GENERIC} 2:116-2:148`, TOKEN],
      ]);
    });

    it('reports JSX attributes in .jsx', () => {
      const source = `export const App = () => <Provider apiKey="${TOKEN}" />;\n`;
      expectSecrets('src/App.jsx', source, [[`${GENERIC} 1:44-1:76`, TOKEN]]);
    });

    it('reports in .mjs and .cjs files', () => {
      const esm = `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: '${TOKEN}' });\n`;
      const cjs = `const { WebClient } = require('@slack/web-api');\nmodule.exports = { token: "${TOKEN}" };\n`;
      expectSecrets('scripts/agent.mjs', esm, [[`${GENERIC} 2:45-2:77`, TOKEN]]);
      expectSecrets('scripts/agent.cjs', cjs, [[`${GENERIC} 2:28-2:60`, TOKEN]]);
    });

    it('still reports in a file with syntax errors, and notes the errors', () => {
      const source = [
        `const client = new OpenAI({ apiKey: '${TOKEN}'`,
        'function broken( {',
        `export const token = "${TOKEN}";`,
        `const key = '${OPENAI}';`,
        '',
      ].join('\n');
      expectSecrets('src/broken.ts', source, [
        [`${GENERIC} 1:38-1:70`, TOKEN],
        [`${GENERIC} 3:23-3:55`, TOKEN],
        [`${PROVIDER} 4:14-4:80`, OPENAI],
      ]);
    });
  });

  describe('negatives', () => {
    it('does not report names that are not credentials', () => {
      const source = [
        'const options = {',
        "  maxTokens: '4096',",
        `  cacheKey: 'user:42:${TOKEN}',`,
        `  primaryKey: '${TOKEN}',`,
        "  secretName: 'prod/openai',",
        "  tokenizer: 'cl100k_base',",
        "  apiKeyEnv: 'OPENAI_API_KEY',",
        `  requestId: '${TOKEN}',`,
        "  credentials: 'include',",
        '};',
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });

    it('does not report placeholders and env var names under secret-like names', () => {
      const source = [
        "const a = { apiKey: 'sk-...' };",
        "const b = { apiKey: '<YOUR_KEY>' };",
        "const c = { apiKey: '${OPENAI_API_KEY}' };",
        "const d = { apiKey: 'OPENAI_API_KEY' };",
        "const e = { token: 'your-token-here' };",
        "const f = { password: 'changeme' };",
        "const g = { apiKey: 'sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' };",
        "const h = { secret: 'op://Engineering/OpenAI/credential' };",
        "const i = { clientSecret: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/openai-AbCdEf' };",
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });

    it('does not report ids, UUIDs, hashes, URLs and model names', () => {
      const source = [
        "const sessionToken = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';",
        "const checksum = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';",
        "const commit = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';",
        "const integrity = 'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==';",
        "const apiKey = 'https://api.openai.com/v1';",
        "const tokenUrl = 'https://oauth2.googleapis.com/token';",
        "const assistant = { id: 'asst_abc123XYZ456def789GHI0', thread: 'thread_Q2w3E4r5T6y7U8i9O0p1' };",
        "const model = 'claude-3-5-sonnet-20241022';",
        "const publishable = { key: 'pk_live_51H8ZbYJ2eZvKYlo2C0A1b2c3d4e5f6g7' };",
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });

    it('does not report values that are computed', () => {
      const source = [
        'const apiKey = getKey();',
        'const token = await vault.read("secret/data/openai");',
        'const password = config.db.password;',
        "const secret = Buffer.from(raw, 'base64').toString('utf8');",
        'const auth = `Bearer ${await broker.issue()}`;',
        '',
      ].join('\n');
      expectNone('src/agent.ts', source);
    });
  });
});
