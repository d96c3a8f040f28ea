import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { riskOf } from '../../src/core/code/risk';
import { defaultConfig } from '../../src/core/config';
import { fixesFor } from '../../src/core/fixes';
import { applyEdits } from '../../src/core/fixes/text';
import { buildInventory } from '../../src/core/inventory';
import type { Finding } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/core/workspace';
import { rmSync } from 'node:fs';
import { describe1, makeTempDir, runCli, writeTree } from '../helpers';

/*
 * Run-time decisions enforced in code (issue 12, parts 3 and 4): grants/unenforced-decision (a manifest's challenge
 * or deny against the code), grants/unapproved-high-risk-tool (agents without a manifest), approval options of every
 * framework, Mastra tools linked by record key or id, and what the inventory says per tool.
 */

const UNENFORCED = 'grants/unenforced-decision';
const UNAPPROVED = 'grants/unapproved-high-risk-tool';
const UNDECLARED = 'grants/undeclared-tool';
const NOW = new Date('2026-11-23T12:00:00Z');

function workspace(files: Record<string, string>): { index: WorkspaceIndex; findings: Finding[] } {
  const index = new WorkspaceIndex();
  const findings: Finding[] = [];
  for (const [path, text] of Object.entries(files)) {
    const analysis = analyzeFile({ path, text }, defaultConfig(), { now: NOW });
    index.set(path, analysis.facts, analysis.suppressions);
    findings.push(...analysis.findings);
  }
  findings.push(...index.allFindings(defaultConfig()));
  return { index, findings };
}

function expectCrossFile(files: Record<string, string>, rules: string[], expected: [string, string, string][]): Finding[] {
  const { findings } = workspace(files);
  const selected = findings.filter((finding) => rules.includes(finding.ruleId)).sort((a, b) => a.file.localeCompare(b.file) || a.startOffset - b.startOffset);
  assert.deepStrictEqual(selected.map((finding) => [finding.file, describe1(finding), files[finding.file]!.slice(finding.startOffset, finding.endOffset)]), expected);
  return selected;
}

const REFUNDS = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Looks up an order by id.',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => ({ orderId, status: 'shipped' }),
});

const issueRefund = tool({
  name: 'issue_refund',
  description: 'Refunds an order in full.',
  parameters: z.object({ orderId: z.string(), reason: z.string() }),
  execute: async ({ orderId }) => ({ refunded: orderId }),
});

const closeAccount = tool({
  name: 'close_account',
  description: 'Closes the customer account.',
  parameters: z.object({ customerId: z.string() }),
  needsApproval: true,
  execute: async ({ customerId }) => ({ closed: customerId }),
});

const deleteCustomer = tool({
  name: 'delete_customer',
  description: 'Deletes the customer record.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ({ deleted: customerId }),
});

export const refundsAgent = new Agent({
  name: 'refunds',
  instructions: 'Help customers with refunds.',
  tools: [lookupOrder, issueRefund, closeAccount, deleteCustomer],
});
`;
const REFUNDS_MANIFEST = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: refunds
  description: Handles refund requests
  owner: team:payments
  environment: production
  reviewBy: 2027-01-31
spec:
  entrypoint: refunds.ts
  tools:
    - name: lookup_order
      access: read
      decision: allow
    - name: issue_refund
      access: write
      decision: challenge
    - name: close_account
      access: delete
      decision: challenge
    - name: delete_customer
      access: delete
      decision: deny
`;
const HELPDESK = `import { generateText, tool, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';

export async function answer(question: string) {
  return generateText({
    model: openai('gpt-4.1'),
    prompt: question,
    stopWhen: stepCountIs(5),
    tools: {
      searchKb: tool({ description: 'Searches the knowledge base.', inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => [q] }),
      sendEmail: tool({ description: 'Sends an email to a customer.', inputSchema: z.object({ to: z.string(), body: z.string() }), execute: async () => 'sent' }),
      executeSql: tool({ description: 'Runs SQL.', inputSchema: z.object({ sql: z.string() }), needsApproval: true, execute: async () => [] }),
      dropTable: { description: 'Drops a table.', inputSchema: z.object({ table: z.string() }), execute: async () => 'dropped' },
      postToSlack: tool({ description: 'Posts a message to Slack; the app confirms it with the user.', inputSchema: z.object({ text: z.string() }) }),
    },
  });
}
`;
const BILLING = `import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

export const lookupInvoice = createTool({
  id: 'lookup_invoice',
  description: 'Looks up an invoice by number.',
  inputSchema: z.object({ number: z.string() }),
  execute: async ({ context }) => ({ number: context.number, total: 120 }),
});

export const issueRefund = createTool({
  id: 'issue_refund',
  description: 'Refunds an invoice.',
  inputSchema: z.object({ number: z.string() }),
  execute: async ({ context }) => ({ refunded: context.number }),
});

export const billingAgent = new Agent({
  name: 'billing',
  instructions: 'Answer billing questions.',
  model: 'openai/gpt-4.1',
  tools: { lookupInvoice, issueRefund },
});
`;
const BILLING_MANIFEST = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: billing
  description: Answers billing questions
  owner: team:billing
  environment: staging
  reviewBy: 2027-01-31
spec:
  entrypoint: billing.ts
  tools:
    - name: lookup_invoice
      access: read
    - name: issue_refund
      access: write
      decision: challenge
`;
const OPS = `import { createAgent, humanInTheLoopMiddleware, tool } from 'langchain';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { interrupt } from '@langchain/langgraph';
import { z } from 'zod';

const deleteBranch = tool(async ({ branch }) => \`deleted \${branch}\`, {
  name: 'delete_branch',
  description: 'Deletes a git branch on the remote.',
  schema: z.object({ branch: z.string() }),
});

const sendPage = tool(async ({ text }) => \`paged: \${text}\`, {
  name: 'send_message',
  description: 'Pages the on-call engineer.',
  schema: z.object({ text: z.string() }),
});

const purgeCache = tool(
  async ({ key }) => {
    const answer = interrupt({ question: \`Purge \${key}?\` });
    return answer === 'yes' ? 'purged' : 'kept';
  },
  { name: 'purge_cache', description: 'Purges a CDN cache key.', schema: z.object({ key: z.string() }) },
);

export const ops = createAgent({
  model: 'openai:gpt-4.1',
  tools: [deleteBranch, sendPage, purgeCache],
  middleware: [humanInTheLoopMiddleware({ interruptOn: { delete_branch: true, send_message: false } })],
});

export const reviewer = createReactAgent({ llm: undefined as never, tools: [sendPage], interruptBefore: ['tools'] });
`;

describe('grants/unenforced-decision', () => {
  it('OpenAI Agents SDK: challenge without needsApproval, deny still wired; challenge with needsApproval and allow are fine', () => {
    const findings = expectCrossFile({ 'src/refunds.ts': REFUNDS, 'agents/refunds.agent.yaml': REFUNDS_MANIFEST }, [UNENFORCED, UNAPPROVED, UNDECLARED], [
      ['src/refunds.ts', `${UNENFORCED} 11:21-11:25`, 'tool'],
      ['src/refunds.ts', `${UNENFORCED} 36:51-36:65`, 'deleteCustomer'],
    ]);
    assert.match(findings[0]!.message, /^The manifest of agent "refunds" requires a person to approve tool "issue_refund" \(decision: challenge\), but the code runs it without asking\. Add needsApproval: true/);
    assert.match(findings[1]!.message, /denies tool "delete_customer" \(decision: deny\), but the code still hands it to the agent/);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(findings[0]!.related?.[0]?.file, 'agents/refunds.agent.yaml');
    assert.equal(findings[0]!.related?.[0]?.range.start.line, 14);
  });

  it('Mastra: a manifest naming tools by id links them (no undeclared-tool); challenge needs requireApproval', () => {
    const findings = expectCrossFile({ 'src/billing.ts': BILLING, 'agents/billing.agent.yaml': BILLING_MANIFEST }, [UNENFORCED, UNDECLARED], [
      ['src/billing.ts', `${UNENFORCED} 12:28-12:38`, 'createTool'],
    ]);
    assert.match(findings[0]!.message, /Add requireApproval: true to its createTool\(\) definition/);
    // The same manifest naming the record keys (what the model sees) is accepted too.
    const byKey = BILLING_MANIFEST.replace('name: lookup_invoice', 'name: lookupInvoice').replace('name: issue_refund', 'name: issueRefund');
    expectCrossFile({ 'src/billing.ts': BILLING, 'agents/billing.agent.yaml': byKey }, [UNDECLARED], []);
    // An undeclared Mastra tool is still reported, by the name the model sees.
    const missing = BILLING_MANIFEST.replace(/    - name: issue_refund\n      access: write\n      decision: challenge\n/, '');
    expectCrossFile({ 'src/billing.ts': BILLING, 'agents/billing.agent.yaml': missing }, [UNDECLARED], [['src/billing.ts', `${UNDECLARED} 23:27-23:38`, 'issueRefund']]);
  });

  it('fix: adds needsApproval: true (OpenAI Agents SDK) or requireApproval: true (Mastra); deny has no fix', () => {
    const files = { 'src/refunds.ts': REFUNDS, 'agents/refunds.agent.yaml': REFUNDS_MANIFEST };
    const [challenge, deny] = expectCrossFile(files, [UNENFORCED], [
      ['src/refunds.ts', `${UNENFORCED} 11:21-11:25`, 'tool'],
      ['src/refunds.ts', `${UNENFORCED} 36:51-36:65`, 'deleteCustomer'],
    ]);
    const fix = fixesFor({ path: 'src/refunds.ts', text: REFUNDS, finding: challenge!, config: defaultConfig() })[0]!;
    assert.equal(fix.title, 'Require approval: needsApproval: true');
    assert.equal(fix.safe, false);
    assert.match(fix.followUp!, /result\.interruptions/);
    const fixed = applyEdits(REFUNDS, fix.edits);
    assert.ok(fixed.includes("  execute: async ({ orderId }) => ({ refunded: orderId }),\n  needsApproval: true,\n});"), fixed);
    expectCrossFile({ 'src/refunds.ts': fixed, 'agents/refunds.agent.yaml': REFUNDS_MANIFEST }, [UNENFORCED], [['src/refunds.ts', `${UNENFORCED} 37:51-37:65`, 'deleteCustomer']]);
    assert.ok(fixesFor({ path: 'src/refunds.ts', text: REFUNDS, finding: deny!, config: defaultConfig() }).every((candidate) => !candidate.title.startsWith('Require approval')));
    const [mastra] = expectCrossFile({ 'src/billing.ts': BILLING, 'agents/billing.agent.yaml': BILLING_MANIFEST }, [UNENFORCED], [['src/billing.ts', `${UNENFORCED} 12:28-12:38`, 'createTool']]);
    const mastraFixed = applyEdits(BILLING, fixesFor({ path: 'src/billing.ts', text: BILLING, finding: mastra!, config: defaultConfig() })[0]!.edits);
    assert.ok(mastraFixed.includes("  execute: async ({ context }) => ({ refunded: context.number }),\n  requireApproval: true,\n});"));
  });
});

describe('grants/unapproved-high-risk-tool', () => {
  it('AI SDK call site without a manifest: sendEmail and a plain-object dropTable; needsApproval and no execute are gates', () => {
    const findings = expectCrossFile({ 'src/helpdesk.ts': HELPDESK }, [UNAPPROVED], [
      ['src/helpdesk.ts', `${UNAPPROVED} 12:18-12:22`, 'tool'],
      ['src/helpdesk.ts', `${UNAPPROVED} 14:7-14:16`, 'dropTable'],
    ]);
    assert.match(findings[0]!.message, /^Tool "sendEmail" sends messages and runs as soon as the model calls it/);
    assert.match(findings[1]!.message, /^Tool "dropTable" writes to a database/);
    assert.equal(findings[0]!.severity, 'warning');
    const fixed = applyEdits(HELPDESK, fixesFor({ path: 'src/helpdesk.ts', text: HELPDESK, finding: findings[1]!, config: defaultConfig() })[0]!.edits);
    assert.ok(fixed.includes("execute: async () => 'dropped', needsApproval: true },"));
  });

  it('VoltAgent: new Agent and createTool from @voltagent/core; needsApproval gates, and the fix adds it', () => {
    const text = `import { Agent, createTool } from '@voltagent/core';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';

const searchOrders = createTool({
  name: 'search_orders',
  description: 'Finds orders by customer.',
  parameters: z.object({ customer: z.string() }),
  execute: async ({ customer }) => ({ customer, orders: [] }),
});

const refundOrder = createTool({
  name: 'refund_order',
  description: 'Refunds an order in full.',
  parameters: z.object({ orderId: z.string() }),
  needsApproval: true,
  execute: async ({ orderId }) => ({ refunded: orderId }),
});

const deleteCustomer = createTool({
  name: 'delete_customer',
  description: 'Deletes a customer record.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ({ deleted: customerId }),
});

export const support = new Agent({
  name: 'support',
  instructions: 'Help customers with their orders.',
  model: openai('gpt-4o-mini'),
  tools: [searchOrders, refundOrder, deleteCustomer],
});
`;
    const findings = expectCrossFile({ 'src/support.ts': text }, [UNAPPROVED, 'ownership/unowned-agent'], [
      ['src/support.ts', `${UNAPPROVED} 20:24-20:34`, 'createTool'],
      ['src/support.ts', 'ownership/unowned-agent 27:24-27:33', 'new Agent'],
    ]);
    assert.match(findings[0]!.message, /^Tool "delete_customer" deletes data .* Add needsApproval: true to its createTool\(\) definition/);
    const analysis = analyzeFile({ path: 'src/support.ts', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.map((agent) => [agent.framework, agent.name, agent.tools.map((tool) => [tool.name, tool.approval?.gate ?? 'none'])]),
      [['voltagent', 'support', [['search_orders', 'none'], ['refund_order', 'always'], ['delete_customer', 'none']]]],
    );
    const fixed = applyEdits(text, fixesFor({ path: 'src/support.ts', text, finding: findings[0]!, config: defaultConfig() })[0]!.edits);
    expectCrossFile({ 'src/support.ts': fixed }, [UNAPPROVED], []);
    assert.ok(fixed.includes('execute: async ({ customerId }) => ({ deleted: customerId }),\n  needsApproval: true,\n});'), fixed);
  });

  it('LlamaIndex.TS: agent() from @llamaindex/workflow with tool() in either form; no approval option, so the advice says so', () => {
    const text = `import { openai } from '@llamaindex/openai';
import { agent } from '@llamaindex/workflow';
import { tool } from 'llamaindex';
import { z } from 'zod';

const searchDocs = tool({
  name: 'search_docs',
  description: 'Searches the handbook.',
  parameters: z.object({ query: z.string() }),
  execute: async ({ query }) => \`results for \${query}\`,
});

const deleteFile = tool(async ({ path }: { path: string }) => \`deleted \${path}\`, {
  name: 'delete_file',
  description: 'Deletes a file from the shared drive.',
  parameters: z.object({ path: z.string() }),
});

export const librarian = agent({
  name: 'librarian',
  tools: [searchDocs, deleteFile],
  llm: openai({ model: 'gpt-4.1-mini' }),
});
`;
    const findings = expectCrossFile({ 'src/librarian.ts': text }, [UNAPPROVED, 'ownership/unowned-agent'], [
      ['src/librarian.ts', `${UNAPPROVED} 13:20-13:24`, 'tool'],
      ['src/librarian.ts', 'ownership/unowned-agent 19:26-19:31', 'agent'],
    ]);
    assert.match(findings[0]!.message, /^Tool "delete_file" deletes data .* LlamaIndex\.TS has no per-call approval option/);
    const analysis = analyzeFile({ path: 'src/librarian.ts', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.map((agent) => [agent.framework, agent.name, agent.tools.map((tool) => tool.name)]),
      [['llamaindex', 'librarian', ['search_docs', 'delete_file']]],
    );
    assert.deepEqual(fixesFor({ path: 'src/librarian.ts', text, finding: findings[0]!, config: defaultConfig() }).filter((fix) => fix.title.startsWith('Require')), []);
  });

  it('Inngest AgentKit: createAgent and createTool; a handler that waits for a person (step.waitForEvent) gates its tool', () => {
    const text = `import { createAgent, createTool } from '@inngest/agent-kit';
import { z } from 'zod';

const searchTickets = createTool({
  name: 'search_tickets',
  description: 'Searches support tickets.',
  parameters: z.object({ query: z.string() }),
  handler: async ({ query }) => [{ id: 1, query }],
});

const refundOrder = createTool({
  name: 'refund_order',
  description: 'Refunds an order.',
  parameters: z.object({ orderId: z.string() }),
  handler: async ({ orderId }, { step }) => {
    const approval = await step?.waitForEvent('refund.approved', { event: 'refund/approved', timeout: '1h' });
    return approval ? { refunded: orderId } : { refunded: false };
  },
});

export const support = createAgent({
  name: 'Support',
  system: 'Resolve support tickets.',
  tools: [
    searchTickets,
    refundOrder,
    createTool({
      name: 'delete_ticket',
      description: 'Deletes a ticket.',
      parameters: z.object({ id: z.number() }),
      handler: async ({ id }) => ({ deleted: id }),
    }),
  ],
});
`;
    const findings = expectCrossFile({ 'src/support.ts': text }, [UNAPPROVED, 'ownership/unowned-agent'], [
      ['src/support.ts', 'ownership/unowned-agent 21:24-21:35', 'createAgent'],
      ['src/support.ts', `${UNAPPROVED} 27:5-27:15`, 'createTool'],
    ]);
    assert.match(findings[1]!.message, /^Tool "delete_ticket" deletes data .* await step\.waitForEvent/);
    const analysis = analyzeFile({ path: 'src/support.ts', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.map((agent) => [agent.framework, agent.name, agent.tools.map((tool) => [tool.name, tool.approval?.gate, tool.approval?.via])]),
      [['agentkit', 'Support', [['search_tickets', 'none', undefined], ['refund_order', 'always', 'step.waitForEvent()'], ['delete_ticket', 'none', undefined]]]],
    );
  });

  it('LangChain human-in-the-loop middleware, LangGraph interrupt() and interruptBefore gate tools', () => {
    const findings = expectCrossFile({ 'src/ops.ts': OPS }, [UNAPPROVED], [['src/ops.ts', `${UNAPPROVED} 12:18-12:22`, 'tool']]);
    assert.match(findings[0]!.message, /^Tool "send_message" sends messages .* Add it to humanInTheLoopMiddleware/);
    assert.deepEqual(fixesFor({ path: 'src/ops.ts', text: OPS, finding: findings[0]!, config: defaultConfig() }).filter((fix) => fix.title.startsWith('Require')), []);
  });

  it('the human-in-the-loop middleware built apart and passed by name gates its tools too', () => {
    // As LangGraph's own examples write it: the middleware in a variable, the agent's middleware list naming it.
    const apart = OPS.replace(
      "  middleware: [humanInTheLoopMiddleware({ interruptOn: { delete_branch: true, send_message: false } })],",
      '  middleware: [hitl],',
    ).replace('export const ops', 'const hitl = humanInTheLoopMiddleware({ interruptOn: { delete_branch: { allowedDecisions: [\'approve\', \'reject\'] }, send_message: false } });\n\nexport const ops');
    expectCrossFile({ 'src/ops.ts': apart }, [UNAPPROVED], [['src/ops.ts', `${UNAPPROVED} 12:18-12:22`, 'tool']]);
    // The list itself in a variable, and the interruptOn map too.
    const listApart = apart
      .replace('  middleware: [hitl],', '  middleware,')
      .replace('export const ops', 'const middleware = [hitl];\n\nexport const ops')
      .replace("interruptOn: { delete_branch: { allowedDecisions: ['approve', 'reject'] }, send_message: false }", 'interruptOn: reviewed')
      .replace('const hitl', "const reviewed = { delete_branch: true, send_message: true };\nconst hitl");
    expectCrossFile({ 'src/ops.ts': listApart }, [UNAPPROVED], []);
    // Without it, delete_branch is reported as well.
    expectCrossFile({ 'src/ops.ts': apart.replace('  middleware: [hitl],', '  middleware: [],') }, [UNAPPROVED], [
      ['src/ops.ts', `${UNAPPROVED} 6:22-6:26`, 'tool'],
      ['src/ops.ts', `${UNAPPROVED} 12:18-12:22`, 'tool'],
    ]);
  });

  it('a tool shared by several agents is reported once; an agent handed over as a tool is judged by its own tools', () => {
    const desk = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

const sendInvoiceEmail = tool({
  name: 'send_invoice_email',
  description: 'Emails an invoice to the customer.',
  parameters: z.object({ invoiceId: z.string() }),
  execute: async ({ invoiceId }) => \`sent \${invoiceId}\`,
});

const refundAgent = new Agent({ name: 'refunds', instructions: 'Explain refund rules.', tools: [sendInvoiceEmail] });
const billingAgent = new Agent({ name: 'billing', instructions: 'Answer billing questions.', tools: [sendInvoiceEmail] });

export const desk = new Agent({
  name: 'desk',
  instructions: 'Route to the right expert.',
  tools: [refundAgent.asTool({ toolName: 'refund_expert', toolDescription: 'Answers refund questions.' })],
});
`;
    const [finding] = expectCrossFile({ 'src/desk.ts': desk }, [UNAPPROVED], [['src/desk.ts', `${UNAPPROVED} 4:26-4:30`, 'tool']]);
    assert.match(finding!.message, /^Tool "send_invoice_email" sends messages/);
  });

  it('an agent covered by a manifest is judged by its decisions instead', () => {
    expectCrossFile({ 'src/refunds.ts': REFUNDS, 'agents/refunds.agent.yaml': REFUNDS_MANIFEST }, [UNAPPROVED], []);
  });

  it('risk by name: shell, deletion, payments, messages, database writes; read-only names never', () => {
    const risks = ['run_command', 'deleteFile', 'issue_refund', 'transfer_funds', 'send_email', 'post_slack_message', 'execute_sql', 'drop_table', 'get_deleted_items', 'list_payments', 'search_email', 'summarize', 'create_payment', 'checkout', 'purge_cache', 'insert_rows', 'update_record', 'reply_to_comment', 'sendSms', 'draft_email', 'http_post', 'removeUser', 'remove_todo', 'remove_background', 'write_sql', 'run_query', 'runSQLQuery', 'sendSMSMessage', 'deleteS3Object', 'getHTTPStatus'].map((name) => [name, riskOf(name)]);
    assert.deepEqual(risks, [
      ['run_command', 'runs shell commands'],
      ['deleteFile', 'deletes data'],
      ['issue_refund', 'moves money'],
      ['transfer_funds', 'moves money'],
      ['send_email', 'sends messages'],
      ['post_slack_message', 'sends messages'],
      ['execute_sql', 'writes to a database'],
      ['drop_table', 'writes to a database'],
      ['get_deleted_items', undefined],
      ['list_payments', undefined],
      ['search_email', undefined],
      ['summarize', undefined],
      ['create_payment', 'moves money'],
      ['checkout', 'moves money'],
      ['purge_cache', 'deletes data'],
      ['insert_rows', 'writes to a database'],
      ['update_record', 'writes to a database'],
      ['reply_to_comment', 'sends messages'],
      ['sendSms', 'sends messages'],
      ['draft_email', undefined],
      ['http_post', undefined],
      ['removeUser', 'deletes data'],
      ['remove_todo', undefined],
      ['remove_background', undefined],
      ['write_sql', undefined],
      ['run_query', 'writes to a database'],
      // Acronyms are words of their own: SQL, SMS, S3, HTTP.
      ['runSQLQuery', 'writes to a database'],
      ['sendSMSMessage', 'sends messages'],
      ['deleteS3Object', 'deletes data'],
      ['getHTTPStatus', undefined],
    ]);
  });
});

describe('inventory: per tool, the decision the manifest states and whether the code enforces it', () => {
  it('OpenAI Agents SDK and Mastra agents with manifests, an AI SDK call site without one', () => {
    const { index, findings } = workspace({
      'src/refunds.ts': REFUNDS,
      'agents/refunds.agent.yaml': REFUNDS_MANIFEST,
      'src/billing.ts': BILLING,
      'agents/billing.agent.yaml': BILLING_MANIFEST,
      'src/helpdesk.ts': HELPDESK,
    });
    const inventory = buildInventory(index, findings, NOW);
    const tools = Object.fromEntries(inventory.agents.map((agent) => [agent.name, agent.tools.map((tool) => [tool.name, tool.decision ?? '-', tool.enforcement ?? '-', tool.approval ? `${tool.approval.gate}${tool.approval.via ? ` (${tool.approval.via})` : ''}` : '-', tool.aliases?.join(' ') ?? '-'])]));
    assert.deepStrictEqual(tools, {
      refunds: [
        ['lookup_order', 'allow', '-', 'none', '-'],
        ['issue_refund', 'challenge', 'not enforced', 'none', '-'],
        ['close_account', 'challenge', 'enforced', 'always (needsApproval)', '-'],
        ['delete_customer', 'deny', 'not enforced', 'none', '-'],
      ],
      billing: [
        ['lookup_invoice', '-', '-', 'none', 'lookupInvoice'],
        ['issue_refund', 'challenge', 'not enforced', 'none', 'issueRefund'],
      ],
      'helpdesk.ts:6': [
        ['searchKb', '-', '-', 'none', '-'],
        ['sendEmail', '-', '-', 'none', '-'],
        ['executeSql', '-', '-', 'always (needsApproval)', '-'],
        ['dropTable', '-', '-', 'none', '-'],
        ['postToSlack', '-', '-', 'always (no execute (the application runs each call))', '-'],
      ],
    });
    assert.equal(inventory.agents.find((agent) => agent.name === 'helpdesk.ts:6')!.tools.find((tool) => tool.name === 'sendEmail')!.risk, 'sends messages');
  });
});

describe('run-time decisions through the real CLI: SARIF and the inventory carry them', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('agent-guardrail-decisions-');
    writeTree(dir, { 'src/refunds.ts': REFUNDS, 'agents/refunds.agent.yaml': REFUNDS_MANIFEST.replace('entrypoint: refunds.ts', 'entrypoint: src/refunds.ts'), 'src/helpdesk.ts': HELPDESK });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('audit --format sarif: results at the definitions, rules with their help, the manifest as a related location', () => {
    const result = runCli(['audit', '--format', 'sarif'], dir);
    assert.equal(result.status, 1, result.stderr);
    const run = (JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!;
    const results = run.results.filter((entry) => entry.ruleId === UNENFORCED || entry.ruleId === UNAPPROVED);
    assert.deepEqual(
      results.map((entry) => { const at = entry.locations[0]!.physicalLocation; return `${at.artifactLocation.uri}:${at.region.startLine}:${at.region.startColumn} ${entry.ruleId} ${entry.level}`; }),
      [`src/helpdesk.ts:12:18 ${UNAPPROVED} warning`, `src/helpdesk.ts:14:7 ${UNAPPROVED} warning`, `src/refunds.ts:11:21 ${UNENFORCED} error`, `src/refunds.ts:36:51 ${UNENFORCED} error`],
    );
    assert.equal(results[2]!.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri, 'agents/refunds.agent.yaml');
    assert.ok(run.tool.driver.rules.some((rule) => rule.id === UNENFORCED) && run.tool.driver.rules.some((rule) => rule.id === UNAPPROVED));
  });

  it('inventory: Markdown marks decisions the code does not enforce and risky tools nobody approves; JSON has the details', () => {
    const markdown = runCli(['inventory'], dir);
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.ok(
      markdown.stdout.includes('- **Tools:** lookup_order (read, decision allow); issue_refund (write, decision challenge **not enforced in code**); close_account (delete, decision challenge (enforced: needsApproval)); delete_customer (delete, decision deny **not enforced in code**)'),
      markdown.stdout,
    );
    assert.ok(markdown.stdout.includes('- **Tools:** searchKb; sendEmail (sends messages, **no approval**); executeSql (approval: needsApproval); dropTable (writes to a database, **no approval**); postToSlack (approval: no execute (the application runs each call))'), markdown.stdout);
    const json = JSON.parse(runCli(['inventory', '--format', 'json'], dir).stdout) as { agents: { name: string; tools: { name: string; enforcement?: string }[] }[] };
    const refunds = json.agents.find((agent) => agent.name === 'refunds')!;
    assert.deepEqual(refunds.tools.map((tool) => [tool.name, tool.enforcement ?? '-']), [['lookup_order', '-'], ['issue_refund', 'not enforced'], ['close_account', 'enforced'], ['delete_customer', 'not enforced']]);
  });
});
