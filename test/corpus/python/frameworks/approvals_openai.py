"""Refund desk on the OpenAI Agents SDK: which tools wait for a person before they act."""
import shutil
import sqlite3

from agents import Agent, FunctionTool, RunContextWrapper, function_tool

LEDGER = sqlite3.connect("ledger.db")


@function_tool
def lookup_order(order_id: str) -> str:
    """Look up an order."""
    return LEDGER.execute("SELECT status FROM orders WHERE id = ?", (order_id,)).fetchone()[0]


@function_tool(needs_approval=True)
def issue_refund(order_id: str, amount: int) -> str:
    """Refund an order."""
    LEDGER.execute("INSERT INTO refunds (order_id, amount) VALUES (?, ?)", (order_id, amount))
    return "refunded"


async def above_limit(ctx: RunContextWrapper, params: dict, call_id: str) -> bool:
    return params["amount"] > 50


@function_tool(needs_approval=above_limit)
def credit_account(customer_id: str, amount: int) -> str:
    """Credit a customer account."""
    return customer_id


# expect finding: grants/unapproved-high-risk-tool
@function_tool(needs_approval=False)
def send_receipt_email(order_id: str, address: str) -> str:
    """Email the refund receipt."""
    return address


# expect finding: grants/unapproved-high-risk-tool
@function_tool
def close_ticket(ticket_id: str) -> str:
    """Close a ticket and forget its attachments."""
    shutil.rmtree(f"/var/tickets/{ticket_id}")
    return "closed"


async def void_invoice(ctx, args: str) -> str:
    return args


void = FunctionTool(
    name="void_invoice",
    description="Void an invoice.",
    params_json_schema={"type": "object", "properties": {"id": {"type": "string"}}},
    on_invoke_tool=void_invoice,
    needs_approval=True,
)

# expect agent: openai-agents "refund-desk" tools: lookup_order, issue_refund, credit_account, send_receipt_email, close_ticket, void_invoice
desk = Agent(
    name="refund-desk",
    instructions="Handle refund requests.",
    tools=[lookup_order, issue_refund, credit_account, send_receipt_email, close_ticket, void],
)
