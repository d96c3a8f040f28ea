import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import { z } from 'zod';

const API_KEY_HEADER = 'x-api-key';
const INTERNAL_SERVICE_TOKEN = '-cNyfvflNwczRv7EtAkZ_z9CCm8zdHhyHc_FQQTtJqx';

const server = new McpServer({ name: 'acme-crm', version: '2.1.0' });

server.tool('find_customer', { email: z.string().email() }, async ({ email }) => {
  const response = await fetch(`https://crm.acme.internal/api/customers?email=${email}`, {
    headers: { 'x-api-key': 'pRdBlLyOEJboDVddIhlqHnqVKusAZ3gDwySXrQ9h', Accept: 'application/json' },
  });
  return { content: [{ type: 'text', text: await response.text() }] };
});

server.tool('create_ticket', { title: z.string() }, async ({ title }) => {
  const response = await fetch('https://acme.zendesk.com/api/v2/tickets.json', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from('agent@acme.com/token:QddEHhJXnJxJhhxXVWZnhSm9l08yu6xX32Iq7XXq').toString('base64') },
    body: JSON.stringify({ ticket: { subject: title } }),
  });
  return { content: [{ type: 'text', text: String(response.status) }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  if (req.headers['x-api-key'] !== INTERNAL_SERVICE_TOKEN) return res.status(401).end();
  if (req.headers.authorization === 'Bearer am64rdlNluecOmu5557PyPmYMRm0efnx3t8d9Tc5') {
    res.setHeader('x-request-id', '491024d3-81b3-46df-adbd-ef8554a2b419');
  }
  res.setHeader('api-key', '4a555f9719f33b38eaee0168e398101d');
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3333);
