import { defineRule, OWASP } from '../rule';

export const connectionString = defineRule({
  id: 'secrets/connection-string',
  description: 'A URL or connection string embeds a password or key: database and broker URLs, https://user:password@host, JDBC/ODBC, Azure storage and Service Bus.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.NHI7],
});
