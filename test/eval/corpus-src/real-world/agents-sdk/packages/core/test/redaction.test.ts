import { describe, expect, it } from 'vitest';
import { Agent, run } from '@openai/agents';

// Test sentinels: the test checks that these strings never reach logs or traces.
describe('output redaction', () => {
  it('never logs a handoff payload', async () => {
    const secret = '⟦sentinel⟧'; ⟪- sentinel CONSTANT_CASE test sentinel⟫
    const parentSecret = '⟦sentinel⟧'; ⟪- sentinel CONSTANT_CASE test sentinel⟫
    const details = { secret: '⟦sentinel⟧' }; ⟪- sentinel sentinel in an object⟫
    const options = { password: 'S3_FILES_OPTION_SENTINEL' }; ⟪- sentinel sentinel under password⟫
    expect(secret).not.toEqual(parentSecret);
    expect(details).toBeDefined();
    expect(options).toBeDefined();
  });

  it('passes labelled dummy credentials to the sandbox', () => {
    const env = { TOKEN: '⟦credential-label⟧', ROTATING_TOKEN: '⟦credential-label⟧' }; ⟪- test-key labelled dummy credentials⟫
    const headers = { Authorization: 'Bearer ⟦labelled-dummy-token⟧' }; ⟪- test-key labelled dummy bearer token⟫
    const bot = { botToken: '⟦telegram-test-token⟧' }; ⟪- test-key Telegram-shaped test token⟫
    const tools = { calculator: { apiKey: '⟦word-number-label⟧' } }; ⟪- test-key word-number label under apiKey⟫
    const mountArgs = ['AWS_ACCESS_KEY_ID=released-access-key', 'AWS_SECRET_ACCESS_KEY=released-secret-key']; ⟪- test-key NAME=value strings in a pair⟫
    const gcs = { serviceAccountCredentials: '{"type":"service_account","private_key":"secret"}' }; ⟪- test-key JSON credentials with a dummy member⟫
    expect({ env, headers, bot, tools, mountArgs, gcs }).toBeDefined();
  });

  it('keeps a real service credential out of the fixture', () => {
    const prod = { credentials: '{"client_id":"agent","client_secret":"⟦alnum32⟧"}' }; ⟪+ generic:alnum32 client secret inside a JSON string⟫
    const signingSecret = '⟦alnum40⟧'; ⟪+ generic:alnum40 signing secret in a test file⟫
    expect(prod).toBeDefined();
    expect(signingSecret).toHaveLength(40);
  });
});

export const CLIENT_CAPABILITIES_META_KEY = '⟦namespaced-key⟧'; ⟪- non-secret-id namespaced metadata key⟫

export const agent = new Agent({ name: 'redaction-probe', model: 'gpt-5.4' });
await run(agent, 'hello');
