import type { BrokerTemplate } from './template';

/** GitHub App installation access tokens (valid one hour) instead of personal access tokens. */
export const githubApp: BrokerTemplate = {
  id: 'github-app',
  label: 'GitHub App',
  detail: 'Installation access tokens from @octokit/auth-app (1 hour)',
  packages: ['@octokit/auth-app'],
  environment: ['GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID'],
  imports: `import { createAppAuth } from '@octokit/auth-app';`,
  body: `
let appAuth: ReturnType<typeof createAppAuth> | undefined;

/**
 * Every credential name resolves to an installation access token of the app: a GitHub App issues GitHub tokens
 * only. Keep other providers' keys in another broker.
 */
async function issue(name: string): Promise<Issued> {
  appAuth ??= createAppAuth({
    appId: required('GITHUB_APP_ID'),
    privateKey: required('GITHUB_APP_PRIVATE_KEY').replace(/\\\\n/g, '\\n'),
    installationId: required('GITHUB_APP_INSTALLATION_ID'),
  });
  const token = await appAuth({ type: 'installation' });
  if (!token.token) throw new Error(\`credentials: no installation token for \${name}\`);
  return { value: token.token, expiresAt: Date.parse(token.expiresAt) };
}`,
};
