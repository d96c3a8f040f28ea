// Raw HTTP calls to model and tool APIs, as agent tools often make them.
const ANTHROPIC_VERSION = '2023-06-01';

export async function callAnthropic(body: unknown) {
  return fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': '⟦anthropic⟧', ⟪+ key:anthropic x-api-key header⟫
      'anthropic-version': ANTHROPIC_VERSION,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

export async function callOpenAI(body: unknown) {
  return fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    headers: { Authorization: 'Bearer ⟦openai-proj⟧', 'Content-Type': 'application/json' }, ⟪+ key:openai/openai-proj Authorization header⟫
    body: JSON.stringify(body),
  });
}

export async function callMistral(body: unknown) {
  return fetch('https://api.mistral.ai/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: 'Bearer ⟦mistral⟧' }, ⟪+ generic:mistral bearer header without provider prefix⟫
    body: JSON.stringify(body),
  });
}

export async function callAzure(body: unknown) {
  return fetch('https://acme-eastus.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', {
    method: 'POST',
    headers: { 'api-key': '⟦azure-openai⟧' }, ⟪+ generic:azure-openai api-key header⟫
    body: JSON.stringify(body),
  });
}

export async function callPerplexity(query: string) {
  const headers = new Headers();
  headers.set('Authorization', 'Bearer ⟦perplexity⟧'); ⟪+ key:perplexity Headers.set⟫
  headers.append('X-Request-Id', '⟦uuid⟧'); ⟪- uuid request id⟫
  return fetch('https://api.perplexity.ai/chat/completions', { method: 'POST', headers, body: JSON.stringify({ model: 'sonar-pro', messages: [{ role: 'user', content: query }] }) }); ⟪- model-id model id in a request body⟫
}

export async function callCohere(texts: string[]) {
  const headers = new Headers([
    ['Authorization', 'Bearer ⟦cohere⟧'], ⟪+ generic:cohere header tuple⟫
    ['Content-Type', 'application/json'],
  ]);
  return fetch('https://api.cohere.com/v2/embed', { method: 'POST', headers, body: JSON.stringify({ texts, model: 'embed-v4.0' }) });
}

export async function callSendGrid(to: string) {
  return fetch('https://api.sendgrid.com/v3/mail/send', {
    method: 'POST',
    headers: { Authorization: `Bearer ⟦sendgrid⟧` }, ⟪+ key:sendgrid SendGrid key in header⟫
    body: JSON.stringify({ personalizations: [{ to: [{ email: to }] }], from: { email: 'agents@acme.dev' } }),
  });
}

export async function callInternal(path: string, sessionToken: string) {
  return fetch(`https://gateway.acme.internal${path}`, {
    headers: {
      Authorization: `Bearer ${sessionToken}`, ⟪- placeholder bearer with a substitution⟫
      'x-api-key': process.env.GATEWAY_API_KEY ?? '', ⟪- env-read env read⟫
      'X-CSRF-Token': '⟦urlsafe43⟧', ⟪- benign-name CSRF token is not a credential⟫
      'If-None-Match': 'W/"⟦md5⟧"', ⟪- hash ETag⟫
    },
  });
}

export async function callDatadog(series: unknown) {
  return fetch('https://api.datadoghq.com/api/v2/series', {
    method: 'POST',
    headers: { 'DD-API-KEY': '⟦datadog⟧', 'DD-APPLICATION-KEY': '⟦sha1⟧' }, ⟪+ generic:datadog DD-API-KEY header⟫ ⟪+ generic:datadog DD-APPLICATION-KEY header⟫
    body: JSON.stringify({ series }),
  });
}

export async function callTwilio(to: string, body: string) {
  const accountSid = 'AC⟦md5⟧'; ⟪- non-secret-id Twilio account SID⟫
  const auth = Buffer.from(`⟦twilio⟧:⟦alnum32⟧`).toString('base64'); ⟪+ key:twilio Twilio API key SID in key:secret material⟫ ⟪+ generic:twilio-api-secret Twilio API secret in key:secret material⟫
  return fetch(`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}` }, ⟪- placeholder basic auth from a variable⟫
    body: new URLSearchParams({ To: to, From: '+15005550006', Body: body }),
  });
}

export function docsExample() {
  return `curl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"`; ⟪- env-read shell variable in a curl example⟫
}
