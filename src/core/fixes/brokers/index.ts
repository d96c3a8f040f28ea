import type { Broker } from '../../config';
import { awsSecretsManager } from './aws-secrets-manager';
import { awsSts } from './aws-sts';
import { azureKeyVault } from './azure-key-vault';
import { azureManagedIdentity } from './azure-managed-identity';
import { doppler } from './doppler';
import { env } from './env';
import { githubApp } from './github-app';
import { gcpSecretManager } from './gcp-secret-manager';
import { infisical } from './infisical';
import { oauthTokenExchange } from './oauth-token-exchange';
import { onePassword } from './onepassword';
import { renderModule, type BrokerTemplate } from './template';
import { vault } from './vault';

/** One template per broker in the configuration's `broker` enum, in the picker's order. */
export const BROKER_TEMPLATES: Record<Broker, BrokerTemplate> = {
  vault,
  'aws-sts': awsSts,
  'aws-secrets-manager': awsSecretsManager,
  'gcp-secret-manager': gcpSecretManager,
  'azure-key-vault': azureKeyVault,
  'azure-managed-identity': azureManagedIdentity,
  '1password': onePassword,
  infisical,
  doppler,
  'github-app': githubApp,
  'oauth-token-exchange': oauthTokenExchange,
  env,
};

/** The TypeScript source of the credentials module for a broker. */
export function credentialsModuleSource(broker: Broker): string {
  return renderModule(BROKER_TEMPLATES[broker]);
}

export type { BrokerTemplate } from './template';
export { JAVASCRIPT_MODULES } from './javascript';
