import type { AnalysisContext } from '../context';
import { codeScan } from './scan';

/**
 * grants/unrestricted-shell, code side: an agent tool whose implementation hands model input (its parameters) to a
 * shell (`exec`/`execSync`, `spawn`/`execFile`/`execa` with `shell: true` or a model-chosen program,
 * `execaCommand`, zx/Bun `$` templates), and the OpenAI Agents SDK's `shellTool()`/`computerTool()`. The config
 * side of the rule (src/core/rules/grants/unrestricted-shell.ts) calls this for code files.
 */
export function checkShellInCode(context: AnalysisContext): void {
  if (context.kind !== 'code' && context.kind !== 'python' && context.kind !== 'notebook') return;
  for (const finding of codeScan(context).shell) {
    context.report('grants/unrestricted-shell', finding.start, finding.end, finding.message);
  }
}
