"""Calendar and files assistants on Pydantic AI and Google ADK: deferred approvals and tool confirmations."""
from google.adk.agents import Agent as AdkAgent
from google.adk.tools import FunctionTool, ToolContext
from pydantic_ai import Agent, ApprovalRequired, DeferredToolRequests, RunContext

# expect agent: pydantic-ai "files" tools: delete_file, update_record, wipe_trash
files = Agent("openai:gpt-5", name="files", output_type=[str, DeferredToolRequests])


@files.tool_plain(requires_approval=True)
def delete_file(path: str) -> str:
    return f"deleted {path}"


@files.tool
def update_record(ctx: RunContext, table: str, record_id: str) -> str:
    if not ctx.tool_call_approved:
        raise ApprovalRequired
    return record_id


# expect finding: grants/unapproved-high-risk-tool
@files.tool_plain
def wipe_trash() -> str:
    return "emptied"


def cancel_meeting(meeting_id: str) -> dict:
    """Cancel a meeting."""
    return {"cancelled": meeting_id}


def send_invitation_email(meeting_id: str, address: str, tool_context: ToolContext) -> dict:
    """Invite someone to a meeting."""
    if not tool_context.tool_confirmation:
        tool_context.request_confirmation(hint=f"Invite {address}?")
        return {"status": "pending"}
    return {"invited": address}


# expect finding: grants/unapproved-high-risk-tool
def delete_calendar(calendar_id: str) -> dict:
    """Delete a calendar."""
    return {"deleted": calendar_id}


# expect agent: google-adk "calendar" tools: cancel_meeting, send_invitation_email, delete_calendar
calendar = AdkAgent(
    name="calendar",
    model="gemini-2.5-flash",
    tools=[FunctionTool(cancel_meeting, require_confirmation=True), send_invitation_email, delete_calendar],
)
