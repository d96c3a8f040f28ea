import { describe, expect, it } from 'vitest';
import { Agent, run } from '@openai/agents';

// Test sentinels: the test checks that these strings never reach logs or traces.
describe('output redaction', () => {
  it('never logs a handoff payload', async () => {
    const secret = 'SECRET_RESULT_MEMORY_APPROVAL_4410';
    const parentSecret = 'SECRET_FORMATTER_REALTIME_FORMATTER_2971';
    const details = { secret: 'SECRET_STREAM_SESSION_HANDOFF_2218' };
    const options = { password: 'S3_FILES_OPTION_SENTINEL' };
    expect(secret).not.toEqual(parentSecret);
    expect(details).toBeDefined();
    expect(options).toBeDefined();
  });

  it('passes labelled dummy credentials to the sandbox', () => {
    const env = { TOKEN: 'credential-6:formatter-key', ROTATING_TOKEN: 'credential-8:schema-key' };
    const headers = { Authorization: 'Bearer slack:token-104' };
    const bot = { botToken: '253597:TEST-TOKEN' };
    const tools = { calculator: { apiKey: 'result-417' } };
    const mountArgs = ['AWS_ACCESS_KEY_ID=released-access-key', 'AWS_SECRET_ACCESS_KEY=released-secret-key'];
    const gcs = { serviceAccountCredentials: '{"type":"service_account","private_key":"secret"}' };
    expect({ env, headers, bot, tools, mountArgs, gcs }).toBeDefined();
  });

  it('keeps a real service credential out of the fixture', () => {
    const prod = { credentials: '{"client_id":"agent","client_secret":"ye9CwU2BZVgxzoGLUv4JUgoi7UuEqw8z"}' };
    const signingSecret = 'qotRjEYTS5Owa7yrG9Ads5dbg6Ngqo99bQdQdKCB';
    expect(prod).toBeDefined();
    expect(signingSecret).toHaveLength(40);
  });
});

export const CLIENT_CAPABILITIES_META_KEY = 'io.modelcontextprotocol/formatterResult';

export const agent = new Agent({ name: 'redaction-probe', model: 'gpt-5.4' });
await run(agent, 'hello');
