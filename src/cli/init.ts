import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The starter configuration `agent-guardrail init` writes: every setting, commented, with its default. */
export const STARTER_CONFIG = `# Agent Guardrail configuration. Schema: schemas/agent-guardrail-config.schema.json
# yaml-language-server: $schema=https://raw.githubusercontent.com/agent-guardrail/agent-guardrail/main/schemas/agent-guardrail-config.schema.json

# Rule severities: off | note | warning | error, by rule id or category (\`grants/*\`).
# \`agent-guardrail rules\` lists every rule. In an untrusted workspace (VS Code Restricted Mode),
# secrets/*, grants/* and supply-chain/* cannot be switched off or lowered here.
rules: {}
#  secrets/generic-secret: warning
#  ownership/*: warning

# Files not to analyse (gitignore syntax, relative to this file).
ignore: []
#  - test/fixtures/**

# Extra regular expressions for values that are never real secrets in this repository.
placeholders: []
#  - '^local-dev-'

# Extra variable/key names whose values are credentials.
secretNames: []
#  - ACME_SERVICE_CREDENTIAL

# Files whose code agents need no owner (ownership/unowned-agent), gitignore syntax. The default: tests,
# examples, docs and fixtures (**/test/**, **/*.test.*, **/examples/**, **/docs/**, **/fixtures/** …).
# A list replaces the default; [] requires an owner everywhere.
# ownerOptional: []

# The credential broker quick fixes scaffold code for: vault, aws-sts, aws-secrets-manager,
# gcp-secret-manager, azure-key-vault, azure-managed-identity, 1password, infisical, doppler,
# github-app, oauth-token-exchange or env.
# broker: vault

# Longest acceptable credential TTL in agent manifests.
maxCredentialTtl: 1h

# Files larger than this are skipped with a note (KB/MB are 1000-based, KiB/MiB 1024-based).
maxFileSize: 2MiB

# Findings to accept by fingerprint (from \`agent-guardrail audit --format json\`), for files
# without comments such as JSON. Every entry needs a reason.
suppressions: []
#  - rule: secrets/provider-key
#    fingerprint: 3f1c…
#    reason: revoked key kept as a regression fixture
`;

export function writeStarterConfig(directory: string, force: boolean): { message: string; code: number } {
  const path = join(directory, '.agent-guardrail.yaml');
  const existing = ['.agent-guardrail.yaml', '.agent-guardrail.yml', '.agent-guardrail.json'].find((name) => existsSync(join(directory, name)));
  if (existing && !force) return { message: `${existing} already exists; not overwritten (use --force).`, code: 2 };
  writeFileSync(path, STARTER_CONFIG);
  return { message: `Wrote ${path}.`, code: 0 };
}
