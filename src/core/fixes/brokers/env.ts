import type { BrokerTemplate } from './template';

/** Plain environment variables, injected by the deployment (a first step: the value still lives as long as the process). */
export const env: BrokerTemplate = {
  id: 'env',
  label: 'Environment variables',
  detail: 'process.env, set by the deployment or a secrets manager that injects variables',
  packages: [],
  environment: ['<NAME> for each credential (openai-api-key → OPENAI_API_KEY)'],
  imports: '',
  body: `
/** \`openai-api-key\` is read from OPENAI_API_KEY, at each call after DEFAULT_TTL_MS. */
async function issue(name: string): Promise<Issued> {
  return { value: required(envName(name)), expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
