import { defineRule, OWASP } from '../rule';

export const privateKey = defineRule({
  id: 'secrets/private-key',
  description: 'A PEM/OpenSSH private key block is written into a file.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.NHI7],
});
