import { parsePermissionRule, readClaudeSettings } from '../../configs/claude';
import { readCursorPermissions, readEditorSettings } from '../../configs/editor-settings';
import { booleanOf } from '../../configs/mcp';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/network-exfiltration';

export const networkExfiltration = defineRule({
  id: RULE,
  description:
    'An agent may send data to any server without asking: Claude Code Bash(curl:*), Bash(wget:*), nc, scp or an unrestricted WebFetch, or curl/wget in an editor terminal auto-approve list.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.ASI02],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const settings = readClaudeSettings(context);
    if (settings) {
      for (const entry of settings.allow) {
        const what = claudeRuleSends(entry.value);
        if (what) reportCapped(context, RULE, entry.start, entry.end, `"${entry.value.trim()}" lets Claude Code ${what} without asking: whatever it has read (source, .env values, tokens) can leave the machine, for example after a prompt injection in a file or web page. Allow the specific hosts it needs (such as "Bash(curl https://api.github.com/*)", "WebFetch(domain:docs.github.com)") or let it ask.`);
      }
    }
    const editor = readEditorSettings(context);
    if (editor) {
      for (const entry of editor.entries) {
        if (!/terminal\.(?:autoApprove|allowList)$|^windsurf\.cascadeCommandsAllowList$/.test(entry.key)) continue;
        const commands = entry.value.type === 'object' ? entry.value.entries.filter((item) => booleanOf(item.value) === true).map((item) => ({ value: item.key, start: item.keyStart, end: item.keyEnd })) : entry.value.type === 'array' ? entry.value.items.flatMap((item) => (item.type === 'string' ? [item] : [])) : [];
        for (const command of commands) reportEditorCommand(context, command, entry.key);
      }
    }
    const cursor = readCursorPermissions(context);
    if (cursor) for (const prefix of cursor.terminalAllowlist) reportEditorCommand(context, prefix, 'terminalAllowlist');
  },
});

/** Programs that send data to another host. */
const SENDERS = new Set(['curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'telnet', 'scp', 'sftp', 'rsync', 'ftp', 'http', 'https', 'xh', 'httpie']);

/** `Bash(curl:*)`, `Bash(wget *)`, `Bash(curl -s:*)`; `WebFetch`, `WebFetch(domain:*)`. A fixed host (`curl https://x/*`) is fine. */
function claudeRuleSends(rule: string): string | undefined {
  const parsed = parsePermissionRule(rule);
  if (!parsed) return undefined;
  if (parsed.tool === 'WebFetch') {
    const spec = parsed.specifier;
    return spec === undefined || /^(?:domain:)?\*$/.test(spec.trim()) ? 'fetch any URL (a URL can carry data out in its path or query)' : undefined;
  }
  if (parsed.tool !== 'Bash' || !parsed.specifier) return undefined;
  const program = senderWithAnyArguments(parsed.specifier);
  return program ? `run ${program} with any arguments, which sends data to any server` : undefined;
}

/** `curl:*`, `curl *`, `curl -s:*` → `curl`; `curl https://api.github.com/*` → undefined. */
function senderWithAnyArguments(specifier: string): string | undefined {
  const match = /^([\w.-]{1,20})(?:\s+-{1,2}[\w-]{1,20})*\s*(?::\*|\s\*|\*)$/.exec(specifier.trim());
  return match && SENDERS.has(match[1]!.toLowerCase()) ? match[1] : undefined;
}

function reportEditorCommand(context: AnalysisContext, command: { value: string; start: number; end: number }, setting: string): void {
  const words = command.value.trim().split(/\s+/);
  // A plain prefix (`curl`, `curl -s`) matches every command line that starts with it.
  if (!SENDERS.has(words[0]!.toLowerCase()) || words.slice(1).some((word) => !word.startsWith('-'))) return;
  reportCapped(context, RULE, command.start, command.end, `"${command.value.trim()}" in ${setting} lets the agent run ${words[0]} with any arguments without asking, which sends data to any server: whatever it has read can leave the machine. Approve it per call instead.`);
}
