import type { BrokerTemplate } from './template';

/** Azure Key Vault secrets, authenticated with DefaultAzureCredential (managed identity in Azure). */
export const azureKeyVault: BrokerTemplate = {
  id: 'azure-key-vault',
  label: 'Azure Key Vault',
  detail: 'SecretClient.getSecret with DefaultAzureCredential',
  packages: ['@azure/identity', '@azure/keyvault-secrets'],
  environment: ['AZURE_KEY_VAULT_URL'],
  imports: `import { DefaultAzureCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';`,
  body: `
let client: SecretClient | undefined;

/** The latest version of secret \`name\`, kept until its own expiry or DEFAULT_TTL_MS, whichever comes first. */
async function issue(name: string): Promise<Issued> {
  client ??= new SecretClient(required('AZURE_KEY_VAULT_URL'), new DefaultAzureCredential());
  const secret = await client.getSecret(name);
  if (secret.value === undefined) throw new Error(\`credentials: secret \${name} has no value\`);
  const expiresOn = secret.properties.expiresOn?.getTime() ?? Infinity;
  return { value: secret.value, expiresAt: Math.min(expiresOn, Date.now() + DEFAULT_TTL_MS) };
}`,
};
