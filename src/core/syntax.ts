import { TOOL_TEXTS } from './code/tool-text';
import { AGENT_RECORDS } from './code/walk';
import type { ResolvedConfig } from './config';
import type { AnalysisContext } from './context';
import { loadTypeScript, SECRET_CONTEXTS } from './languages/typescript';
import { walkSyntax, type SyntaxCollector } from './languages/syntax-walk';

/**
 * Everything that reads a code file's syntax tree during analysis, in the order their visitors see each node.
 * They share one walk per file: a new collector goes here, not into a walk of its own.
 */
const SYNTAX_COLLECTORS: readonly SyntaxCollector<unknown>[] = [SECRET_CONTEXTS, AGENT_RECORDS, TOOL_TEXTS];

/**
 * What `collector` gathered from this file's syntax tree: the tree is parsed and walked once, for every collector
 * that wants the file, on the first request. Most files are wanted by none (their text says there is nothing to
 * collect) and are never parsed. Undefined when the file is not code, or the parse or the walk failed on hostile
 * input (then a note says so).
 */
export function collectedFrom<T>(context: AnalysisContext, collector: SyntaxCollector<T>): T | undefined {
  if (context.kind !== 'code') return undefined;
  // Memoised under 'parse': to the user, a walk that fails is a parse that failed (one note, same words).
  return context.memo('parse', () => walkOnce(context))?.get(collector.id) as T | undefined;
}

let lastAsked: { text: string; extraSecretNames: readonly string[]; wanted: readonly SyntaxCollector<unknown>[] } | undefined;

/**
 * The collectors whose text gate lets this text through (the file is parsed when there is one). Remembered for the
 * last text: an audit's helper thread asks before analysing a file (syntaxTreeWanted), and the analysis asks again.
 */
function wantedCollectors(text: string, config: ResolvedConfig): readonly SyntaxCollector<unknown>[] {
  // The gates read the text and the configuration's secret names, nothing else.
  const { extraSecretNames } = config;
  if (lastAsked?.text === text && lastAsked.extraSecretNames === extraSecretNames) return lastAsked.wanted;
  const wanted = SYNTAX_COLLECTORS.filter((collector) => collector.wants(text, { extraSecretNames }));
  lastAsked = { text, extraSecretNames, wanted };
  return wanted;
}

/**
 * Whether an analysis of this code text may parse it, asked before analysing: the collectors' text gates, which
 * walkOnce asks too. A yes can be wrong (the analysis may stop earlier: a minified file), a no cannot.
 */
export function syntaxTreeWanted(text: string, config: ResolvedConfig): boolean {
  return wantedCollectors(text, config).length > 0;
}

function walkOnce(context: AnalysisContext): Map<string, unknown> | undefined {
  const wanted = context.parseEveryCodeFile ? SYNTAX_COLLECTORS : wantedCollectors(context.text, context.config);
  const results = new Map<string, unknown>();
  for (const collector of SYNTAX_COLLECTORS) if (!wanted.includes(collector) && collector.skipped) results.set(collector.id, collector.skipped());
  if (!wanted.length) return results;
  const sourceFile = context.sourceFile();
  if (!sourceFile) return undefined;
  const ts = loadTypeScript();
  const visitors = wanted.map((collector) => collector.create(ts, sourceFile));
  walkSyntax(ts, sourceFile, visitors);
  wanted.forEach((collector, i) => results.set(collector.id, visitors[i]!.result()));
  return results;
}
