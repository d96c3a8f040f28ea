import { strict as assert } from 'node:assert';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { fixesFor } from '../../src/core/fixes';
import { applyEdits } from '../../src/core/fixes/text';
import type { Finding } from '../../src/core/types';
import { WorkspaceIndex } from '../../src/core/workspace';
import { loadPythonParser } from '../../src/node/python-parser';
import { describe1 } from '../helpers';

/*
 * Run-time decisions enforced in Python agent code (issue 15, on top of issue 12's checks): the approval options of
 * each framework (needs_approval, requires_approval, require_confirmation, interrupt(), HumanInTheLoopMiddleware,
 * interrupt_before, elicitations), high-risk tools by name and by what their implementation calls, the Python
 * wording of the advice, the manifest's decisions against the code, and the quick fix that adds the option.
 */

const UNENFORCED = 'grants/unenforced-decision';
const UNAPPROVED = 'grants/unapproved-high-risk-tool';
const WITHOUT_DECISION = 'grants/high-risk-without-decision';
const NOW = new Date('2026-11-23T12:00:00Z');

function workspace(files: Record<string, string>): Finding[] {
  const index = new WorkspaceIndex();
  const findings: Finding[] = [];
  for (const [path, text] of Object.entries(files)) {
    const analysis = analyzeFile({ path, text }, defaultConfig(), { now: NOW });
    index.set(path, analysis.facts, analysis.suppressions);
    findings.push(...analysis.findings);
  }
  findings.push(...index.allFindings(defaultConfig()));
  return findings;
}

function expectFindings(files: Record<string, string>, rules: string[], expected: [string, string, string][]): Finding[] {
  const selected = workspace(files)
    .filter((finding) => rules.includes(finding.ruleId))
    .sort((a, b) => a.file.localeCompare(b.file) || a.startOffset - b.startOffset);
  assert.deepStrictEqual(
    selected.map((finding) => [finding.file, describe1(finding), files[finding.file]!.slice(finding.startOffset, finding.endOffset)]),
    expected,
  );
  return selected;
}

function quickFix(path: string, text: string, finding: Finding) {
  return fixesFor({ path, text, finding, config: defaultConfig() }).find((fix) => fix.title.startsWith('Require approval'));
}

const SUPPORT = `import shutil
import sqlite3
import subprocess

import requests
from agents import Agent, FunctionTool, RunContextWrapper, function_tool

DB = sqlite3.connect("support.db")


@function_tool
def delete_customer(customer_id: str) -> str:
    """Delete the customer record."""
    DB.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
    return "deleted"


@function_tool(needs_approval=True)
def issue_refund(order_id: str, amount: int) -> str:
    """Refund an order."""
    return f"refunded {amount} on {order_id}"


@function_tool(needs_approval=False)
def send_email(to: str, body: str) -> str:
    """Email a customer."""
    return to


async def large_refunds(ctx: RunContextWrapper, params: dict, call_id: str) -> bool:
    return params["amount"] > 100


@function_tool(needs_approval=large_refunds)
def refund_shipping(order_id: str, amount: int) -> str:
    """Refund the shipping cost of an order."""
    return order_id


@function_tool
def reset_workspace(path: str) -> str:
    """Start over in a clean workspace."""
    shutil.rmtree(path)
    return "ok"


@function_tool
def archive_ticket(ticket_id: str) -> str:
    """Archive a support ticket."""
    return _drop_ticket_row(ticket_id)


def _drop_ticket_row(ticket_id: str) -> str:
    DB.execute("UPDATE tickets SET archived = 1 WHERE id = ?", (ticket_id,))
    return ticket_id


@function_tool
def get_logs(service: str) -> str:
    """Show the logs of a service."""
    return subprocess.run(["journalctl", "-u", "support"], capture_output=True, text=True).stdout


@function_tool
def summarize_ticket(ticket_id: str) -> str:
    """Summarize a ticket."""
    return requests.post("https://tickets.example.com/summarize", json={"id": ticket_id}).text


async def run_close(ctx, args: str) -> str:
    return args


close_account = FunctionTool(
    name="close_account",
    description="Close the customer's account.",
    params_json_schema={"type": "object", "properties": {"id": {"type": "string"}}},
    on_invoke_tool=run_close,
    needs_approval=True,
)

billing = Agent(name="billing", instructions="Answer billing questions.", tools=[issue_refund, refund_shipping])

support = Agent(
    name="support",
    instructions="Help customers.",
    tools=[
        delete_customer,
        issue_refund,
        send_email,
        refund_shipping,
        reset_workspace,
        archive_ticket,
        get_logs,
        summarize_ticket,
        close_account,
        billing.as_tool(tool_name="billing_expert", tool_description="Answers billing questions."),
    ],
)
`;

describe('Python: grants/unapproved-high-risk-tool', () => {
  before(async () => {
    await loadPythonParser();
  });

  it('OpenAI Agents SDK: needs_approval=True, a callable and FunctionTool(needs_approval=True) gate; needs_approval=False does not', () => {
    const findings = expectFindings({ 'support.py': SUPPORT }, [UNAPPROVED, UNENFORCED], [
      ['support.py', `${UNAPPROVED} 11:2-11:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 24:2-24:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 40:2-40:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 47:2-47:15`, 'function_tool'],
    ]);
    assert.deepEqual(
      findings.map((finding) => /^Tool "[^"]+" .*? and runs/.exec(finding.message)?.[0]),
      [
        'Tool "delete_customer" deletes data and runs',
        'Tool "send_email" sends messages and runs',
        'Tool "reset_workspace" deletes data (shutil.rmtree) and runs',
        'Tool "archive_ticket" writes to a database (execute()) and runs',
      ],
    );
    assert.match(findings[0]!.message, /Add needs_approval=True to its @function_tool\(…\) decorator/);
    assert.doesNotMatch(findings[0]!.message, /needsApproval/);
  });

  it('the inventory facts: the approval option or call that gates each tool, and what makes it high-risk', () => {
    const analysis = analyzeFile({ path: 'support.py', text: SUPPORT }, defaultConfig(), { now: NOW });
    const support = analysis.facts.agents.find((agent) => agent.name === 'support')!;
    assert.deepEqual(
      support.tools.map((tool) => [tool.name, tool.approval?.gate, tool.approval?.via, tool.risk]),
      [
        ['delete_customer', 'none', undefined, 'deletes data'],
        ['issue_refund', 'always', 'needs_approval', 'moves money'],
        ['send_email', 'none', 'needs_approval=False', 'sends messages'],
        ['refund_shipping', 'conditional', 'needs_approval', 'moves money'],
        ['reset_workspace', 'none', undefined, 'deletes data (shutil.rmtree)'],
        ['archive_ticket', 'none', undefined, 'writes to a database (execute())'],
        // A read-only name is never high-risk; a POST is not an outbound message by itself.
        ['get_logs', 'none', undefined, undefined],
        ['summarize_ticket', 'none', undefined, undefined],
        ['close_account', 'always', 'needs_approval', undefined],
        // Another agent handed over as a tool is judged by its own tools.
        ['billing_expert', 'none', undefined, undefined],
      ],
    );
  });

  it('what an implementation calls: shell, deletion, SQL writes, messages, payments; local look-alikes are not', () => {
    const text = `import os
import smtplib

import stripe
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent


@tool
def tidy(path: str) -> str:
    """Tidy up."""
    os.system("make clean")
    return "ok"


@tool
def notify(address: str) -> str:
    """Tell the on-call engineer."""
    with smtplib.SMTP("mail.example.com") as server:
        server.sendmail("bot@example.com", [address], "Subject: page")
    return "sent"


@tool
def settle(invoice: str) -> str:
    """Settle an invoice."""
    stripe.Refund.create(payment_intent=invoice)
    return "settled"


@tool
def forget(key: str) -> str:
    """Forget a cached answer."""
    CACHE_DIR.joinpath(key).unlink()
    return "ok"


@tool
def clean_table(frame_id: str) -> str:
    """Clean a data frame."""
    frame = FRAMES[frame_id].drop(columns=["tmp"]).drop_duplicates()
    return frame.to_json()


@tool
async def stream_update(text: str) -> str:
    """Stream an update to the browser."""
    await SOCKET.send_text(text)
    return "ok"


@tool
def scroll_down_screen() -> str:
    """Scroll the page down."""
    DRIVER.execute_script("window.scrollBy(0, 500)")
    return "ok"


agent = create_react_agent("openai:gpt-5", [tidy, notify, settle, forget, clean_table, stream_update, scroll_down_screen])
`;
    const findings = expectFindings({ 'ops.py': text }, [UNAPPROVED], [
      ['ops.py', `${UNAPPROVED} 9:2-9:6`, 'tool'],
      ['ops.py', `${UNAPPROVED} 16:2-16:6`, 'tool'],
      ['ops.py', `${UNAPPROVED} 24:2-24:6`, 'tool'],
      ['ops.py', `${UNAPPROVED} 31:2-31:6`, 'tool'],
    ]);
    assert.deepEqual(
      findings.map((finding) => /^Tool "[^"]+" .*? and runs/.exec(finding.message)?.[0]),
      [
        'Tool "tidy" runs shell commands (os.system) and runs',
        'Tool "notify" sends messages (sendmail()) and runs',
        'Tool "settle" moves money (stripe.Refund.create) and runs',
        'Tool "forget" deletes data (unlink()) and runs',
      ],
    );
    assert.match(findings[0]!.message, /Add it to HumanInTheLoopMiddleware\(interrupt_on=\{"<tool>": True\}\) in the agent's middleware, or call interrupt\(\) \(langgraph\.types\)/);
  });

  it('LangGraph interrupt() and interrupt_before=["tools"], LangChain HumanInTheLoopMiddleware gate tools by name', () => {
    const text = `from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt


@tool
def send_slack_message(channel: str, text: str) -> str:
    """Post to Slack."""
    return channel


@tool
def purge_cache(prefix: str) -> str:
    """Purge cached pages."""
    return prefix


@tool
def delete_branch(name: str) -> str:
    """Delete a git branch."""
    answer = interrupt({"question": f"Delete {name}?"})
    return name if answer == "yes" else "kept"


@tool
def drop_table(table: str) -> str:
    """Drop a table."""
    return table


assistant = create_agent(
    "openai:gpt-5",
    tools=[send_slack_message, purge_cache, delete_branch],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"send_slack_message": True, "purge_cache": False})],
)
reviewer = create_react_agent("openai:gpt-5", [drop_table], interrupt_before=["tools"])
`;
    const [finding] = expectFindings({ 'assistant.py': text }, [UNAPPROVED], [['assistant.py', `${UNAPPROVED} 14:2-14:6`, 'tool']]);
    assert.match(finding!.message, /^Tool "purge_cache" deletes data/);
    const analysis = analyzeFile({ path: 'assistant.py', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.flatMap((agent) => agent.tools.map((tool) => [tool.name, tool.approval?.gate, tool.approval?.via])),
      [
        ['send_slack_message', 'always', 'HumanInTheLoopMiddleware'],
        ['purge_cache', 'none', undefined],
        ['delete_branch', 'always', 'interrupt()'],
        ['drop_table', 'always', 'interrupt_before=["tools"]'],
      ],
    );
  });

  it('Pydantic AI: requires_approval=True and raise ApprovalRequired gate; the advice and the fix speak Pydantic AI', () => {
    const text = `from pydantic_ai import Agent, ApprovalRequired, DeferredToolRequests, RunContext, Tool

agent = Agent("openai:gpt-5", output_type=[str, DeferredToolRequests])


@agent.tool_plain(requires_approval=True)
def delete_file(path: str) -> str:
    return f"deleted {path}"


@agent.tool
def update_record(ctx: RunContext, table: str, record_id: str) -> str:
    if not ctx.tool_call_approved:
        raise ApprovalRequired
    return record_id


@agent.tool_plain
def send_invoice_email(invoice_id: str) -> str:
    return invoice_id


def cancel_payment(payment_id: str) -> str:
    return payment_id


payments = Agent("openai:gpt-5", tools=[Tool(cancel_payment, requires_approval=False)])
`;
    const findings = expectFindings({ 'files.py': text }, [UNAPPROVED], [
      ['files.py', `${UNAPPROVED} 18:2-18:18`, 'agent.tool_plain'],
      ['files.py', `${UNAPPROVED} 27:41-27:45`, 'Tool'],
    ]);
    assert.match(findings[0]!.message, /Add requires_approval=True to its @agent\.tool\(…\) decorator \(or Tool\(…\)\) and DeferredToolRequests to the agent's output_type/);
    const decorated = quickFix('files.py', text, findings[0]!)!;
    assert.equal(decorated.title, 'Require approval: requires_approval=True');
    assert.equal(decorated.safe, false);
    assert.match(decorated.followUp!, /DeferredToolResults/);
    const wrapped = quickFix('files.py', text, findings[1]!)!;
    const fixed = applyEdits(text, [...decorated.edits, ...wrapped.edits]);
    assert.ok(fixed.includes('@agent.tool_plain(requires_approval=True)\ndef send_invoice_email'), fixed);
    assert.ok(fixed.includes('Tool(cancel_payment, requires_approval=True)'), fixed);
    expectFindings({ 'files.py': fixed }, [UNAPPROVED], []);
  });

  it("Pydantic AI: @agent.tool belongs to the agent the decorator sees (its function's, else the module's), not to every agent", () => {
    const text = `from pydantic_ai import Agent


def test_refunds():
    agent = Agent("test")

    @agent.tool_plain
    def issue_refund(order_id: str) -> str:
        return order_id


def test_search():
    agent = Agent("test")

    @agent.tool_plain
    def search_orders(query: str) -> str:
        return query

    @agent.tool_plain(requires_approval=True)
    def delete_order(order_id: str) -> str:
        return order_id


def make_agent():
    @agent.tool_plain
    def purge_cache() -> None:
        return None


agent = Agent("test")
`;
    const analysis = analyzeFile({ path: 'agents.py', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.map((agent) => [agent.range.start.line + 1, agent.tools.map((tool) => [tool.name, tool.approval?.gate])]),
      [
        [5, [['issue_refund', 'none']]],
        [13, [['search_orders', 'none'], ['delete_order', 'always']]],
        // A decorator in a function sees the module's `agent`, assigned later, not the tests' own.
        [30, [['purge_cache', 'none']]],
      ],
    );
  });

  it('Google ADK: require_confirmation and tool_context.request_confirmation() gate; a plain function gets the ADK advice', () => {
    const text = `from google.adk.agents import Agent
from google.adk.tools import FunctionTool, ToolContext


def delete_event(event_id: str) -> dict:
    """Delete a calendar event."""
    return {"deleted": event_id}


def cancel_subscription(subscription_id: str) -> dict:
    """Cancel a subscription."""
    return {"cancelled": subscription_id}


def transfer_funds(amount: int, tool_context: ToolContext) -> dict:
    """Send money to another account."""
    if not tool_context.tool_confirmation:
        tool_context.request_confirmation(hint=f"Transfer {amount}?")
        return {"status": "pending"}
    return {"status": "sent"}


def purge_mailbox(mailbox: str) -> dict:
    """Purge a mailbox."""
    return {"purged": mailbox}


root_agent = Agent(
    name="assistant",
    model="gemini-2.5-flash",
    tools=[delete_event, FunctionTool(cancel_subscription, require_confirmation=True), transfer_funds, FunctionTool(purge_mailbox)],
)
`;
    const findings = expectFindings({ 'agent.py': text }, [UNAPPROVED], [
      ['agent.py', `${UNAPPROVED} 5:5-5:17`, 'delete_event'],
      ['agent.py', `${UNAPPROVED} 31:104-31:116`, 'FunctionTool'],
    ]);
    assert.match(findings[0]!.message, /Wrap it in FunctionTool\(<function>, require_confirmation=True\), or call tool_context\.request_confirmation\(\)/);
    // A plain function cannot take a keyword: no automatic fix; FunctionTool(…) can.
    assert.equal(quickFix('agent.py', text, findings[0]!), undefined);
    assert.ok(applyEdits(text, quickFix('agent.py', text, findings[1]!)!.edits).includes('FunctionTool(purge_mailbox, require_confirmation=True)'));
  });

  it('agno: requires_confirmation, requires_user_input and @approval gate a tool; the fix adds requires_confirmation=True', () => {
    const text = `from agno.agent import Agent
from agno.approval import approval
from agno.tools import tool


@tool(requires_user_input=True, user_input_fields=["recipient"])
def send_money(amount: float, recipient: str) -> str:
    """Send money."""
    return recipient


@approval(type="audit")
@tool(requires_confirmation=True)
def cancel_subscription(subscription_id: str) -> str:
    """Cancel a subscription."""
    return subscription_id


@tool
def delete_ticket(ticket_id: str) -> str:
    """Delete a ticket."""
    return ticket_id


@tool(name="purge_mailbox", description="Purge a mailbox.")
def purge(mailbox: str) -> str:
    return mailbox


@tool(name="calculate_monthly_payment")
def payment(principal: float, rate: float) -> float:
    return principal * rate


agent = Agent(name="assistant", tools=[send_money, cancel_subscription, delete_ticket, purge, payment])
`;
    const findings = expectFindings({ 'agent.py': text }, [UNAPPROVED], [
      ['agent.py', `${UNAPPROVED} 19:2-19:6`, 'tool'],
      ['agent.py', `${UNAPPROVED} 25:2-25:6`, 'tool'],
    ]);
    assert.match(findings[0]!.message, /Add requires_confirmation=True to its @tool\(…\) decorator/);
    assert.ok(applyEdits(text, quickFix('agent.py', text, findings[0]!)!.edits).includes('@tool(requires_confirmation=True)\ndef delete_ticket'));
    assert.ok(applyEdits(text, quickFix('agent.py', text, findings[1]!)!.edits).includes('@tool(name="purge_mailbox", description="Purge a mailbox.", requires_confirmation=True)'));
  });

  it('test code is not deployed: its agents are fixtures (Python and TypeScript alike)', () => {
    const python = `from agents import Agent, function_tool


@function_tool
def terminal_tool() -> str:
    return "done"


agent = Agent(name="test", tools=[terminal_tool])
`;
    const typescript = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';

const deleteFile = tool({ name: 'delete_file', description: 'Deletes a file.', parameters: z.object({}), execute: async () => 'ok' });
export const agent = new Agent({ name: 'test', tools: [deleteFile] });
`;
    const files = { 'tests/test_runner.py': python, 'pkg/runner_test.py': python, 'src/conftest.py': python, 'src/agent.test.ts': typescript, 'src/agent.test-d.ts': typescript, 'src/agent.spec-d.ts': typescript, 'integration_tests/agent.py': python };
    expectFindings(files, [UNAPPROVED], []);
    expectFindings({ 'app/runner.py': python }, [UNAPPROVED], [['app/runner.py', `${UNAPPROVED} 4:2-4:15`, 'function_tool']]);
    // Not a type test: `.test-d` only before the extension.
    expectFindings({ 'src/agent.test-data.ts': typescript }, [UNAPPROVED], [['src/agent.test-data.ts', `${UNAPPROVED} 4:20-4:24`, 'tool']]);
  });

  it("CrewAI: a task's human_input=True reviews the answer, not the tool calls; the advice says there is no option", () => {
    const text = `from crewai import Agent, Crew, Task
from crewai.tools import tool


@tool("Send Slack message")
def send_slack_message(channel: str, text: str) -> str:
    """Post a message to a Slack channel."""
    return channel


# @owner team:community
announcer = Agent(role="Announcer", goal="Announce releases", backstory="Keeps the community informed.", tools=[send_slack_message])
announce = Task(description="Announce the release", expected_output="A posted message", agent=announcer, human_input=True)
crew = Crew(agents=[announcer], tasks=[announce])
`;
    const [finding] = expectFindings({ 'crew.py': text }, [UNAPPROVED], [['crew.py', `${UNAPPROVED} 5:2-5:6`, 'tool']]);
    assert.match(finding!.message, /^Tool "Send Slack message" sends messages .* This framework has no per-call approval option: ask a person in the tool before it acts/);
  });
});

describe('Python: grants/unenforced-decision and grants/high-risk-without-decision', () => {
  before(async () => {
    await loadPythonParser();
  });

  const MANIFEST = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: support
  description: Answers support tickets
  owner: team:support
  environment: production
  reviewBy: 2027-01-31
spec:
  entrypoint: support.py
  tools:
    - name: delete_customer
      access: delete
      decision: deny
    - name: issue_refund
      access: write
      decision: challenge
    - name: send_email
      access: write
      decision: challenge
    - name: refund_shipping
      access: write
      decision: challenge
    - name: reset_workspace
      access: delete
    - name: archive_ticket
      access: write
      decision: allow
    - name: get_logs
      access: read
    - name: summarize_ticket
      access: read
    - name: close_account
      access: delete
      decision: challenge
    - name: billing_expert
      access: read
`;

  it('challenge without needs_approval (or with needs_approval=False), deny still wired, a high-risk tool without a decision', () => {
    const findings = expectFindings({ 'support.py': SUPPORT, 'support.agent.yaml': MANIFEST }, [UNENFORCED, UNAPPROVED, WITHOUT_DECISION], [
      ['support.agent.yaml', `${WITHOUT_DECISION} 25:15-25:21`, 'delete'],
      ['support.py', `${UNENFORCED} 24:2-24:15`, 'function_tool'],
      ['support.py', `${UNENFORCED} 88:9-88:24`, 'delete_customer'],
    ]);
    assert.match(findings[0]!.message, /^Tool "reset_workspace" has delete access but no decision in a production agent/);
    assert.equal(findings[0]!.severity, 'error');
    assert.match(findings[1]!.message, /requires a person to approve tool "send_email" \(decision: challenge\), but the code runs it without asking \(needs_approval=False\)\. Add needs_approval=True/);
    assert.match(findings[2]!.message, /denies tool "delete_customer" \(decision: deny\), but the code still hands it to the agent/);
  });

  it('fix: needs_approval=False becomes True; a bare @function_tool gets (needs_approval=True); deny has no fix', () => {
    const files = { 'support.py': SUPPORT, 'support.agent.yaml': MANIFEST };
    const [, challenge, deny] = expectFindings(files, [UNENFORCED, WITHOUT_DECISION], [
      ['support.agent.yaml', `${WITHOUT_DECISION} 25:15-25:21`, 'delete'],
      ['support.py', `${UNENFORCED} 24:2-24:15`, 'function_tool'],
      ['support.py', `${UNENFORCED} 88:9-88:24`, 'delete_customer'],
    ]);
    const fix = quickFix('support.py', SUPPORT, challenge!)!;
    assert.equal(fix.title, 'Require approval: needs_approval=True');
    assert.match(fix.followUp!, /result\.interruptions/);
    const fixed = applyEdits(SUPPORT, fix.edits);
    assert.ok(fixed.includes('@function_tool(needs_approval=True)\ndef send_email'));
    assert.equal(quickFix('support.py', SUPPORT, deny!), undefined);
    const [bare] = expectFindings({ 'support.py': SUPPORT }, [UNAPPROVED], [
      ['support.py', `${UNAPPROVED} 11:2-11:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 24:2-24:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 40:2-40:15`, 'function_tool'],
      ['support.py', `${UNAPPROVED} 47:2-47:15`, 'function_tool'],
    ]);
    assert.ok(applyEdits(SUPPORT, quickFix('support.py', SUPPORT, bare!)!.edits).includes('@function_tool(needs_approval=True)\ndef delete_customer'));
  });

  it('MCP server tools: an elicitation asks the user first', () => {
    const text = `from mcp.server.fastmcp import Context, FastMCP
from pydantic_ai import Agent

mcp = FastMCP("files")


@mcp.tool()
async def delete_file(path: str, ctx: Context) -> str:
    """Delete a file."""
    answer = await ctx.elicit(message=f"Delete {path}?", schema=Confirm)
    return path if answer.action == "accept" else "kept"


@mcp.tool()
async def wipe_folder(path: str) -> str:
    """Wipe a folder."""
    return path


# The same functions, served over MCP and handed to an in-process agent.
janitor = Agent("openai:gpt-5", tools=[delete_file, wipe_folder])
`;
    const analysis = analyzeFile({ path: 'files.py', text }, defaultConfig(), { now: NOW });
    assert.deepEqual(
      analysis.facts.agents.flatMap((agent) => agent.tools.map((tool) => [tool.name, tool.approval?.gate, tool.approval?.via])),
      [
        ['delete_file', 'always', 'elicit()'],
        ['wipe_folder', 'none', undefined],
      ],
    );
  });
});
