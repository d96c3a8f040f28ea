import { defineRule, OWASP } from '../rule';

export const providerKey = defineRule({
  id: 'secrets/provider-key',
  description: 'A live credential in a known provider format (OpenAI, Anthropic, AWS, GitHub, Slack, Stripe … 230+ formats), a signed JWT or a webhook URL that is itself a credential is written into a file.',
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.NHI7],
});
