import { defineRule, OWASP } from '../rule';

export const connectionString = defineRule({
  id: 'secrets/connection-string',
  description: 'A database or broker connection string embeds a password.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.NHI7],
});
