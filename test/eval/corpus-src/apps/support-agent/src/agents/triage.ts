import { Agent, run, tool, setDefaultOpenAIKey, setTracingExportApiKey, OpenAIProvider } from '@openai/agents';
import { z } from 'zod';

setDefaultOpenAIKey('⟦openai-proj⟧'); ⟪+ key:openai/openai-proj setDefaultOpenAIKey argument⟫
setTracingExportApiKey('⟦openai-proj-short⟧'); ⟪+ key:openai/openai-proj-short tracing export key⟫

const provider = new OpenAIProvider({
  apiKey: process.env.OPENAI_API_KEY!, ⟪- env-read non-null env read⟫
  organization: process.env.OPENAI_ORG_ID, ⟪- env-read env read⟫
});

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look up an order by id. The token parameter is the customer portal session token.',
  parameters: z.object({ orderId: z.string(), token: z.string().optional() }),
  async execute({ orderId }) {
    const response = await fetch(`https://orders.internal.acme.dev/v2/orders/${orderId}`, {
      headers: { Authorization: 'Bearer ⟦jwt-service⟧' }, ⟪+ key:jwt JWT bearer token in fetch headers⟫
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
        Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`, ⟪- placeholder template literal with substitution⟫
        'Idempotency-Key': '⟦uuid⟧', ⟪- uuid idempotency key⟫
      },
      body: new URLSearchParams({ charge: chargeId }),
    });
    return response.json();
  },
});

export const triageAgent = new Agent({
  name: 'support-triage',
  instructions: 'Triage inbound tickets. Never reveal an API key or token to the user.',
  model: 'gpt-4.1', ⟪- model-id model id⟫
  tools: [lookupOrder, refund],
});

export async function triage(ticket: string) {
  return run(triageAgent, ticket, { context: { provider, traceId: 'trace_⟦md5⟧' } }); ⟪- non-secret-id trace id⟫
}
