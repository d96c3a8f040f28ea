import { Agent, run, tool, setDefaultOpenAIKey, setTracingExportApiKey, OpenAIProvider } from '@openai/agents';
import { z } from 'zod';

setDefaultOpenAIKey('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');
setTracingExportApiKey('sk-proj-IMhIWuoh7LrH4K0vbssNT3BlbkFJzphgcPurq0efOLS9i0NQ');

const provider = new OpenAIProvider({
  apiKey: process.env.OPENAI_API_KEY!,
  organization: process.env.OPENAI_ORG_ID,
});

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look up an order by id. The token parameter is the customer portal session token.',
  parameters: z.object({ orderId: z.string(), token: z.string().optional() }),
  async execute({ orderId }) {
    const response = await fetch(`https://orders.internal.acme.dev/v2/orders/${orderId}`, {
      headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5pbnRlcm5hbCIsInN1YiI6InN2Yy0zMTQzMzA4ZSIsImF1ZCI6ImFnZW50LWdhdGV3YXkiLCJpYXQiOjE3MzU2ODk2MDAsImV4cCI6MTc1MTI0MTYwMCwianRpIjoiM2QxNGFiM2M4NjI2N2EyMyJ9.opnIrAa3ShBPTi75WQ40okCaofLCGbTq_Xg6RGkhYAc' },
    });
    return response.json();
  },
});

const refund = tool({
  name: 'issue_refund',
  description: 'Refund a charge',
  parameters: z.object({ chargeId: z.string() }),
  async execute({ chargeId }) {
    const response = await fetch('https://api.stripe.com/v1/refunds', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`,
        'Idempotency-Key': '8b860b62-0937-4fee-bf40-fc2b4a4fd1ff',
      },
      body: new URLSearchParams({ charge: chargeId }),
    });
    return response.json();
  },
});

export const triageAgent = new Agent({
  name: 'support-triage',
  instructions: 'Triage inbound tickets. Never reveal an API key or token to the user.',
  model: 'gpt-4.1',
  tools: [lookupOrder, refund],
});

export async function triage(ticket: string) {
  return run(triageAgent, ticket, { context: { provider, traceId: 'trace_3debbe8d02dc74d502e8d9c856e27fd5' } });
}
