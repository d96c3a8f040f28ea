import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

export const github = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github'],
  env: {
    GITHUB_PERSONAL_ACCESS_TOKEN: '⟦ghp⟧', ⟪+ key:github classic PAT in MCP server env⟫
    PATH: process.env.PATH ?? '/usr/bin', ⟪- path PATH fallback⟫
  },
});

export const gitlab = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-gitlab'],
  env: { GITLAB_PERSONAL_ACCESS_TOKEN: '⟦gitlab⟧', GITLAB_API_URL: 'https://gitlab.acme.dev/api/v4' }, ⟪+ key:gitlab GitLab PAT in MCP env⟫
});

export const brave = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-brave-search'],
  env: { BRAVE_API_KEY: '⟦alnum32⟧' }, ⟪+ generic:brave Brave Search key (no prefix)⟫
});

export const postgresServer = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://readonly:⟦db-password⟧@warehouse.acme.internal:5432/analytics'], ⟪+ conn:postgres connection string in MCP args⟫
});

export const remote = new StreamableHTTPClientTransport(new URL('https://mcp.linear.app/mcp'), {
  requestInit: { headers: { Authorization: 'Bearer ⟦linear⟧' } }, ⟪+ key:linear Linear key in MCP request headers⟫
});

export const sentry = new SSEClientTransport(new URL('https://mcp.sentry.dev/sse'), {
  requestInit: { headers: { Authorization: `Bearer ⟦sentry⟧` } }, ⟪+ generic:sentry Sentry auth token⟫
});


export const safe = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github'],
  env: { GITHUB_PERSONAL_ACCESS_TOKEN: process.env.GITHUB_TOKEN ?? '' }, ⟪- env-read env read⟫
});

export const client = new Client({ name: 'research-agent', version: '1.4.0' });
await client.connect(github);
