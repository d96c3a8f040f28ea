import type { BrokerTemplate } from './template';

/** Google Cloud Secret Manager with Application Default Credentials (the workload's service account). */
export const gcpSecretManager: BrokerTemplate = {
  id: 'gcp-secret-manager',
  label: 'Google Cloud Secret Manager',
  detail: 'accessSecretVersion with Application Default Credentials',
  packages: ['@google-cloud/secret-manager'],
  environment: ['GOOGLE_CLOUD_PROJECT'],
  imports: `import { SecretManagerServiceClient } from '@google-cloud/secret-manager';`,
  body: `
const secretManager = new SecretManagerServiceClient();

/** \`projects/<project>/secrets/<name>/versions/latest\`; re-read after DEFAULT_TTL_MS to follow rotations. */
async function issue(name: string): Promise<Issued> {
  const [version] = await secretManager.accessSecretVersion({
    name: \`projects/\${required('GOOGLE_CLOUD_PROJECT')}/secrets/\${name}/versions/latest\`,
  });
  const data = version.payload?.data;
  if (data === null || data === undefined) throw new Error(\`credentials: secret \${name} has no payload\`);
  const value = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  return { value, expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
