import type { BrokerTemplate } from './template';

/** OAuth 2.0 Token Exchange (RFC 8693): trade the workload's identity token for a short-lived, audience-bound token. */
export const oauthTokenExchange: BrokerTemplate = {
  id: 'oauth-token-exchange',
  label: 'OAuth token exchange',
  detail: 'RFC 8693 token exchange at your identity provider',
  packages: [],
  environment: ['TOKEN_EXCHANGE_URL', 'TOKEN_EXCHANGE_SUBJECT_TOKEN_FILE', 'TOKEN_EXCHANGE_CLIENT_ID (optional)'],
  imports: `import { readFile } from 'node:fs/promises';`,
  body: `
const { fetch: http } = globalThis;

/** A token for audience \`name\`, exchanged for the workload's own identity token, kept until it expires. */
async function issue(name: string): Promise<Issued> {
  const subjectToken = (await readFile(required('TOKEN_EXCHANGE_SUBJECT_TOKEN_FILE'), 'utf8')).trim();
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subjectToken,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    audience: name,
  });
  if (process.env.TOKEN_EXCHANGE_CLIENT_ID) form.set('client_id', process.env.TOKEN_EXCHANGE_CLIENT_ID);
  const response = await http(required('TOKEN_EXCHANGE_URL'), { method: 'POST', body: form });
  if (!response.ok) throw new Error(\`credentials: token exchange for \${name} failed with \${response.status}\`);
  const answer = (await response.json()) as { access_token: string; expires_in?: number };
  return { value: answer.access_token, expiresAt: Date.now() + (answer.expires_in ? answer.expires_in * 1000 : DEFAULT_TTL_MS) };
}`,
};
