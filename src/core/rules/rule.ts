import type { FileCheck } from '../context';
import type { FileKind } from '../files';
import type { OwaspRef, RuleCategory, RuleMeta, Severity } from '../types';

export const REPOSITORY_URL = 'https://github.com/agent-guardrail/agent-guardrail';

/** OWASP Non-Human Identities Top 10 (2025) and Top 10 for Agentic Applications (2026) entries the rules map to. */
export const OWASP = {
  NHI1: { id: 'NHI1:2025', title: 'Improper Offboarding' },
  NHI2: { id: 'NHI2:2025', title: 'Secret Leakage' },
  NHI3: { id: 'NHI3:2025', title: 'Vulnerable Third-Party NHI' },
  NHI4: { id: 'NHI4:2025', title: 'Insecure Authentication' },
  NHI5: { id: 'NHI5:2025', title: 'Overprivileged NHI' },
  NHI6: { id: 'NHI6:2025', title: 'Insecure Cloud Deployment Configurations' },
  NHI7: { id: 'NHI7:2025', title: 'Long-Lived Secrets' },
  NHI8: { id: 'NHI8:2025', title: 'Environment Isolation' },
  NHI9: { id: 'NHI9:2025', title: 'NHI Reuse' },
  ASI01: { id: 'ASI01:2026', title: 'Agent Goal Hijack' },
  ASI02: { id: 'ASI02:2026', title: 'Tool Misuse and Exploitation' },
  ASI03: { id: 'ASI03:2026', title: 'Identity and Privilege Abuse' },
  ASI04: { id: 'ASI04:2026', title: 'Agentic Supply Chain Vulnerabilities' },
  ASI05: { id: 'ASI05:2026', title: 'Unexpected Code Execution' },
  ASI07: { id: 'ASI07:2026', title: 'Insecure Inter-Agent Communication' },
  ASI09: { id: 'ASI09:2026', title: 'Human-Agent Trust Exploitation' },
  ASI10: { id: 'ASI10:2026', title: 'Rogue Agents' },
} as const satisfies Record<string, OwaspRef>;

export interface RuleDefinition extends RuleMeta {
  /** Docs page, relative to the repository root. */
  docsPath: string;
  docsUrl: string;
  /** The per-file check, for rules that are not driven by a shared scanner (secrets) or the workspace index. */
  check?: FileCheck;
  /** File kinds the check runs on (default: all). */
  fileKinds?: readonly FileKind[];
}

export function defineRule(meta: {
  id: `${RuleCategory}/${string}`;
  description: string;
  defaultSeverity: Severity;
  fixable?: boolean;
  owasp?: OwaspRef[];
  check?: FileCheck;
  fileKinds?: readonly FileKind[];
}): RuleDefinition {
  const [category, name] = meta.id.split('/') as [RuleCategory, string];
  const docsPath = `src/core/rules/${category}/${name}.md`;
  return {
    id: meta.id,
    category,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixable ?? false,
    owasp: meta.owasp ?? [],
    docsPath,
    docsUrl: `${REPOSITORY_URL}/blob/main/${docsPath}`,
    ...(meta.check && { check: meta.check }),
    ...(meta.fileKinds && { fileKinds: meta.fileKinds }),
  };
}
