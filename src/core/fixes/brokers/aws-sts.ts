import type { BrokerTemplate } from './template';

/** AWS STS AssumeRole (15-minute role credentials), used to read the secret from AWS Secrets Manager. */
export const awsSts: BrokerTemplate = {
  id: 'aws-sts',
  label: 'AWS STS',
  detail: 'Assume the agent role for 15 minutes (fromTemporaryCredentials), read secrets with that role',
  packages: ['@aws-sdk/credential-providers', '@aws-sdk/client-secrets-manager'],
  environment: ['AGENT_ROLE_ARN', 'AWS_REGION', 'AGENT_SECRET_PREFIX (optional)'],
  imports: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';`,
  body: `
const ROLE_SESSION_SECONDS = 900;

/** Temporary credentials of the agent's own role; the SDK refreshes them before they expire. */
export const awsCredentials = fromTemporaryCredentials({
  params: { RoleArn: process.env.AGENT_ROLE_ARN, RoleSessionName: 'agent-credentials', DurationSeconds: ROLE_SESSION_SECONDS },
});

const secretsManager = new SecretsManagerClient({ credentials: awsCredentials });

/** The secret \`<prefix><name>\`, read with the role's temporary credentials and kept no longer than they live. */
async function issue(name: string): Promise<Issued> {
  const session = await awsCredentials();
  const answer = await secretsManager.send(new GetSecretValueCommand({ SecretId: \`\${process.env.AGENT_SECRET_PREFIX ?? ''}\${name}\` }));
  if (answer.SecretString === undefined) throw new Error(\`credentials: secret \${name} has no string value\`);
  const sessionEnd = session.expiration?.getTime() ?? Date.now() + ROLE_SESSION_SECONDS * 1000;
  return { value: answer.SecretString, expiresAt: Math.min(sessionEnd, Date.now() + DEFAULT_TTL_MS) };
}`,
};
