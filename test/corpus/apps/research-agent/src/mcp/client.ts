import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

export const github = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github'],
  env: {
    GITHUB_PERSONAL_ACCESS_TOKEN: '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',
    PATH: process.env.PATH ?? '/usr/bin',
  },
});

export const gitlab = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-gitlab'],
  env: { GITLAB_PERSONAL_ACCESS_TOKEN: 'glpat-1oplbsChWX4qvlkK3Wo3', GITLAB_API_URL: 'https://gitlab.acme.dev/api/v4' },
});

export const brave = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-brave-search'],
  env: { BRAVE_API_KEY: 'qS1yXjoBh0bqwntqU4BUIgInmwVLM62F' },
});

export const postgresServer = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://readonly:ZWavQRJrbYGihIKjz6n457WB@warehouse.acme.internal:5432/analytics'],
});

export const remote = new StreamableHTTPClientTransport(new URL('https://mcp.linear.app/mcp'), {
  requestInit: { headers: { Authorization: 'Bearer lin_api_DNO11Ctvk13zCWGlPaBw9fAjYDi5hfft1xUCEi1I' } },
});

export const sentry = new SSEClientTransport(new URL('https://mcp.sentry.dev/sse'), {
  requestInit: { headers: { Authorization: `Bearer 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` } },
});


export const safe = new StdioClientTransport({
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github'],
  env: { GITHUB_PERSONAL_ACCESS_TOKEN: process.env.GITHUB_TOKEN ?? '' },
});

export const client = new Client({ name: 'research-agent', version: '1.4.0' });
await client.connect(github);
