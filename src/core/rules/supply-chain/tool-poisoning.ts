import { pythonToolTexts } from '../../code/python-tool-text';
import { TOOL_TEXTS, type ToolTexts } from '../../code/tool-text';
import { readToolManifest } from '../../configs/tool-manifests';
import { reportCapped } from '../../configs/report';
import { partRange } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { escapeInvisible, scanToolText, type PoisonMatch, type ToolTextRole } from '../../poisoning/detect';
import { collectedFrom } from '../../syntax';
import { defineRule, OWASP } from '../rule';

const RULE = 'supply-chain/tool-poisoning';

export const toolPoisoning = defineRule({
  id: RULE,
  description:
    "A tool's name or description carries instructions for the model: hidden-instruction markers (<IMPORTANT>, \"ignore previous instructions\", \"do not tell the user\"), invisible Unicode, requests to read secret files, or rules for other tools (shadowing).",
  defaultSeverity: 'error',
  fixable: true,
  owasp: [OWASP.ASI01, OWASP.ASI02, OWASP.ASI04],
  fileKinds: ['code', 'python', 'notebook', 'json'],
  check(context: AnalysisContext) {
    if (context.kind === 'code') {
      // The collector's own gate scans the file's strings as this rule would (not its comments, full of "ignore" and
      // "replace").
      const collected = collectedFrom(context, TOOL_TEXTS);
      if (collected) reportToolTexts(context, collected);
      return;
    }
    // Python tools come from the shared walk, already made: their few texts are scanned directly, which costs less
    // than the hint over the whole file. So are a JSON tools/list result's or registry server.json's, decoded: the
    // raw text spells whitespace as escapes (`tell\nthe user`), which a hint over it missed.
    if (context.kind === 'python' || context.kind === 'notebook') {
      const collected = pythonToolTexts(context);
      if (collected) reportToolTexts(context, collected);
      return;
    }
    const manifest = readToolManifest(context);
    if (!manifest) return;
    for (const text of manifest.texts) {
      for (const match of scanToolText(text.node.value, { role: text.role, self: text.tool, siblings: manifest.names })) {
        const [start, end] = partRange(context.text, text.node, match.start, match.end);
        reportCapped(context, RULE, start, end, message(match, text.role, text.tool, manifest.subject));
      }
    }
  },
});

function reportToolTexts(context: AnalysisContext, { texts, names }: ToolTexts): void {
  for (const text of texts) {
    for (const match of scanToolText(text.value, { role: text.role, self: text.tool, siblings: names })) {
      const range = text.range(match.start, match.end);
      if (!range) continue;
      const [start, end] = range;
      reportCapped(context, RULE, start, Math.max(end, start + 1), message(match, text.role, text.tool));
    }
  }
}

function message(match: PoisonMatch, role: ToolTextRole, tool: string | undefined, subject: 'tool' | 'server' = 'tool'): string {
  const who = subject === 'server' ? 'MCP server' : 'Tool';
  const where = `${tool !== undefined ? `${who} "${escapeInvisible(tool)}"` : `A ${who.toLowerCase()}`}${role === 'name' ? "'s name" : ' description'}`;
  switch (match.kind) {
    case 'hidden-instruction':
      return `${where} carries a hidden instruction for the model (${match.what}): the model follows text in tool definitions, the person approving a call rarely reads it. This is how tool poisoning hijacks an agent. Remove it, and do not run a tool whose definition carries it.`;
    case 'invisible-unicode':
      return `${where} contains invisible characters (${match.what}): the model reads them, a reviewer sees nothing. Remove them; hidden text in a tool definition is how instructions are smuggled past review.`;
    case 'sensitive-file':
      return `${where} asks the model to read or send ${match.what}: a tool has no reason to want the agent's keys or another client's configuration. This is how a poisoned tool exfiltrates credentials; remove the request, and do not run the tool.`;
    case 'shadowing':
      return `${where} tells the model how to use another tool (${match.what}): a definition that changes what other, trusted tools do (shadowing) can redirect their emails, payments or file writes. Describe only what this tool does.`;
  }
}
