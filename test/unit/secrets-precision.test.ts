import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isObviousFake, isEncryptedValue, isHandTypedSequence, isPasswordHash, isStandInSasToken } from '../../src/core/secrets/fakes';
import { isIdentifierLike } from '../../src/core/secrets/identifiers';
import { decodeJwt, holdsUnusableJwt, isUnusableJwt } from '../../src/core/secrets/jwt';
import { isPlausibleKeyBody } from '../../src/core/secrets/key-structure';
import { isPlaceholder } from '../../src/core/secrets/placeholders';
import { isDefaultPassword } from '../../src/core/secrets/fakes';
import { isPublicValue } from '../../src/core/secrets/public-values';
import { expectNone, expectSecrets } from '../helpers';

/*
 * Precision on real code: the shapes that real repositories (openai-agents-js, the MCP servers and SDK, langchainjs,
 * the AI SDK, Cline, Continue, VoltAgent) hold and that are not credentials, each next to a real-looking secret in
 * the same file that is still reported at its exact position. Values are assembled at run time; the random ones were
 * made for these tests and never issued by anyone.
 */

const GENERIC = 'secrets/generic-secret';
const PROVIDER = 'secrets/provider-key';
const PRIVATE_KEY = 'secrets/private-key';
const TOKEN = ['Vd', 'PGQ9ENcrieoUG0EmF7GwSj11ondSp3'].join('');
const PASSWORD = ['EZYB', 'uohLBi!F40'].join('');
const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: object, payload: object, signature: string): string => `${base64url(header)}.${base64url(payload)}.${signature}`;
const SIGNATURE = ['UHWLcSfHYp4rWh', '-ZFBMSj-mF0crR_PrYk92nmQweBog'].join('');

describe('generic secrets: names, labels and sentinels are not secrets', () => {
  it('does not report CONSTANT_CASE test sentinels, labelled dummy tokens or namespaced keys in TypeScript', () => {
    const text = lines(
      "import { describe, expect, it } from 'vitest';",
      '',
      "describe('redaction', () => {",
      "  it('never logs the tool output', async () => {",
      "    const secret = 'SECRET_HANDOFF_OUTPUT_SCHEMA_123';",
      "    const persistenceSecret = 'SECRET_GUARDRAIL_PERSISTENCE_SPAN_4211';",
      "    const details = { secret: 'SECRET_COMBINED_LOG_VALUE_123', password: 'S3_FILES_OPTION_SENTINEL' };",
      "    const env = { ROTATING_TOKEN: 'credential-2:rotating', TOKEN: 'credential-1:openai-key' };",
      "    const headers = { Authorization: 'Bearer workos:token-123' };",
      "    const bot = { botToken: '123456:TEST-TOKEN' };",
      "    const tools = { calculator: { apiKey: 'calculator-456' } };",
      "    const issueSecret = 'ISSUE-17040-TEXT-FILE-ONLY-9f31c7';",
      `    const leaked = { apiKey: '${TOKEN}' };`,
      '  });',
      '});',
      "export const CLIENT_CAPABILITIES_META_KEY = 'io.modelcontextprotocol/clientCapabilities';",
    );
    expectSecrets('packages/agents-core/test/logger.test.ts', text, [[`${GENERIC} 13:31-13:63`, TOKEN]]);
  });

  it('does not report a model id under a key ending in -pass, or NAME=value strings paired in an array', () => {
    const json = lines('{', '  "cline-pass": "openai/gpt-5",', '  "cline-api-key": "' + TOKEN + '"', '}');
    expectSecrets('webview/settings.json', json, [[`${GENERIC} 3:21-3:53`, TOKEN]]);
    const code = lines(
      'expect(mountCall?.[0].args).toEqual(',
      '  expect.arrayContaining([',
      "    'AWS_ACCESS_KEY_ID=released-access-key',",
      "    'AWS_SECRET_ACCESS_KEY=released-secret-key',",
      '  ]),',
      ');',
    );
    expectNone('packages/sandbox/test/vercel.test.ts', code);
  });

  it('reads a JSON object held in a string member by member, at exact positions', () => {
    const text = lines(
      'const mounts = {',
      "  gcs: { serviceAccountCredentials: '{\"type\":\"service_account\",\"private_key\":\"secret\"}' },",
      "  box: { boxConfigCredentials: '{\"boxAppSettings\":{\"clientID\":\"id,with,comma\",\"clientSecret\":\"secret=value\"}}' },",
      `  prod: { credentials: '{"client_id":"agent","client_secret":"${TOKEN}"}' },`,
      '};',
    );
    expectSecrets('src/mounts.ts', text, [[`${GENERIC} 4:63-4:95`, TOKEN]]);
  });

  it('does not read an expression as a value in languages it does not parse (Kotlin, Java, Go)', () => {
    const kotlin = lines(
      'override fun apply() {',
      '    settings.continueState.userToken = mySettingsComponent?.userToken?.text',
      '    settings.continueState.apiKey = mySettingsComponent!!.apiKeyField.text',
      '    val token = userToken',
      `    val fallbackToken = "${TOKEN}"`,
      '}',
    );
    expectSecrets('services/ContinueExtensionSettingsService.kt', kotlin, [[`${GENERIC} 5:26-5:58`, TOKEN]]);
    expectNone('internal/config.go', lines('func load(cfg *Config) {', '\tapiKey := cfg.APIKey', '\ttoken := strings.TrimSpace(cfg.Token)', '}'));
    // in a shell script or an INI file an unquoted value is a literal
    expectSecrets('deploy/env.sh', lines(`export AGENT_TOKEN=${TOKEN}`), [[`${GENERIC} 1:20-1:52`, TOKEN]]);
  });

  it('does not report an Algolia search-only key in a DocSearch config, but reports other keys beside it', () => {
    const searchKey = ['80f0ff7c2952', '10b58b46e0623e09654c'].join('');
    const text = lines(
      'const config = {',
      '  themeConfig: {',
      '    algolia: {',
      '      appId: "C1TWP51DBB",',
      `      apiKey: "${searchKey}",`,
      '      indexName: "web",',
      '    },',
      `    analytics: { apiKey: "${TOKEN}" },`,
      '  },',
      '};',
      'export default config;',
    );
    expectSecrets('website/docusaurus.config.ts', text, [[`${GENERIC} 8:27-8:59`, TOKEN]]);
  });
});

describe('package documentation and type declarations', () => {
  it('reads no named values in a declaration file, but still finds provider keys in its comments', () => {
    const key = ['ghp_', 'xWTN51KNfHZEXverO9hMsgadw87KOF46DZvb'].join('');
    const text = lines(
      'export interface AwsSdkSigV4Config {',
      '  credentials: MergeFunctions<AwsCredentialIdentityProvider, MemoizedProvider<AwsCredentialIdentity>> & AwsSdkSigV4Memoized;',
      '  password: z.ZodOptional<z.ZodString>;',
      '}',
      '/**',
      ' * @example',
      ` *   clientSecret: "VERYLONGSECRET${TOKEN}",`,
      ` *   token: "${key}",`,
      ' */',
      'type DotToken = PunctuationToken<SyntaxKind.DotToken>;',
    );
    expectSecrets('dist-types/commands/CreateTokenCommand.d.ts', text, [[`${PROVIDER} 8:14-8:54`, key]]);
  });

  it('does not report README examples: a word and a counter, variables, badge tokens, base64 of "not my real password"', () => {
    const badge = ['Ld4rXhPYRr', 'Xm7pKq2Wc9vZ5X0='].join('');
    const text = lines(
      '<a href="https://openbase.com/js/js-sdsl"><img src="https://badges.openbase.com/js/rating/js-sdsl.svg?token=' + badge + '" /></a>',
      '',
      '```js',
      'const auth = createAppAuth({ appId: 1, privateKey: privateKeyPkcs8, clientSecret: clientSecret1 });',
      'const { token } = await auth({ type: "oauth-user", code: "random123" });',
      '// { "type": "token", "token": "jsonwebtoken123", "access_token": "existingtoken123" }',
      "const registry = { auth: 'aXNhYWNzOm5vdCBteSByZWFsIHBhc3N3b3Jk', password: 'bm90IG15IHJlYWwgcGFzc3dvcmQ=' };",
      `const real = { token: "${TOKEN}" };`,
      '```',
    );
    expectSecrets('node_modules/@octokit/auth-app/README.md', text, [[`${GENERIC} 8:24-8:56`, TOKEN]]);
  });

  it('a token that expired before JWTs existed, and an AWS documentation session token, are test values', () => {
    const expiredInTests = jwt({ alg: 'RS256', typ: 'JWT' }, { iat: -30, exp: 570, iss: 1 }, SIGNATURE.repeat(8));
    assert.ok(isUnusableJwt(expiredInTests));
    const sessionToken = `AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/${'qkPpKPi/kMcGdQrmGdeehM4IC1Nt'.repeat(8)}`;
    assert.ok(isPlaceholder(sessionToken), 'EXAMPLE inside a long value');
  });
});

describe('public, made-up and encrypted values', () => {
  it('does not report documented example keys and emulator keys, also with a character changed', () => {
    const azurite = ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UV', 'ErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='].join('');
    const cosmos = ['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqo', 'bD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='].join('');
    const awsSecret = ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE', 'KEY'].join('');
    const awsChanged = `${awsSecret.slice(0, 10)}Q${awsSecret.slice(11)}`;
    const google = ['AIzaSyDaGmWKa4JsXZ-', 'HjGw7ISLn_3namBGewQe'].join('');
    for (const value of [azurite, cosmos, awsSecret, awsChanged, google]) assert.ok(isPublicValue(value) || isPlaceholder(value), value);
    const text = lines(
      "const azureAccountName = 'devstoreaccount1';",
      `const azureAccountKey = '${azurite}';`,
      `const cosmosKey = '${cosmos}';`,
      `const awsSecretAccessKey = '${awsChanged}';`,
      `const googleApiKey = '${google}';`,
      `const accountKey = '${TOKEN}';`,
    );
    expectSecrets('integration-tests/node/sandbox-storage-mounts.mjs', text, [[`${GENERIC} 6:21-6:53`, TOKEN]]);
  });

  it("does not report the client secrets of Google's installed apps or a PostHog project key; a refresh token beside them is", () => {
    const gcloud = ['ZmssLNjJy2998', 'hD4CTg2ejr2'].join('');
    const adc = ['d-FL95Q19q7MQ', 'mFpd7hHD0Ty'].join('');
    const geminiCli = ['GOCSPX-4uHgMPm-1o7Sk', '-geV6Cu5clXFsxl'].join('');
    const posthog = ['phc_PHQd8ZkMw2', 'rTn5xVq7LbJc4YsE9fGhUa3NpWe6'].join('');
    const refresh = ['1%2F%2F0gQk7-Tn2wVbXe4hR9', 'cJmLp3sA8dYu6FzKoN1iW5qBtGvHxE0rUyC'].join('');
    const text = lines(
      'interactions:',
      '- request:',
      `    body: grant_type=refresh_token&client_id=764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com&client_secret=${adc}&refresh_token=${refresh}`,
      '    uri: https://oauth2.googleapis.com/token',
      '- request:',
      `    body: '{"api_key": "${posthog}", "event": "query"}'`,
      '    uri: https://us.i.posthog.com/batch/',
      'settings:',
      `  gcloud_client_secret: ${gcloud}`,
      `  gemini_client_secret: ${geminiCli}`,
      `  webhook_secret: ${TOKEN}`,
    );
    expectSecrets('tests/cassettes/test_google_vertex.yaml', text, [
      [`${PROVIDER} 3:172-3:232`, refresh],
      [`${GENERIC} 11:19-11:51`, TOKEN],
    ]);
  });

  it("does not report format fields (f-strings, str.format) or the Authenticator's example TOTP secret; a key beside them is", () => {
    for (const value of ['{password}', '{0}', '{self.api_key!r}', '{names_by_value[match.group(0)]}', '{config["token"]}', '{token:>12}']) assert.ok(isPlaceholder(value), value);
    assert.ok(!isPlaceholder(`{${TOKEN}}`), 'a random value in braces is still judged');
    assert.ok(isPublicValue('JBSWY3DPEHPK3PXP'));
    // A secret manager's handle in place of the secret (mcp-agent cloud), beside a key that is reported.
    const handle = ['mcpac_sc_83d4', '12fd-0b3e-4174-89b4-ecebb1e4ca07'].join('');
    assert.ok(isPlaceholder(handle));
    expectSecrets('README.md', lines(`INFO: Reusing existing developer secret handle at 'openai.api_key': ${handle}`, `anthropic.api_key: ${TOKEN}`), [[`${GENERIC} 2:20-2:52`, TOKEN]]);
    // opencode's references in a Markdown config sample (github-mcp-server's install guide): `{env:…}`, `{file:…}`.
    const guide = lines(
      '```json',
      '{ "headers": { "Authorization": "Bearer {env:GITHUB_PERSONAL_ACCESS_TOKEN}" },',
      '  "environment": { "API_TOKEN": "{file:~/.secrets/api-token}", "ACCESS_TOKEN": "{ACCESS_TOKEN}" },',
      `  "fallback": { "Authorization": "Bearer ${TOKEN}" } }`,
      '```',
    );
    expectSecrets('docs/install-opencode.md', guide, [[`${GENERIC} 4:42-4:74`, TOKEN]]);
    // A token's prefix turns up inside base64 data by chance (autogen's notebook: "BSA…" in an image/png output);
    // the same shape between quotes is a key.
    const brave = ['BSAyVlWxPIS6jKwEpstW', 'ORpNrPMELYpHLyw'].join('');
    const blob = `${'iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAIAAADT'.repeat(2)}/${brave}+${'qTfxcIZRo4iETx9MBEWQi+Y2xTUaIxFG3VNwUpg/'.repeat(2)}`;
    // Stand-in passwords made of a filler word and "pass" (gpt-researcher's docs), beside a real one.
    const docs = lines("CONNECTION_STRING = 'postgresql://someuser:somepass@localhost:5432/somedatabase'", "DSN = 'postgresql://app:mypassword1@db/app'", `PROD = 'postgresql://app:${PASSWORD}@db.internal:5432/app'`);
    expectSecrets('docs/vector-stores.md', docs, [[`secrets/connection-string 3:26-3:40`, PASSWORD]]);
    expectSecrets('docs/group-chat.ipynb.json', lines(`{"image/png": "${blob}",`, ` "brave_search_key": "${brave}"}`), [[`${PROVIDER} 2:23-2:58`, brave]]);
    const python = lines(
      'import re',
      '',
      'def mask(value, sensitive):',
      "    pattern = re.compile('|'.join(re.escape(secret) for secret in sensitive))",
      "    return pattern.sub(lambda m: f'<secret>{sensitive_keys[m.group(0)]}</secret>', value)",
      '',
      "otp_secret = 'JBSWY3DPEHPK3PXP'",
      `totp_secret = '${TOKEN}'`,
    );
    expectSecrets('examples/two_factor.py', python, [[`${GENERIC} 8:16-8:48`, TOKEN]]);
  });

  it("does not report a signing scope, a value cut at `;`, or \"password\" spelled in leet; secrets beside them are", () => {
    // A presigned URL in a notebook's output (camel's Chunkr cookbook): X-Amz-Credential is the HMAC key's id and its
    // scope; a session token in the same URL is a secret.
    const scope = ['GOOG1EBMQ2D33SPB3VQ4MMVJEKXWQFNK5WS57JRFVYUSD3ZCA76OC3B74IG7C', '%2F20250929%2Fus-east-1%2Fs3%2Faws4_request'].join('');
    const presigned = `https://storage.googleapis.com/chunkr/out.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${scope}&X-Amz-Date=20250929T140627Z`;
    expectNone('docs/chunkr.ipynb.json', lines(`{"text/plain": ["'${presigned}'"]}`));
    const withToken = lines(`url = '${presigned}&X-Amz-Security-Token=${TOKEN}'`);
    expectSecrets('docs/chunkr.md', withToken, [[`${GENERIC} ${expectedAt(withToken, TOKEN)}`, TOKEN]]);
    // An ADO.NET connection string (wshobson/agents' Dapper guide): `Password=xxx;` ends at the `;`, it does not run
    // on to `;Min` before the next space. A token between `;`s in a URL is the token alone.
    const dotnet = lines('"Default": "Server=localhost;Database=MyDb;User Id=sa;Password=xxx;TrustServerCertificate=True;Min Pool Size=5;"');
    expectNone('docs/dapper-patterns.md', dotnet);
    const matrix = lines(`See https://api.acme-corp.io/v1/items;token=${TOKEN};page=2 for the list.`);
    expectSecrets('docs/api.md', matrix, [[`${GENERIC} ${expectedAt(matrix, TOKEN)}`, TOKEN]]);
    // "Password" in leet after a word, made to pass a policy in a tutorial (camel's OceanBase cookbook).
    for (const value of ['TenantPassw0rd!', 'AdminP@ssw0rd1', 'DemoPassword123!', 'pa55word']) assert.ok(isDefaultPassword(value), value);
    for (const value of [PASSWORD, 'Xk9#Password-Vq2L', 'password-manager-export-7Hq']) assert.ok(!isDefaultPassword(value), value);
    const docker = lines('docker run -p 2881:2881 \\', '  -e OB_TENANT_PASSWORD=TenantPassw0rd! \\', `  -e OB_SYS_PASSWORD=${PASSWORD} \\`, '  oceanbase/oceanbase-ce');
    expectSecrets('docs/oceanbase.md', docker, [[`${GENERIC} ${expectedAt(docker, PASSWORD)}`, PASSWORD]]);
  });

  it('does not report hashes in a detect-secrets baseline, prose without spaces, regular expressions, stand-ins in base64, or jwt.io claims', () => {
    // awslabs/mcp, every one: 125 findings in .secrets.baseline alone.
    const baseline = lines('{ "results": { "src/app.py": [', '  { "type": "Secret Keyword", "hashed_secret": "df99ad98cabfe1616640820bcfb345ef5b10077f", "line_number": 12 } ] } }');
    expectNone('.secrets.baseline', baseline);
    expectNone('docs/ja/server.md', lines('- `AWS_SESSION_TOKEN`: 一時的な認証情報用のセッショントークン（AWS_ACCESS_KEY_ID および AWS_SECRET_ACCESS_KEY と併用）'));
    const patterns = lines('PATTERNS = {', '    "aws_access_key": r"(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9])",', '    "aws_secret_key": r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])",', '}');
    expectNone('src/security.py', patterns);
    expectNone('model/service-2.json', lines('{ "metadata": { "auth": ["aws.auth#sigv4"] } }'));
    // A list of hostile inputs is no [header, value] pair.
    expectNone('tests/test_validators.py', lines('codes = [', "    '../../../etc/passwd',", "    '<script>alert(1)</script>',", ']'));
    // base64 of AWS:ecrpassword and user:password, beside base64 of a real password.
    const real = Buffer.from(`AWS:${PASSWORD}`).toString('base64');
    const ecr = lines(
      'response = {"authorizationData": [{"authorizationToken": "QVdTOmVjcnBhc3N3b3Jk"}]}',
      "headers = {'Authorization': 'Basic dXNlcjpwYXNzd29yZA=='}",
      `token = {"authorizationToken": "${real}"}`,
    );
    expectSecrets('tests/test_docker.py', ecr, [[`${GENERIC} ${expectedAt(ecr, real)}`, real]]);
    // jwt.io's example claims with its example signature (the payload edited: exp instead of iat).
    const example = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', exp: 1516239022 }, 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
    assert.ok(isUnusableJwt(example));
    assert.ok(!isUnusableJwt(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'user_01K9GBD9', name: 'Jane Roe', iat: 1762559447 }, SIGNATURE)));
    expectNone('tests/test_error_handler.py', lines(`ORIGINAL_JWT_TOKEN_WITH_EXP = '${example}'`));
  });

  it("does not report a hand-typed run inside a value, a URL password that names a credential, or VisualWebArena's reset token", () => {
    // OpenHands: a logging test's made-up key, a git URL with a labelled token, the benchmark's documented token.
    const openhands = lines(
      "api_key = 'sk-ant-1234567890abcdef-some-more-stuff-here'",
      "url = 'https://oauth2:old_gitlab_token@gitlab.com/owner/repo.git'",
      "env = {'VWA_CLASSIFIEDS_RESET_TOKEN': '4b61655535e7ed388f0d40a93600254c'}",
      `anthropic_key = '${TOKEN}'`,
      `remote = 'https://oauth2:${PASSWORD}@gitlab.com/owner/repo.git'`,
    );
    expectSecrets('tests/unit/test_logging.py', openhands, [
      [`${GENERIC} ${expectedAt(openhands, TOKEN)}`, TOKEN],
      [`secrets/connection-string ${expectedAt(openhands, PASSWORD)}`, PASSWORD],
    ]);
    assert.ok(isObviousFake('1234567890abcdef') && isObviousFake('token-0987654321-x'));
  });

  it("does not report SWE-bench's test lists, Mixpanel's project token or a hex filler word; secrets beside them are", () => {
    // SWE-agent's SWE-bench data, aider's analytics and its census example.
    const sweBench = lines(`[{"PASS_TO_PASS": ["tests/test_numpy_pixel_data.py::test_pixel_array_8bit_un_signed[${'Xk9mQ2vL7pR4t'}]"], "FAIL_TO_PASS": ["tests/test_x.py::test_y[a9Fq2Lm]"], "db_pass": "${PASSWORD}"}]`);
    expectSecrets('tests/test_data/swe-bench-dev-easy.json', sweBench, [[`${GENERIC} ${expectedAt(sweBench, PASSWORD)}`, PASSWORD]]);
    const aider = lines('mixpanel_project_token = "6da9a43058a5d1b9f3353153921fb04d"', "api_key = '4ae31ed2a0f0dd62609e51cd95deadbeefe7774f'", `mixpanel_api_secret = "${TOKEN}"`);
    expectSecrets('aider/analytics.py', aider, [[`${GENERIC} ${expectedAt(aider, TOKEN)}`, TOKEN]]);
    // The same token under another name in the same file (aider's recorded chat), beside another file's.
    const chat = lines('    project_token = "6da9a43058a5d1b9f3353153921fb04d"', 'mixpanel_project_token = "6da9a43058a5d1b9f3353153921fb04d"');
    expectNone('tests/fixtures/chat-history.txt', chat);
    const alone = lines('    project_token = "6da9a43058a5d1b9f3353153921fb04d"');
    expectSecrets('tests/fixtures/other.txt', alone, [[`${GENERIC} ${expectedAt(alone, '6da9a43058a5d1b9f3353153921fb04d')}`, '6da9a43058a5d1b9f3353153921fb04d']]);
  });

  it("does not report Pusher's app key, Amplitude's API key, underscore-wrapped sentinels, camelCase stand-ins or a service's stand-in password; secrets beside them are", () => {
    // Composio's Pusher client, langfuse's credential sentinels, its API-key test and its test environment.
    const pusher = lines("export const CLIENT_PUSHER_KEY = getEnvVariable('CLIENT_PUSHER_KEY') || 'ff9f18c208855d77a152';", "const PUSHER_KEY = CLIENT_PUSHER_KEY || 'ff9f18c208855d77a152';", `const PUSHER_APP_SECRET = '${TOKEN}';`);
    expectSecrets('ts/packages/core/src/utils/pusher.ts', pusher, [[`${GENERIC} ${expectedAt(pusher, TOKEN)}`, TOKEN]]);
    // fastmcp's docs analytics: Amplitude's browser key; its secret key is still reported.
    const amplitude = lines('  var AMPLITUDE_API_KEY = "c361ed56e7bdc1a48a38773c40120b39";', 'const AMPLITUDE_SECRET_KEY = "bebe7acf7d910eea8a60847023a9d1a7";');
    expectSecrets('docs/fastmcp-analytics.js', amplitude, [[`${PROVIDER} ${expectedAt(amplitude, 'bebe7acf7d910eea8a60847023a9d1a7')}`, 'bebe7acf7d910eea8a60847023a9d1a7']]);
    const sentinels = lines('// Sentinel value for Vertex AI default credential provider chain (ADC)', 'export const VERTEXAI_USE_DEFAULT_CREDENTIALS =', '  "__VERTEXAI_DEFAULT_CREDENTIALS__";', `export const VERTEXAI_CREDENTIALS = "${TOKEN}";`);
    expectSecrets('packages/shared/src/interfaces/customLLMProviderConfigSchemas.ts', sentinels, [[`${GENERIC} ${expectedAt(sentinels, TOKEN)}`, TOKEN]]);
    const update = lines('const newSecret = "updatedSecretKey123";', 'const apiToken = "testApiTokenValue";', `const otherSecret = "${TOKEN}";`, 'const dbPassword = "BlueHorseBattery42";');
    expectSecrets('web/src/__tests__/server/llm-api-key.servertest.ts', update, [
      [`${GENERIC} ${expectedAt(update, TOKEN)}`, TOKEN],
      [`${GENERIC} ${expectedAt(update, 'BlueHorseBattery42')}`, 'BlueHorseBattery42'],
    ]);
    const env = lines('REDIS_CONNECTION_STRING="redis://:myredissecret@127.0.0.1:6379/1"', `DATABASE_URL="postgresql://app:${PASSWORD}@127.0.0.1:5432/app"`);
    expectSecrets('.env.test.example', env, [[`secrets/connection-string ${expectedAt(env, PASSWORD)}`, PASSWORD]]);
  });

  it("does not report a key template's format fields or a JWT's header alone; a token beside them is", () => {
    // agentscope's Redis key layout and Upsonic's prompt-injection rule tests.
    const keys = lines('class KeyConfig:', '    credential: str = (', '        "agentscope:user:{user_id}:credential:{credential_id}"', '    )', `    api_token: str = "${TOKEN}"`);
    expectSecrets('src/agentscope/app/storage/_redis_storage.py', keys, [[`${GENERIC} ${expectedAt(keys, TOKEN)}`, TOKEN]]);
    const header = lines('def test_detects_bearer_token(self):', '    result = self.rule.process(_pi("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"))', `    other = _pi("Authorization: Bearer ${TOKEN}")`);
    expectSecrets('tests/unit_tests/safety_engine/test_skill_policies.py', header, [[`${GENERIC} ${expectedAt(header, TOKEN)}`, TOKEN]]);
  });

  it('does not report values marked fake, instructions, hand-typed sequences or encrypted values', () => {
    const fakes = [
      'REPLACE_WITH_PASSWORD', 'sk-test-dummy-key-1234', 'AKIAFAKEKEY123456789', 'fakeToken9x8Q7w', 'InvalidTokenValue42',
      '1234567890abcdef', 'a1b2c3d4e5f6g7h8', 'abcd1234efgh5678', 'qwertyuiop123456', 'my-dummy-secret-value', 'put_your_key_here_123',
    ];
    for (const value of fakes) assert.ok(isObviousFake(value), value);
    for (const value of [TOKEN, PASSWORD, 'sk_test_51Hx9kQ2mLp7Rz', 'FLWSECK_TEST-3e8f0a9b7c6d5e4f']) assert.ok(!isObviousFake(value), value);
    assert.ok(isHandTypedSequence('9876543210zyxw') && !isHandTypedSequence(TOKEN));
    const sops = 'ENC[AES256_GCM,data:Tr7oXq2==,iv:1Bq9Zk0Wm4Vp7Tb6Nc1Yd5Hf0Gj=,tag:q7VxT2mLp9Rz==,type:str]';
    for (const value of [sops, '$ANSIBLE_VAULT;1.1;AES256', 'vault:v1:8SDd3WHDOjf7mq69CyCqYjBXAiQQAVZRkFM13ok481zoCmHnSeDX9vyf7w==', 'ENC(nrmZtkF7T0kjG/VodDvBw93Ct8EgjCA+)', '{cipher}AQA9Nv6sK2Lx7Wm']) {
      assert.ok(isEncryptedValue(value), value);
    }
    const yaml = lines(
      'database:',
      '  password: REPLACE_WITH_PASSWORD',
      '  replica_password: 1234567890abcdef',
      `  admin_password: ${sops}`,
      '  api_key: sk-test-dummy-key-1234',
      `  backup_password: "${PASSWORD}"`,
    );
    expectSecrets('config/app.yaml', yaml, [[`${GENERIC} 6:21-6:35`, PASSWORD]]);
  });

  it('does not report password hashes (what a server stores to check a password), and reports a password beside them', () => {
    const CRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const crypt = (length: number): string => [...randomBytes(length)].map((byte) => CRYPT[byte % 64]).join('');
    const b64 = (bytes: number): string => randomBytes(bytes).toString('base64').replace(/=+$/, '');
    const hashes = [
      `$2b$12$${crypt(53)}`,
      `$2a$10$${crypt(53)}`,
      `$argon2id$v=19$m=65536,t=3,p=4$${b64(16)}$${b64(32)}`,
      `argon2$argon2id$v=19$m=102400,t=2,p=8$${b64(16)}$${b64(32)}`,
      `$6$rounds=656000$${crypt(16)}$${crypt(86)}`,
      `$5$${crypt(16)}$${crypt(43)}`,
      `$1$${crypt(8)}$${crypt(22)}`,
      `$apr1$${crypt(8)}$${crypt(22)}`,
      `$y$j9T$${crypt(22)}$${crypt(43)}`,
      `$scrypt$ln=16,r=8,p=1$${b64(16)}$${b64(32)}`,
      `$pbkdf2-sha256$29000$${crypt(22)}$${crypt(43)}`,
      `pbkdf2_sha256$600000$${crypt(22).replace(/[./]/g, 'x')}$${b64(32)}=`,
    ];
    for (const hash of hashes) assert.ok(isPasswordHash(hash), hash);
    // Cut short or with its parameters missing it is no hash of these formats.
    for (const value of [`$2b$12$${crypt(40)}`, `$argon2id$${b64(32)}`, `$9$${crypt(16)}$${crypt(43)}`, PASSWORD, TOKEN]) assert.ok(!isPasswordHash(value), value);
    const code = lines(
      'export const users = {',
      `  johndoe: { username: 'johndoe', hashed_password: '${hashes[0]}' },`,
      `  alice: { username: 'alice', password_hash: '${hashes[2]}' },`,
      `  bob: { username: 'bob', password: '${PASSWORD}' },`,
      '};',
    );
    expectSecrets('tests/graphs/auth.ts', code, [[`${GENERIC} 4:38-4:52`, PASSWORD]]);
    const env = lines(`ADMIN_PASSWORD_HASH=${hashes[4]}`, `HTPASSWD_ENTRY=admin:${hashes[7]}`, `DB_PASSWORD=${PASSWORD}`);
    expectSecrets('.env', env, [[`${GENERIC} 3:13-3:27`, PASSWORD]]);
  });

  it('does not report an Azure SAS token whose signature is too short to be one, and reports a real-looking one', () => {
    const signature = randomBytes(32).toString('base64');
    const real = `sp=racwdli&st=2026-03-28T14:53:44Z&se=2027-03-28T23:08:44Z&spr=https&sv=2024-11-04&sr=c&sig=${encodeURIComponent(signature)}`;
    const standIns = ['sp=racwdli&st=2026-03-28T14:53:44Z&se=2027-03-28T23:08:44Z&spr=https&sv=2024-11-04&sr=c&sig=abc123', 'sv=2024-11-04&sr=c&sig=abc', '?sv=2024-11-04&sig='];
    for (const value of standIns) assert.ok(isStandInSasToken(value), value);
    assert.ok(!isStandInSasToken(real) && !isStandInSasToken(`sig=abc&sv=2024`) && !isStandInSasToken(TOKEN));
    const code = lines(
      'config = RemoteContentConfig(',
      `    sas_token="${standIns[0]}",`,
      `    backup_sas_token="${standIns[1]}",`,
      ')',
      `live = RemoteContentConfig(sas_token="${real}")`,
    );
    const encoded = encodeURIComponent(signature);
    expectSecrets('tests/unit/knowledge/test_remote_content_config.py', code, [[`${PROVIDER} ${expectedAt(code, encoded)}`, encoded]]);
  });

  it('does not report a Bitnami SealedSecret, whose values only the cluster can decrypt', () => {
    const ciphertext = `AgB${Buffer.from(Array.from({ length: 420 }, (_, i) => (i * 37 + 11) % 256)).toString('base64')}`;
    const text = lines(
      'apiVersion: bitnami.com/v1alpha1',
      'kind: SealedSecret',
      'metadata:',
      '  name: agent-credentials',
      'spec:',
      '  encryptedData:',
      `    OPENAI_API_KEY: ${ciphertext}`,
      `    DB_PASSWORD: ${ciphertext.slice(8)}`,
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'data:',
      `  AGENT_TOKEN: ${TOKEN}`,
    );
    expectSecrets('deploy/sealed.yaml', text, [[`${GENERIC} 13:16-13:48`, TOKEN]]);
  });
});

describe('JWT structure', () => {
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = { userId: 'user_01K9GBD9EKGTDH0RF7W05354EV', iat: 1762559447 };

  it('decodes header, payload and signature size', () => {
    const token = jwt(header, payload, SIGNATURE);
    assert.deepEqual(decodeJwt(token), { header, payload, signatureBytes: 32 });
    assert.equal(decodeJwt('eyJub3QiOiJhIGp3dCJ9.e30.x'), undefined);
    assert.equal(decodeJwt(TOKEN), undefined);
  });

  it('an unsigned token, a token with a stand-in signature and a Supabase demo key authenticate nothing', () => {
    assert.ok(isUnusableJwt(jwt({ alg: 'none', typ: 'JWT' }, payload, '')));
    assert.ok(isUnusableJwt(jwt({ alg: 'RS256', typ: 'JWT', kid: 'test-key-id' }, payload, 'signature')));
    assert.ok(isUnusableJwt(jwt(header, { iss: 'supabase-demo', role: 'anon' }, SIGNATURE)));
    assert.ok(!isUnusableJwt(jwt(header, payload, SIGNATURE)));
    assert.ok(holdsUnusableJwt(`workos:${jwt({ alg: 'none' }, payload, '')}`));
    assert.ok(!holdsUnusableJwt(`a long label that is not a prefix ${jwt({ alg: 'none' }, payload, '')}`));
    // Hand-written: a header that does not decode (a quote missing), the words `payload` and `sig` (MCP Inspector's stories).
    const broken = `${Buffer.from('{"alg":"RS256,"typ":"JWT"}').toString('base64url')}.payload.sig`;
    assert.ok(isUnusableJwt(broken));
    assert.ok(!isUnusableJwt(`${Buffer.from('{"alg":"RS256,"typ":"JWT"}').toString('base64url')}.payload.${SIGNATURE}`));
  });

  it('a token valid for minutes only is dead before the file is read; an hour-long one is still reported', () => {
    // GitHub's signed link to a private video: the path inside is itself a presigned S3 URL, whose X-Amz-Credential
    // names an access key id (public in every such link; the decoded payload is scanned too).
    const presigned = '/61239030/420168772-video.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA65D43B2JAGEE2STL%2F20250307%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250307T032239Z&X-Amz-Expires=300&X-Amz-Signature=7bf1d69facc2a399b3f73eeb8244ed2f9a75faf1538bef8bd767d560a59d0636&X-Amz-SignedHeaders=host';
    const github = { iss: 'github.com', aud: 'raw.githubusercontent.com', key: 'key5', exp: 1741318059, nbf: 1741317759, path: presigned };
    assert.ok(isUnusableJwt(jwt(header, github, SIGNATURE)));
    assert.ok(isUnusableJwt(jwt(header, { sub: 'u1', iat: 1741317759, exp: 1741317759 + 900 }, SIGNATURE)));
    assert.ok(!isUnusableJwt(jwt(header, { sub: 'u1', iat: 1741317759, exp: 1741317759 + 3600 }, SIGNATURE)));
    // No start, or a start of 0 (a test's), says nothing of the token's life.
    assert.ok(!isUnusableJwt(jwt(header, { sub: 'u1', exp: 1741318059 }, SIGNATURE)));
    const link = jwt(header, github, SIGNATURE);
    const readme = lines('## Demo', '', `<video src="https://private-user-images.githubusercontent.com/61239030/420168772-video.mp4?jwt=${link}" controls></video>`);
    expectSecrets('README.md', readme, []);
  });

  it('does not report unsigned or stand-in-signed test tokens, and reports a signed one', () => {
    const unsigned = `workos:${jwt({ alg: 'none', typ: 'JWT' }, { sub: 'testId', email: 'test@cline.bot', exp: 1899578924 }, '')}`;
    const standIn = jwt({ alg: 'RS256', typ: 'JWT', kid: 'test-key-id' }, { iss: 'test@test.iam.gserviceaccount.com', exp: 1616165216 }, 'signature');
    const signed = jwt(header, payload, SIGNATURE);
    const text = lines('{', `  "accessToken": "${unsigned}",`, `  "idToken": "${standIn}",`, `  "refreshToken": "${signed}"`, '}');
    const found = expectedAt(text, signed);
    expectSecrets('tests/configs/default/data/settings/providers.json', text, [[`${PROVIDER} ${found}`, signed]]);
    const handWritten = `${Buffer.from('{"alg":"RS256,"typ":"JWT"}').toString('base64url')}.payload.sig`;
    const story = lines('export const entry = {', `  responseBody: JSON.stringify({ access_token: "${handWritten}", token_type: "Bearer" }),`, `  refresh_token: "${PASSWORD}",`, '};');
    expectSecrets('src/NetworkEntry.stories.tsx', story, [[`${GENERIC} ${expectedAt(story, PASSWORD)}`, PASSWORD]]);
  });
});

/** `line:col-line:col` of the only occurrence of `value` in `text`, on one line. */
function expectedAt(text: string, value: string): string {
  const start = text.indexOf(value);
  const before = text.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return `${line}:${column}-${line}:${column + value.length}`;
}

describe('private keys: the body must be a key of its kind', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trimEnd();
  const body = (pem: string) => pem.split('\n').filter((row) => !row.startsWith('-----')).join('');

  it('decodes PEM bodies: DER length and version, OpenSSH and PGP headers', () => {
    assert.ok(isPlausibleKeyBody('PRIVATE KEY', body(rsa), false));
    const stub = body(rsa).slice(0, 128);
    assert.ok(!isPlausibleKeyBody('PRIVATE KEY', stub, false), 'a header promising 600 bytes followed by 94');
    assert.ok(!isPlausibleKeyBody('RSA PRIVATE KEY', Buffer.alloc(300, 7).toString('base64'), false));
    assert.ok(isPlausibleKeyBody('RSA PRIVATE KEY', Buffer.alloc(300, 7).toString('base64'), true), 'legacy encrypted bodies are ciphertext');
    assert.ok(!isPlausibleKeyBody('OPENSSH PRIVATE KEY', Buffer.alloc(300, 7).toString('base64'), false));
    assert.ok(!isPlausibleKeyBody('PGP PRIVATE KEY BLOCK', Buffer.alloc(300, 7).toString('base64'), false));
  });

  it('does not report a stub "key" cut after two lines, and reports a real one', () => {
    const stubBody = body(rsa).slice(0, 128);
    const text = lines(
      '// Fallback: create minimal test certificates if OpenSSL is not available',
      'const key = `-----BEGIN PRIVATE KEY-----',
      stubBody.slice(0, 64),
      stubBody.slice(64),
      '-----END PRIVATE KEY-----`;',
      `const realKey = \`${rsa}\`;`,
    );
    const start = text.indexOf(rsa);
    const startLine = text.slice(0, start).split('\n').length;
    const endLine = startLine + rsa.split('\n').length - 1;
    expectSecrets('packages/fetch/src/fetch.e2e.test.ts', text, [[`${PRIVATE_KEY} ${startLine}:18-${endLine}:26`, rsa]]);
  });

  it('reports a real key whose random base64 happens to spell a placeholder word or mask', () => {
    // One real 2048-bit key in 400 spells one somewhere. Spliced into the key's content bytes (a 4-character group
    // on a 4-aligned column), the DER structure stays intact, as in such a key.
    const rows = rsa.split('\n');
    for (const word of ['fake', 'FAKE', 'todo', 'xxxx', 'XXXX', '9XXX']) {
      const spelled = [...rows];
      spelled[6] = spelled[6]!.slice(0, 20) + word + spelled[6]!.slice(24);
      const pem = spelled.join('\n');
      expectSecrets('keys/deploy.pem', pem, [[`${PRIVATE_KEY} 1:1-${rows.length}:${rows[rows.length - 1]!.length + 1}`, pem]]);
    }
  });

  it('still reads placeholder words in a body with no structure to check (legacy-encrypted ciphertext)', () => {
    const ciphertext = (filler: string) =>
      ['-----BEGIN RSA PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,8F3A2B1C4D5E6F708192A3B4C5D6E7F8', '', ...(body(rsa).slice(0, 320) + filler + body(rsa).slice(320 + filler.length, 640)).match(/.{1,64}/g)!, '-----END RSA PRIVATE KEY-----'].join('\n');
    const real = ciphertext('');
    expectSecrets('keys/legacy.pem', real, [[`${PRIVATE_KEY} 1:1-${real.split('\n').length}:30`, real]]);
    expectNone('keys/legacy.pem', ciphertext('xxxxFAKExxxx'));
  });
});

describe('identifier-like values', () => {
  it('tells names made of words from random values', () => {
    for (const value of ['SECRET_LOG_VALUE_123', 'workos:token-123', 'openai/gpt-5', 'neo4j/pleaseletmein', 'secret=value', 'io.modelcontextprotocol/clientCapabilities']) {
      assert.ok(isIdentifierLike(value), value);
    }
    for (const value of [TOKEN, 'my-app-secret-8f9a7b6c5d4e3f2a1b0c', 'mySuperSecretJwtKey123', 'prod_9fQ2xKp7LmZ4rT8w']) assert.ok(!isIdentifierLike(value), value);
    assert.ok(isIdentifierLike('calculator-456') && !isIdentifierLike('Winter-2024', true) && isIdentifierLike('S3_FILES_OPTION_SENTINEL', true));
  });

  it('keeps provider findings intact', () => {
    const key = ['sk-proj-', 'NBMgDRXNF9ZWfYXuxYUF-JScJT3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN'].join('');
    expectSecrets('src/agent.ts', lines(`const openai = new OpenAI({ apiKey: '${key}' });`), [[`${PROVIDER} 1:38-1:${38 + key.length}`, key]]);
  });
});
