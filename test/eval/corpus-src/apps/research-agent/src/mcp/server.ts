import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import { z } from 'zod';

const API_KEY_HEADER = 'x-api-key'; ⟪- benign-name header name as a value⟫
const INTERNAL_SERVICE_TOKEN = '⟦urlsafe43⟧'; ⟪+ generic:service-token shared service token constant⟫

const server = new McpServer({ name: 'acme-crm', version: '2.1.0' });

server.tool('find_customer', { email: z.string().email() }, async ({ email }) => {
  const response = await fetch(`https://crm.acme.internal/api/customers?email=${email}`, {
    headers: { 'x-api-key': '⟦alnum40⟧', Accept: 'application/json' }, ⟪+ generic:x-api-key x-api-key header⟫
  });
  return { content: [{ type: 'text', text: await response.text() }] };
});

server.tool('create_ticket', { title: z.string() }, async ({ title }) => {
  const response = await fetch('https://acme.zendesk.com/api/v2/tickets.json', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from('agent@acme.com/token:⟦alnum40⟧').toString('base64') }, ⟪+ generic:zendesk Zendesk API token in Basic auth material⟫
    body: JSON.stringify({ ticket: { subject: title } }),
  });
  return { content: [{ type: 'text', text: String(response.status) }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  if (req.headers['x-api-key'] !== INTERNAL_SERVICE_TOKEN) return res.status(401).end();
  if (req.headers.authorization === 'Bearer ⟦alnum40⟧') { ⟪+ generic:bearer hardcoded bearer compared to the request⟫
    res.setHeader('x-request-id', '⟦uuid⟧'); ⟪- uuid request id header⟫
  }
  res.setHeader('api-key', '⟦azure-openai⟧'); ⟪+ generic:azure-openai api-key header set on a response⟫
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3333);
