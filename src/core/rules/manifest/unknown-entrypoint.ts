import { defineRule, OWASP } from '../rule';

/** Cross-file: evaluated by the workspace index (src/core/workspace.ts), which knows which files exist. */
export const unknownEntrypoint = defineRule({
  id: 'manifest/unknown-entrypoint',
  description: "A manifest's spec.entrypoint names a file that does not exist, so the manifest covers no code.",
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI1],
});
