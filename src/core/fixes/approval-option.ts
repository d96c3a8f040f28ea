/**
 * grants/unenforced-decision (challenge) and grants/unapproved-high-risk-tool: add the framework's approval option
 * to the tool's definition, `needsApproval: true` (OpenAI Agents SDK, AI SDK) or `requireApproval: true` (Mastra),
 * or set an existing `false` to `true`. Not safe for fix-all: the application must then handle approval requests
 * (the run pauses until someone approves), which the follow-up says how to do.
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../languages/typescript-api';
import { loadTypeScript } from '../languages/typescript';
import type { Finding } from '../types';
import { parseForFix } from './code-style';
import { eolOf, indentAt, lineStartOf } from './text';
import type { FileEdit, Fix } from './types';


const FOLLOW_UP: Record<string, string> = {
  needsApproval:
    'The run now pauses before each call: handle it (OpenAI Agents SDK: result.interruptions, state.approve()/reject(), then run again; AI SDK: the tool-approval-request part and addToolApprovalResponse).',
  requireApproval: 'The agent now pauses before each call: approve or decline it with agent.approveToolCall() / declineToolCall() for the run.',
};

export function approvalOptionFixes(path: string, text: string, finding: Finding): Fix[] {
  if (/decision: deny/.test(finding.message)) return [];
  const ts = loadTypeScript();
  const sourceFile = parseForFix(path, text);
  const target = definitionAt(ts, sourceFile, finding.startOffset, finding.endOffset);
  if (!target) return [];
  const key = optionFor(ts, sourceFile, target.callee);
  if (!key) return [];
  const edit = setTrue(ts, sourceFile, path, text, target.options, key);
  if (!edit) return [];
  return [requireApprovalFix(finding, `${key}: true`, edit, FOLLOW_UP[key])];
}

/** *Require approval*: never safe for fix-all, since the application must then handle the approval requests. */
export function requireApprovalFix(finding: Finding, option: string, edit: FileEdit, followUp: string | undefined): Fix {
  return { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix', safe: false, isPreferred: true, title: `Require approval: ${option}`, edits: [edit], followUp };
}

/** The definition a finding points at: a `tool(`/`createTool(` callee, or the record key of a plain-object tool. */
function definitionAt(ts: Ts, sourceFile: TsNamespace.SourceFile, start: number, end: number): { callee?: TsNamespace.Expression; options: TsNamespace.ObjectLiteralExpression } | undefined {
  let found: { callee?: TsNamespace.Expression; options: TsNamespace.ObjectLiteralExpression } | undefined;
  const visit = (node: TsNamespace.Node): void => {
    if (found || node.end < start || node.getStart(sourceFile) > end) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.expression.getStart(sourceFile) === start && node.expression.end === end) {
      const options = (node.arguments ?? []).find((argument) => ts.isObjectLiteralExpression(argument));
      if (options) found = { callee: node.expression, options: options as TsNamespace.ObjectLiteralExpression };
      return;
    }
    if (ts.isPropertyAssignment(node) && node.name.getStart(sourceFile) === start && ts.isObjectLiteralExpression(node.initializer)) {
      found = { options: node.initializer };
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `needsApproval` for tools from @openai/agents, VoltAgent and the AI SDK (and plain-object AI SDK tools), `requireApproval` for Mastra. */
function optionFor(ts: Ts, sourceFile: TsNamespace.SourceFile, callee: TsNamespace.Expression | undefined): 'needsApproval' | 'requireApproval' | undefined {
  if (!callee) return 'needsApproval';
  const local = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
  if (!local) return undefined;
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => element.name.text) : bindings ? [bindings.name.text] : [];
    if (!names.includes(local)) continue;
    const module = statement.moduleSpecifier.text;
    if (module === '@openai/agents' || module.startsWith('@openai/agents') || module === 'ai' || module.startsWith('@ai-sdk/') || module === '@voltagent/core') return 'needsApproval';
    if (module.startsWith('@mastra/')) return 'requireApproval';
  }
  return undefined;
}

/** `key: true` in an object literal: an existing value replaced, or a new last property in the object's layout. */
function setTrue(ts: Ts, sourceFile: TsNamespace.SourceFile, path: string, text: string, object: TsNamespace.ObjectLiteralExpression, key: string): FileEdit | undefined {
  const existing = object.properties.find((property) => property.name && ts.isIdentifier(property.name) && property.name.text === key);
  if (existing) {
    if (!ts.isPropertyAssignment(existing)) return undefined;
    return { path, startOffset: existing.initializer.getStart(sourceFile), endOffset: existing.initializer.end, newText: 'true' };
  }
  const last = object.properties[object.properties.length - 1];
  if (!last) return { path, startOffset: object.getStart(sourceFile) + 1, endOffset: object.end - 1, newText: ` ${key}: true ` };
  const lastEnd = last.end;
  const multiline = text.slice(lineStartOf(text, last.getStart(sourceFile)), last.getStart(sourceFile)).trim() === '';
  const trailingComma = object.properties.hasTrailingComma;
  if (!multiline) return { path, startOffset: lastEnd, endOffset: lastEnd, newText: `, ${key}: true` };
  const indent = indentAt(text, last.getStart(sourceFile));
  const eol = eolOf(text);
  return trailingComma
    ? { path, startOffset: text.indexOf(',', lastEnd) + 1, endOffset: text.indexOf(',', lastEnd) + 1, newText: `${eol}${indent}${key}: true,` }
    : { path, startOffset: lastEnd, endOffset: lastEnd, newText: `,${eol}${indent}${key}: true` };
}
