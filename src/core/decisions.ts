/**
 * Run-time decisions across files: what a manifest promises for a tool (`decision: allow | challenge | deny`) against
 * what the code does (src/core/code/approval.ts). Findings are returned as plain descriptions; the workspace index
 * (./workspace.ts) turns them into findings with its severities and suppressions.
 */
import type { AgentFramework, AgentManifest, CodeAgent, CodeTool, ManifestTool } from './facts';
import { fileKind, isTestFile } from './files';
import type { Range, RelatedLocation } from './types';

export interface CrossFileFinding {
  ruleId: string;
  file: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  message: string;
  basis: string;
  related?: RelatedLocation[];
}

/** The manifest tool a code tool is, by the name the model sees or another name it goes by (Mastra's `id`). */
export function manifestToolFor(manifest: AgentManifest, tool: CodeTool): ManifestTool | undefined {
  const names = [tool.name, ...(tool.aliases ?? [])];
  return manifest.tools.find((candidate) => names.includes(candidate.name));
}

/** Whether the code enforces a manifest decision: `undefined` when the manifest states none (or allow). */
export function enforcement(decision: string | undefined, tool: CodeTool | undefined): 'enforced' | 'not enforced' | 'unknown' | undefined {
  if (decision === 'deny') return tool ? 'not enforced' : 'enforced';
  if (decision !== 'challenge' || !tool) return undefined;
  if (!tool.approval) return 'unknown';
  return tool.approval.gate === 'none' ? 'not enforced' : 'enforced';
}

/** How to require approval in the framework a tool is defined with, in the language of the file that defines it. */
export function approvalAdvice(framework: AgentFramework | undefined, file = ''): string {
  if (fileKind(file) === 'python' || fileKind(file) === 'notebook') return pythonApprovalAdvice(framework);
  switch (framework) {
    case 'openai-agents':
      return 'Add needsApproval: true to its tool() definition: the run then stops with an interruption until someone approves it.';
    case 'ai-sdk':
      return 'Add needsApproval: true to its tool() definition (AI SDK 6), so each call waits for an approval response.';
    case 'mastra':
      return 'Add requireApproval: true to its createTool() definition, or call the agent with requireToolApproval: true.';
    case 'voltagent':
      return 'Add needsApproval: true to its createTool() definition, so each call waits for an approval.';
    case 'agentkit':
      return "Wait for a person's decision in the tool's handler before it acts: await step.waitForEvent(…) with the approval event.";
    case 'llamaindex':
      return 'LlamaIndex.TS has no per-call approval option: ask a person in the tool before it acts (a human-in-the-loop event in a workflow).';
    case 'langchain':
    case 'langgraph':
      return 'Add it to humanInTheLoopMiddleware({ interruptOn: { <tool>: true } }) in the agent\'s middleware, or call interrupt() in the tool before it acts.';
    case 'mcp-sdk':
      return 'Ask the user with an elicitation (elicitInput) before the tool acts.';
    default:
      return 'Make the framework ask a person before each call (needsApproval, requireApproval, interrupt()).';
  }
}

function pythonApprovalAdvice(framework: AgentFramework | undefined): string {
  switch (framework) {
    case 'openai-agents':
      return 'Add needs_approval=True to its @function_tool(…) decorator (or FunctionTool(…), agent.as_tool(…)): the run then stops with an interruption until someone approves it.';
    case 'pydantic-ai':
      return 'Add requires_approval=True to its @agent.tool(…) decorator (or Tool(…)) and DeferredToolRequests to the agent\'s output_type: the run then ends with the call waiting for an approval.';
    case 'google-adk':
      return 'Wrap it in FunctionTool(<function>, require_confirmation=True), or call tool_context.request_confirmation() in the tool before it acts.';
    case 'langchain':
    case 'langgraph':
      return 'Add it to HumanInTheLoopMiddleware(interrupt_on={"<tool>": True}) in the agent\'s middleware, or call interrupt() (langgraph.types) in the tool before it acts.';
    case 'agno':
      return 'Add requires_confirmation=True to its @tool(…) decorator (for a toolkit: requires_confirmation_tools=["<tool>"]): the run then pauses until someone confirms the call, and continue_run() goes on.';
    case 'mcp-sdk':
      return 'Ask the user with an elicitation (await ctx.elicit(…)) before the tool acts.';
    default:
      return 'This framework has no per-call approval option: ask a person in the tool before it acts, or give the tool to an agent of a framework that has one (needs_approval=True in the OpenAI Agents SDK, requires_approval=True in Pydantic AI, interrupt() in LangGraph).';
  }
}

/** grants/unenforced-decision: `challenge` tools that run unasked, `deny` tools still handed to the agent. */
export function unenforcedDecisions(agent: CodeAgent, manifest: AgentManifest): CrossFileFinding[] {
  const findings: CrossFileFinding[] = [];
  const seen = new Set<string>();
  const label = manifest.name ?? agent.name ?? 'unnamed';
  for (const tool of agent.tools) {
    const declared = manifestToolFor(manifest, tool);
    if (!declared || !tool.name) continue;
    const state = enforcement(declared.decision, tool);
    if (state !== 'not enforced') continue;
    const related = [{ file: manifest.file, range: declared.range, message: `manifest: "${declared.name}" decision ${declared.decision}` }];
    if (declared.decision === 'deny') {
      findings.push({
        ruleId: 'grants/unenforced-decision',
        file: agent.file,
        range: tool.range,
        startOffset: tool.startOffset,
        endOffset: tool.endOffset,
        message: `The manifest of agent "${label}" denies tool "${declared.name}" (decision: deny), but the code still hands it to the agent, so the model can call it. Remove it from the agent's tools, or change the decision in ${manifest.file}.`,
        basis: `deny:${label}:${declared.name}`,
        related,
      });
      continue;
    }
    const at = tool.definition ?? { range: tool.range, startOffset: tool.startOffset, endOffset: tool.endOffset, framework: undefined };
    const key = `${at.startOffset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({
      ruleId: 'grants/unenforced-decision',
      file: agent.file,
      range: at.range,
      startOffset: at.startOffset,
      endOffset: at.endOffset,
      message: `The manifest of agent "${label}" requires a person to approve tool "${declared.name}" (decision: challenge), but the code runs it without asking${tool.approval?.via ? ` (${tool.approval.via})` : ''}. ${approvalAdvice(at.framework, agent.file)}`,
      basis: `challenge:${label}:${declared.name}`,
      related,
    });
  }
  return findings;
}

/** grants/unapproved-high-risk-tool: in an agent no manifest covers, a high-risk tool that nothing gates (not in tests). */
export function unapprovedHighRiskTools(agent: CodeAgent): CrossFileFinding[] {
  const findings: CrossFileFinding[] = [];
  if (isTestFile(agent.file)) return findings;
  const seen = new Set<number>();
  for (const tool of agent.tools) {
    // Shell and computer tools are grants/unrestricted-shell errors already.
    if (!tool.risk || tool.approval?.gate !== 'none' || tool.kind === 'shell' || tool.kind === 'computer') continue;
    const at = tool.definition ?? { range: tool.range, startOffset: tool.startOffset, endOffset: tool.endOffset, framework: undefined };
    if (seen.has(at.startOffset)) continue;
    seen.add(at.startOffset);
    findings.push({
      ruleId: 'grants/unapproved-high-risk-tool',
      file: agent.file,
      range: at.range,
      startOffset: at.startOffset,
      endOffset: at.endOffset,
      message: `Tool "${tool.name}" ${tool.risk} and runs as soon as the model calls it: no person approves it first, and no manifest states a decision for it. ${approvalAdvice(at.framework, agent.file)} Or declare the agent in a manifest with a decision (allow, challenge, deny) for this tool.`,
      basis: `unapproved:${agent.name ?? ''}:${tool.name}`,
    });
  }
  return findings;
}
