import type { BrokerTemplate } from './template';

/** Microsoft Entra ID access tokens for the workload's managed identity: no stored secret at all. */
export const azureManagedIdentity: BrokerTemplate = {
  id: 'azure-managed-identity',
  label: 'Azure Managed Identity',
  detail: 'Entra ID access tokens from ManagedIdentityCredential.getToken',
  packages: ['@azure/identity'],
  environment: ['AZURE_CLIENT_ID (user-assigned identity, optional)', 'AZURE_SCOPE_<NAME> (scope per credential)'],
  imports: `import { ManagedIdentityCredential } from '@azure/identity';`,
  body: `
/** Scopes for well-known credential names; any other name reads AZURE_SCOPE_<NAME>. */
const SCOPES: Record<string, string> = {
  'azure-openai-api-key': 'https://cognitiveservices.azure.com/.default',
  'openai-api-key': 'https://cognitiveservices.azure.com/.default',
};

const identity = process.env.AZURE_CLIENT_ID ? new ManagedIdentityCredential(process.env.AZURE_CLIENT_ID) : new ManagedIdentityCredential();

/** An access token for the credential's scope, kept until the token expires. */
async function issue(name: string): Promise<Issued> {
  const scope = SCOPES[name] ?? required(\`AZURE_SCOPE_\${envName(name)}\`);
  const token = await identity.getToken(scope);
  if (!token) throw new Error(\`credentials: no managed identity token for \${scope}\`);
  return { value: token.token, expiresAt: token.expiresOnTimestamp };
}`,
};
