import type { BrokerTemplate } from './template';

/** Infisical with a machine identity (Universal Auth). */
export const infisical: BrokerTemplate = {
  id: 'infisical',
  label: 'Infisical',
  detail: 'Universal Auth machine identity, secrets().getSecret',
  packages: ['@infisical/sdk'],
  environment: ['INFISICAL_CLIENT_ID', 'INFISICAL_CLIENT_SECRET', 'INFISICAL_PROJECT_ID', 'INFISICAL_ENVIRONMENT (default prod)', 'INFISICAL_SITE_URL (optional)'],
  imports: `import { InfisicalSDK } from '@infisical/sdk';`,
  body: `
/** Machine-identity logins are renewed after this long. */
const LOGIN_TTL_MS = 10 * 60_000;
let session: { client: Promise<InfisicalSDK>; expiresAt: number } | undefined;

function login(): Promise<InfisicalSDK> {
  if (!session || session.expiresAt <= Date.now()) {
    const sdk = new InfisicalSDK(process.env.INFISICAL_SITE_URL ? { siteUrl: process.env.INFISICAL_SITE_URL } : {});
    const client = sdk.auth().universalAuth.login({ clientId: required('INFISICAL_CLIENT_ID'), clientSecret: required('INFISICAL_CLIENT_SECRET') });
    session = { client, expiresAt: Date.now() + LOGIN_TTL_MS };
  }
  return session.client;
}

/** The secret \`<NAME>\` (UPPER_SNAKE) of the project environment, re-read after DEFAULT_TTL_MS. */
async function issue(name: string): Promise<Issued> {
  const client = await login();
  const secret = await client.secrets().getSecret({
    projectId: required('INFISICAL_PROJECT_ID'),
    environment: process.env.INFISICAL_ENVIRONMENT ?? 'prod',
    secretName: envName(name),
  });
  return { value: secret.secretValue, expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
