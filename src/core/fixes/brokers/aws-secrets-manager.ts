import type { BrokerTemplate } from './template';

/** AWS Secrets Manager with the default credential provider chain (the workload's role). */
export const awsSecretsManager: BrokerTemplate = {
  id: 'aws-secrets-manager',
  label: 'AWS Secrets Manager',
  detail: 'GetSecretValue with the workload role (default provider chain)',
  packages: ['@aws-sdk/client-secrets-manager'],
  environment: ['AWS_REGION', 'AGENT_SECRET_PREFIX (optional)'],
  imports: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';`,
  body: `
const secretsManager = new SecretsManagerClient({});

/** The secret \`<prefix><name>\`; re-read after DEFAULT_TTL_MS so that rotations are picked up. */
async function issue(name: string): Promise<Issued> {
  const answer = await secretsManager.send(new GetSecretValueCommand({ SecretId: \`\${process.env.AGENT_SECRET_PREFIX ?? ''}\${name}\` }));
  if (answer.SecretString === undefined) throw new Error(\`credentials: secret \${name} has no string value\`);
  return { value: answer.SecretString, expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
