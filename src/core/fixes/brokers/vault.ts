import type { BrokerTemplate } from './template';

/** HashiCorp Vault over its HTTP API: token or AppRole login, KV v2 reads. No SDK needed. */
export const vault: BrokerTemplate = {
  id: 'vault',
  label: 'HashiCorp Vault',
  detail: 'KV v2 secrets over the HTTP API; VAULT_TOKEN or AppRole login',
  packages: [],
  environment: ['VAULT_ADDR', 'VAULT_TOKEN or VAULT_ROLE_ID + VAULT_SECRET_ID', 'VAULT_NAMESPACE (optional)', 'VAULT_KV_MOUNT (default secret)', 'VAULT_KV_PREFIX (default agents)'],
  imports: '',
  body: `
const { fetch: http } = globalThis;

let vaultToken: Issued | undefined;

async function vaultRequest(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers['X-Vault-Token'] = init.token;
  if (process.env.VAULT_NAMESPACE) headers['X-Vault-Namespace'] = process.env.VAULT_NAMESPACE;
  const address = required('VAULT_ADDR');
  const response = await http(\`\${address.endsWith('/') ? address.slice(0, -1) : address}/v1/\${path}\`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(\`credentials: Vault answered \${response.status} for \${path}\`);
  return response.json();
}

/** VAULT_TOKEN as given, or a token from an AppRole login, reused until its lease ends. */
async function login(): Promise<string> {
  if (process.env.VAULT_TOKEN) return process.env.VAULT_TOKEN;
  if (fresh(vaultToken)) return vaultToken.value;
  const answer = await vaultRequest('auth/approle/login', {
    method: 'POST',
    body: { role_id: required('VAULT_ROLE_ID'), secret_id: required('VAULT_SECRET_ID') },
  });
  vaultToken = { value: answer.auth.client_token, expiresAt: Date.now() + answer.auth.lease_duration * 1000 };
  return vaultToken.value;
}

/** Reads \`<mount>/data/<prefix>/<name>\` (KV v2) and returns its \`value\` field. */
async function issue(name: string): Promise<Issued> {
  const mount = process.env.VAULT_KV_MOUNT ?? 'secret';
  const prefix = process.env.VAULT_KV_PREFIX ?? 'agents';
  const answer = await vaultRequest(\`\${mount}/data/\${prefix}/\${name}\`, { token: await login() });
  const value = answer?.data?.data?.value;
  if (typeof value !== 'string') throw new Error(\`credentials: \${mount}/\${prefix}/\${name} has no "value" field\`);
  const lease = Number(answer.lease_duration) || 0;
  return { value, expiresAt: Date.now() + (lease > 0 ? lease * 1000 : DEFAULT_TTL_MS) };
}`,
};
