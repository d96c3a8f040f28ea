import { TOOL_TEXTS } from './code/tool-text';
import { AGENT_RECORDS } from './code/walk';
import type { AnalysisContext } from './context';
import { loadTypeScript, SECRET_CONTEXTS } from './languages/typescript';
import { walkSyntax, type SyntaxCollector, type SyntaxVisitor } from './languages/syntax-walk';

/**
 * Everything that reads a code file's syntax tree during analysis, in the order their visitors see each node.
 * They share one walk per file: a new collector goes here, not into a walk of its own.
 */
const SYNTAX_COLLECTORS: readonly SyntaxCollector<unknown>[] = [SECRET_CONTEXTS, AGENT_RECORDS, TOOL_TEXTS];

/**
 * What `collector` gathered from this file's syntax tree: the tree is parsed and walked once, for every collector,
 * on the first request. Undefined when the file is not code, a collector had nothing to look for, or the walk
 * failed on hostile input (then a note says so, as for a failed parse).
 */
export function collectedFrom<T>(context: AnalysisContext, collector: SyntaxCollector<T>): T | undefined {
  if (context.kind !== 'code') return undefined;
  // Memoised under 'parse': to the user, a walk that fails is a parse that failed (one note, same words).
  return context.memo('parse', () => walkOnce(context))?.get(collector.id) as T | undefined;
}

function walkOnce(context: AnalysisContext): Map<string, unknown> | undefined {
  const sourceFile = context.sourceFile();
  if (!sourceFile) return undefined;
  const ts = loadTypeScript();
  const visitors: (SyntaxVisitor & { result(): unknown })[] = [];
  const ids: string[] = [];
  for (const collector of SYNTAX_COLLECTORS) {
    const visitor = collector.create(ts, sourceFile);
    if (!visitor) continue;
    visitors.push(visitor);
    ids.push(collector.id);
  }
  walkSyntax(ts, sourceFile, visitors);
  return new Map(ids.map((id, i) => [id, visitors[i]!.result()]));
}
