// Raw HTTP calls to model and tool APIs, as agent tools often make them.
const ANTHROPIC_VERSION = '2023-06-01';

export async function callAnthropic(body: unknown) {
  return fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': 'sk-ant-api03-OMjean4JRdIEZagW8Om3VN6sKGUMG2h1rc6Jx3myKUySHBySFxSkRvPFV7CjgShwxgpTD9NOeDQRJgMzshf8vlq0EhxewAA',
      'anthropic-version': ANTHROPIC_VERSION,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

export async function callOpenAI(body: unknown) {
  return fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    headers: { Authorization: 'Bearer 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', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function callMistral(body: unknown) {
  return fetch('https://api.mistral.ai/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: 'Bearer 0HdmHGmrwBWFfyHPoxnpRZeQ8QaF5UiF' },
    body: JSON.stringify(body),
  });
}

export async function callAzure(body: unknown) {
  return fetch('https://acme-eastus.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', {
    method: 'POST',
    headers: { 'api-key': '31a3e0658dba350f40081b6e22365c4f' },
    body: JSON.stringify(body),
  });
}

export async function callPerplexity(query: string) {
  const headers = new Headers();
  headers.set('Authorization', 'Bearer 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');
  headers.append('X-Request-Id', 'a1e9d6ce-95ac-4cce-b3ef-0dcb69dac23c');
  return fetch('https://api.perplexity.ai/chat/completions', { method: 'POST', headers, body: JSON.stringify({ model: 'sonar-pro', messages: [{ role: 'user', content: query }] }) });
}

export async function callCohere(texts: string[]) {
  const headers = new Headers([
    ['Authorization', 'Bearer QMrkBO15s0v8xRfANEREACR24RLAnw9yrSvTcSDD'],
    ['Content-Type', 'application/json'],
  ]);
  return fetch('https://api.cohere.com/v2/embed', { method: 'POST', headers, body: JSON.stringify({ texts, model: 'embed-v4.0' }) });
}

export async function callSendGrid(to: string) {
  return fetch('https://api.sendgrid.com/v3/mail/send', {
    method: 'POST',
    headers: { Authorization: `Bearer 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` },
    body: JSON.stringify({ personalizations: [{ to: [{ email: to }] }], from: { email: 'agents@acme.dev' } }),
  });
}

export async function callInternal(path: string, sessionToken: string) {
  return fetch(`https://gateway.acme.internal${path}`, {
    headers: {
      Authorization: `Bearer ${sessionToken}`,
      'x-api-key': process.env.GATEWAY_API_KEY ?? '',
      'X-CSRF-Token': '3Q1oAkcKNXVK4YI7CEV2dMXPAHGdFeE002E_rLUDXhe',
      'If-None-Match': 'W/"0258a3aacc42b3d12a9cb8051178b38b"',
    },
  });
}

export async function callDatadog(series: unknown) {
  return fetch('https://api.datadoghq.com/api/v2/series', {
    method: 'POST',
    headers: { 'DD-API-KEY': 'c9a39113ae7862c37dbdfe0baaf0d7de', 'DD-APPLICATION-KEY': 'aff37ae18647b92d83085f23d0346dbc5d0f82d9' },
    body: JSON.stringify({ series }),
  });
}

export async function callTwilio(to: string, body: string) {
  const accountSid = 'AC70d098815eeb71303cddafba2679cfc4';
  const auth = Buffer.from(`SK0569bcd542ab29adadd72c97d7bb888b:Niz9zdONWmcEo2UcCKWqiinirUOVirDb`).toString('base64');
  return fetch(`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}` },
    body: new URLSearchParams({ To: to, From: '+15005550006', Body: body }),
  });
}

export function docsExample() {
  return `curl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"`;
}
