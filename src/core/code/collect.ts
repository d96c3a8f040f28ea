import type { AnalysisContext } from '../context';
import { codeScan } from './scan';
import { appendAll } from '../arrays';

/** Code files contribute the agents they define (and AI SDK call sites with tools) to the workspace index. */
export function collectCodeAgents(context: AnalysisContext): void {
  if (context.kind !== 'code' && context.kind !== 'python' && context.kind !== 'notebook') return;
  appendAll(context.facts.agents, codeScan(context).agents);
}
