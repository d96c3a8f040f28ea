import type { BrokerTemplate } from './template';

/** 1Password secret references (`op://vault/item/field`) resolved by the 1Password SDK with a service account. */
export const onePassword: BrokerTemplate = {
  id: '1password',
  label: '1Password',
  detail: 'op:// references resolved by @1password/sdk with a service account token',
  packages: ['@1password/sdk'],
  environment: ['OP_SERVICE_ACCOUNT_TOKEN', 'OP_VAULT (default agents)'],
  imports: `import { createClient, type Client } from '@1password/sdk';`,
  body: `
let client: Promise<Client> | undefined;

/** \`op://<vault>/<name>/credential\`, re-resolved after DEFAULT_TTL_MS to follow rotations. */
async function issue(name: string): Promise<Issued> {
  client ??= createClient({
    auth: required('OP_SERVICE_ACCOUNT_TOKEN'),
    integrationName: 'Agent credentials',
    integrationVersion: '1.0.0',
  });
  const value = await (await client).secrets.resolve(\`op://\${process.env.OP_VAULT ?? 'agents'}/\${name}/credential\`);
  return { value, expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
