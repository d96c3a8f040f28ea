import { Octokit } from '@octokit/rest';
import { createAppAuth } from '@octokit/auth-app';
import { graphql } from '@octokit/graphql';

export const octokit = new Octokit({ auth: '⟦ghp⟧', userAgent: 'triage-bot/1.0' }); ⟪+ key:github Octokit auth (classic PAT)⟫
export const fineGrained = new Octokit({ auth: '⟦github-pat⟧' }); ⟪+ key:github-fine-grained fine-grained PAT⟫
export const oauthUser = new Octokit({ auth: `token ⟦gho⟧` }); ⟪+ key:github/gho OAuth token with scheme⟫
export const installation = new Octokit({ auth: '⟦ghs⟧' }); ⟪+ key:github/ghs installation token⟫
const userToServer = '⟦ghu⟧'; ⟪+ key:github/ghu user-to-server token in a constant⟫
const refreshToken = '⟦ghr⟧'; ⟪+ key:github/ghr refresh token⟫

export const appOctokit = new Octokit({
  authStrategy: createAppAuth,
  auth: {
    appId: 1048576,
    clientId: '⟦github-client-id⟧', ⟪- non-secret-id GitHub App client id⟫
    clientSecret: '⟦github-client-secret⟧', ⟪+ generic:client-secret GitHub App client secret (40 hex)⟫
    privateKey: process.env.GITHUB_APP_PRIVATE_KEY, ⟪- env-read env read⟫
    installationId: 52839104,
  },
});

export const graphqlWithAuth = graphql.defaults({
  headers: { authorization: 'token ⟦ghp⟧' }, ⟪+ key:github PAT in graphql authorization header⟫
});

// Fixtures: values shaped like tokens that GitHub never issued (their checksum does not match).
export const FIXTURE_TOKEN = '⟦ghp-bad⟧'; ⟪- bad-checksum ghp_ look-alike with a wrong CRC32⟫
export const FIXTURE_OAUTH = '⟦gho-bad⟧'; ⟪- bad-checksum gho_ look-alike with a wrong CRC32⟫
export const PLACEHOLDER = 'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'; ⟪- placeholder ghp_XXXX…⟫
export const DOCS_TOKEN = 'ghp_<your-token>'; ⟪- placeholder ghp_<your-token>⟫
export const publicClient = new Octokit({ auth: process.env.GITHUB_TOKEN }); ⟪- env-read env read⟫
const envName = 'GITHUB_TOKEN'; ⟪- env-var-name env var name as a string⟫

export async function latestCommit(owner: string, repo: string) {
  const { data } = await octokit.repos.getCommit({ owner, repo, ref: '⟦git-sha⟧' }); ⟪- hash git commit SHA⟫
  const baseSha = '⟦git-sha⟧'; ⟪- hash git SHA constant⟫
  const treeSha = data.commit.tree.sha ?? '⟦git-sha⟧'; ⟪- hash git tree SHA fallback⟫
  return { sha: data.sha, baseSha, treeSha, envName, userToServer, refreshToken };
}

export const webhookSecret = '⟦alnum40⟧'; ⟪+ generic:webhook-secret GitHub webhook secret⟫
export const deliveryId = '⟦uuid⟧'; ⟪- uuid webhook delivery id⟫
