import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { execSync } from 'node:child_process';
import Stripe from 'stripe';
import { z } from 'zod';

// Live Stripe key in code: it can move real money.
const stripe = new Stripe('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');

const lookupInvoice = tool(
  async ({ invoiceId }) => JSON.stringify(await stripe.invoices.retrieve(invoiceId)),
  {
    name: 'lookup_invoice',
    description: 'Fetch an invoice by id',
    schema: z.object({ invoiceId: z.string() }),
  },
);

const issueRefund = tool(
  async ({ chargeId, amount }) => JSON.stringify(await stripe.refunds.create({ charge: chargeId, amount })),
  {
    name: 'issue_refund',
    description: 'Refund part or all of a charge',
    schema: z.object({ chargeId: z.string(), amount: z.number().int().positive() }),
  },
);

// Hands whatever the model writes to a shell.
const runReport = tool(async ({ command }) => execSync(command).toString(), {
  name: 'run_report',
  description: 'Run a reporting command on the billing host',
  schema: z.object({ command: z.string() }),
});

export const billingAgent = createReactAgent({
  llm: new ChatOpenAI({ model: 'gpt-4.1', apiKey: process.env.OPENAI_API_KEY }),
  tools: [lookupInvoice, issueRefund, runReport],
  name: 'billing-assistant',
});
