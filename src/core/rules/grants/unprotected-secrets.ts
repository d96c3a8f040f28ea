import { parsePermissionRule, readClaudeSettings, type ClaudeSettings } from '../../configs/claude';
import { reportCapped } from '../../configs/report';
import type { TreeString } from '../../configs/tree';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';

const RULE = 'grants/unprotected-secrets';

export const unprotectedSecrets = defineRule({
  id: RULE,
  description:
    'A Claude Code allow rule lets the agent read any file without asking (Read, Read(**), Bash(cat:*) …) and no deny rule or sandbox denyRead keeps it out of .env files, ~/.ssh and ~/.aws.',
  defaultSeverity: 'warning',
  fixable: true,
  owasp: [OWASP.NHI2, OWASP.ASI02],
  fileKinds: ['json'],
  check(context: AnalysisContext) {
    const settings = readClaudeSettings(context);
    if (!settings) return;
    for (const entry of settings.allow) {
      const reach = broadRead(entry.value);
      if (!reach) continue;
      const missing = unprotected(settings, reach);
      if (!missing.length) continue;
      reportCapped(context, RULE, entry.start, entry.end, message(entry, reach, missing));
    }
  },
});

/** The secret locations a broad read reaches, with the deny rules that protect each (for messages and the fix). */
export const SECRET_LOCATIONS = [
  { name: '.env files', marker: '.env', deny: ['Read(./.env)', 'Read(./.env.*)'], home: false },
  { name: '~/.ssh', marker: '.ssh', deny: ['Read(~/.ssh/**)'], home: true },
  { name: '~/.aws', marker: '.aws', deny: ['Read(~/.aws/**)'], home: true },
] as const;

type Reach = { via: 'read'; home: boolean } | { via: 'bash'; program: string };

/** Programs that print or copy any file they are given. */
const FILE_READERS = new Set(['cat', 'head', 'tail', 'less', 'more', 'grep', 'egrep', 'rg', 'ag', 'base64', 'xxd', 'od', 'hexdump', 'strings', 'cp', 'tar', 'zip', 'bat', 'nl', 'tac', 'awk', 'sed', 'jq', 'yq']);

/** `Read`, `Read(**)`, `Read(./**)`; `Bash(cat:*)`, `Bash(grep *)`. Narrow rules (`Read(src/**)`) are fine. */
function broadRead(rule: string): Reach | undefined {
  const parsed = parsePermissionRule(rule);
  if (!parsed) return undefined;
  if (parsed.tool === 'Read') {
    const spec = parsed.specifier;
    if (spec === undefined || /^(?:\*{1,2}|\.\/\*{1,2}|\*\*\/\*)$/.test(spec)) return { via: 'read', home: spec === undefined };
    // `Read(~/**)`, `Read(//**)`: grants/filesystem-root reports those (an error already).
    return undefined;
  }
  if (parsed.tool === 'Bash' && parsed.specifier) {
    const match = /^([\w.-]{1,20})(?:\s+-{1,2}[\w-]{1,20})*\s*(?::\*|\s\*|\*)$/.exec(parsed.specifier.trim());
    if (match && FILE_READERS.has(match[1]!.toLowerCase())) return { via: 'bash', program: match[1]! };
  }
  return undefined;
}

/** The deny rules that would protect what a `Read` allow rule reaches (empty for Bash rules: those need the sandbox). */
export function missingDenyRules(settings: ClaudeSettings, rule: string): string[] {
  const reach = broadRead(rule);
  if (reach?.via !== 'read') return [];
  return unprotected(settings, reach).flatMap((location) => location.deny);
}

/** Secret locations the broad read reaches that no deny/ask rule (Read tool) or sandbox denyRead (Bash) covers. */
function unprotected(settings: ClaudeSettings, reach: Reach): (typeof SECRET_LOCATIONS)[number][] {
  const guards = reach.via === 'read' ? [...settings.deny, ...settings.ask] : settings.sandboxDenyRead;
  return SECRET_LOCATIONS.filter((location) => {
    if (reach.via === 'read' && location.home && !reach.home) return false;
    return !guards.some((guard) => guard.value.includes(location.marker));
  });
}

function message(entry: TreeString, reach: Reach, missing: readonly (typeof SECRET_LOCATIONS)[number][]): string {
  const names = missing.map((location) => location.name).join(', ');
  if (reach.via === 'read') {
    const rules = missing.flatMap((location) => location.deny).map((rule) => `"${rule}"`).join(', ');
    return `"${entry.value.trim()}" lets Claude Code read ${reach.home ? 'any file on this machine' : 'every file of the project'} without asking, and no deny rule keeps it from ${names}: their keys can end up in the conversation, logs or a commit. Add deny rules: ${rules}.`;
  }
  return `"${entry.value.trim()}" lets Claude Code print any file with ${reach.program} without asking, and nothing keeps it from ${names} (Read deny rules do not apply to Bash). Allow ${reach.program} on specific paths only, or turn on the sandbox with sandbox.filesystem.denyRead for those paths.`;
}
