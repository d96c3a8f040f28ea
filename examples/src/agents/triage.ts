import { Agent, run, setDefaultOpenAIClient, tool } from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
import { searchTickets } from '../tools/tickets.js';

// Hardcoded key: anyone with the repository can use it, and it never expires.
const openai = new OpenAI({
  apiKey: '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',
});
setDefaultOpenAIClient(openai);

const searchTicketsTool = tool({
  name: 'search_tickets',
  description: 'Search the ticket system for tickets matching a query',
  parameters: z.object({ query: z.string() }),
  execute: async ({ query }) => searchTickets(query),
});

const assignTicket = tool({
  name: 'assign_ticket',
  description: 'Assign a ticket to a support queue',
  parameters: z.object({ ticketId: z.string(), queue: z.enum(['billing', 'technical', 'account']) }),
  execute: async ({ ticketId, queue }) => ({ ticketId, queue, assigned: true }),
});

export const triageAgent = new Agent({
  name: 'support-triage',
  instructions: 'Read new support tickets, find related tickets and route each one to the right queue.',
  model: 'gpt-4.1-mini',
  tools: [searchTicketsTool, assignTicket],
});

export async function triage(ticket: string) {
  const result = await run(triageAgent, ticket);
  return result.finalOutput;
}
