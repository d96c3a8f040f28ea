import { isLoopbackHost } from '../../configs/hosts';
import { readClaudeSettings, type ClaudeHook } from '../../configs/claude';
import { reportCapped } from '../../configs/report';
import { partRange } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/unsafe-hook';

export const unsafeHook = defineRule({
  id: RULE,
  description:
    'A Claude Code hook runs its input (tool calls the model wrote, file contents, command output) as shell code, or sends it to a server with curl or wget.',
  defaultSeverity: 'warning',
  owasp: [OWASP.ASI05, OWASP.ASI02, OWASP.NHI2],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const settings = readClaudeSettings(context);
    if (!settings) return;
    for (const hook of settings.hooks) {
      checkEvaluation(context, hook);
      checkUpload(context, hook);
    }
  },
});

/** The hook reads what Claude Code passes it on stdin (the JSON with tool_input, tool_response, prompt …). */
const READS_INPUT = /tool_input|tool_response|\$\(\s*cat\s*\)|\bcat\s*(?:-\s*)?\||\/dev\/stdin|\bread\s+-r\b|\bjq\b/;
/** Ways a shell command line runs text as code: `eval`, a pipe into a shell, `sh -c "…$(…)…"`, `xargs sh -c`, `source /dev/stdin`. */
const EVALUATES = /\beval\b|\|\s*(?:sudo\s+)?(?:sh|bash|zsh|dash|ksh)\b(?!\s+-n\b)|\b(?:sh|bash|zsh)\s+-c\s+["']?[^"'|;&]{0,200}(?:\$\(|`|\{\})|\bxargs\b[^|;&]{0,100}\b(?:sh|bash|zsh)\s+-c\b|\bsource\s+(?:\/dev\/stdin|<\()|(?:^|[;&|]\s*)\.\s+<\(/;

function checkEvaluation(context: AnalysisContext, hook: ClaudeHook): void {
  const command = hook.command.value;
  if (!READS_INPUT.test(command)) return;
  const match = EVALUATES.exec(command);
  if (!match) return;
  const [start, end] = partRange(context.text, hook.command, match.index, match.index + match[0].length);
  context.report(
    RULE,
    start,
    end,
    `${label(hook)} runs text from its input as shell code ("${match[0].trim()}"): a tool call the model wrote, or a file it read, becomes a command this hook runs with your permissions and without any permission check. Pass values as quoted arguments ("$file"), or read the JSON in a script instead of evaluating it.`,
    { escalateTo: 'error' },
  );
}

/** A pipe into an HTTP or socket client, or curl/wget uploading stdin. */
const UPLOADS = /\|\s*(?:curl|wget|nc|ncat|netcat|socat|telnet|http|https|xh)\b|\b(?:curl|wget)\b[^|;&\n]{0,300}?(?:--data(?:-binary|-raw|-urlencode)?|-d|--json|-F|--form|-T|--upload-file|--post-file|--body-file)[\s=]{0,3}["']?@?-(?=["'\s]|$)/;
const URL_HOST = /\bhttps?:\/\/(\[[^\]\s]{1,100}\]|[^/:?#\s"'$]{1,255})/gi;

function checkUpload(context: AnalysisContext, hook: ClaudeHook): void {
  const command = hook.command.value;
  const match = UPLOADS.exec(command);
  if (!match) return;
  const hosts = [...command.matchAll(URL_HOST)].map((url) => url[1]!);
  if (hosts.length && hosts.every(isLoopbackHost)) return;
  const where = hosts.length ? hosts.filter((host) => !isLoopbackHost(host)).join(', ') : 'a server';
  const [start, end] = partRange(context.text, hook.command, match.index, match.index + match[0].length);
  reportCapped(
    context,
    RULE,
    start,
    end,
    `${label(hook)} sends its input to ${where}: that is the tool call and${/^Post/.test(hook.event) ? ' its result (file contents, command output,' : ' everything in it (file paths, commands,'} possibly secrets), on every call, outside any permission check. Send only the fields you need, to a service you control, or log locally.`,
  );
}

function label(hook: ClaudeHook): string {
  return `The ${hook.event} hook${hook.matcher ? ` for "${hook.matcher}"` : ''}`;
}
