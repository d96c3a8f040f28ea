import { defineRule, OWASP } from '../rule';

export const genericSecret = defineRule({
  id: 'secrets/generic-secret',
  description: 'A high-entropy value is assigned to a secret-like name (apiKey, clientSecret, password, Authorization header …) or passed to a known API client, or sits where a credential format puts one (.npmrc, .netrc, .pypirc, Docker config, URL query, auth header, curl -u, Kubernetes Secret).',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.NHI7],
});
