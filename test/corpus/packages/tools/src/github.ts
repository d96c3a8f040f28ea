import { Octokit } from '@octokit/rest';
import { createAppAuth } from '@octokit/auth-app';
import { graphql } from '@octokit/graphql';

export const octokit = new Octokit({ auth: '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', userAgent: 'triage-bot/1.0' });
export const fineGrained = new Octokit({ auth: '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' });
export const oauthUser = new Octokit({ auth: `token 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` });
export const installation = new Octokit({ auth: 'ghs_o74oxRhXYmgDdWeT2Oh3CA4goDqjPf4WUuWP' });
const userToServer = 'ghu_3Zap5IWpWJcjA1LP6pBD4vaNTvPuOK4dYyIu';
const refreshToken = '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';

export const appOctokit = new Octokit({
  authStrategy: createAppAuth,
  auth: {
    appId: 1048576,
    clientId: 'Iv1.8392e5dd7fa0ea3a',
    clientSecret: '87d6fe62daaa2aa43319aaac90d8268d1c086eaf',
    privateKey: process.env.GITHUB_APP_PRIVATE_KEY,
    installationId: 52839104,
  },
});

export const graphqlWithAuth = graphql.defaults({
  headers: { authorization: 'token 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' },
});

// Fixtures: values shaped like tokens that GitHub never issued (their checksum does not match).
export const FIXTURE_TOKEN = 'ghp_HVlQ9iv9pCHkk1UFAfDfbViLkiKUNKs1jDFZ';
export const FIXTURE_OAUTH = 'gho_FWCjwz0KsYz54CNVgyyOeTCvX8w0HPquAh8Z';
export const PLACEHOLDER = 'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';
export const DOCS_TOKEN = 'ghp_<your-token>';
export const publicClient = new Octokit({ auth: process.env.GITHUB_TOKEN });
const envName = 'GITHUB_TOKEN';

export async function latestCommit(owner: string, repo: string) {
  const { data } = await octokit.repos.getCommit({ owner, repo, ref: '4a36cb35b4a4a75b0ef8bcea34d2fdbe27be693b' });
  const baseSha = '9027fd244f836dcb1392b95e3d2ee85e64713adb';
  const treeSha = data.commit.tree.sha ?? 'cc878441c31333d35626972bfb32db9be2028b45';
  return { sha: data.sha, baseSha, treeSha, envName, userToServer, refreshToken };
}

export const webhookSecret = 'JxGutH68oakFErCPsw5KUaS8h7WIWK9rf9WYs8Gb';
export const deliveryId = '7bd21cc3-26a6-4440-85d5-86b77954b2fa';
