import type { CodeAgent, CodeTool } from '../src/core/facts';
import type { Range } from '../src/core/types';

/** `line:col-line:col`, 1-based. */
export function at(range: Range): string {
  return `${range.start.line + 1}:${range.start.column + 1}-${range.end.line + 1}:${range.end.column + 1}`;
}

/** `name kind range covered-text` of a tool reference. */
export function toolView(text: string, item: CodeTool): string {
  return `${item.name ?? '?'} ${item.kind ?? 'unresolved'} ${at(item.range)} ${text.slice(item.startOffset, item.endOffset)}`;
}

/** A compact, exact view of one agent fact. */
export function agentView(text: string, agent: CodeAgent) {
  return {
    kind: agent.kind,
    framework: agent.framework,
    name: agent.name,
    at: `${at(agent.range)} ${text.slice(agent.startOffset, agent.endOffset)}`,
    tools: agent.tools.map((item) => toolView(text, item)),
    complete: agent.toolsComplete,
    owner: agent.ownerTag,
    credentials: agent.environmentCredentials,
  };
}
