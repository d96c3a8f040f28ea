"""An MCP server for operations (FastMCP), and a low-level one."""
import shlex
import subprocess

from mcp.server import Server
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops")


@mcp.tool()
def run(command: str) -> str:
    """Run a program."""
    # expect finding: grants/unrestricted-shell
    return subprocess.run(command.split(), capture_output=True, text=True).stdout


@mcp.tool(name="bash")
def bash_script(script: str) -> str:
    # expect finding: grants/unrestricted-shell
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout


@mcp.tool()
def grep(pattern: str, path: str) -> str:
    return subprocess.run(["grep", "-r", pattern, path], capture_output=True, text=True).stdout


@mcp.tool()
def count_lines(path: str) -> str:
    return subprocess.run(f"wc -l {shlex.quote(path)}", shell=True, capture_output=True, text=True).stdout


def _exec(command: str) -> str:
    # expect finding: grants/unrestricted-shell
    return subprocess.check_output(command, shell=True, text=True)


@mcp.tool()
def deploy(service: str) -> str:
    return _exec(f"kubectl rollout restart deployment/{service}")


server = Server("legacy-ops")


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list:
    if name == "restart":
        # expect finding: grants/unrestricted-shell
        subprocess.run(arguments["command"], shell=True)
    return []


SENTRY_DSN = "https://⟦hex32⟧@o450000.ingest.sentry.io/5500000" ⟪- url Sentry DSN (public key)⟫
