import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { REPO_ROOT, runCli } from '../helpers';

/** The bundled example workspace: the README's main command audits it, and every finding is intended. */
describe('the example workspace (examples/)', () => {
  it('reports exactly the intended findings and exits 1', () => {
    const result = runCli(['audit', 'examples', '--format', 'json'], REPO_ROOT);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
    assert.deepEqual(
      report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`),
      [
        'examples/.claude/settings.json:3:57 grants/unrestricted-shell',
        'examples/.vscode/mcp.json:21:45 secrets/provider-key',
        'examples/.vscode/mcp.json:26:22 supply-chain/unpinned-mcp-server',
        'examples/.vscode/mcp.json:26:65 grants/filesystem-root',
        'examples/agents/research.agent.yaml:9:13 ownership/review-overdue',
        'examples/agents/research.agent.yaml:16:12 credentials/long-lived',
        'examples/agents/research.agent.yaml:26:15 grants/wildcard-tool',
        'examples/config/agent-runner-policy.json:7:17 grants/cloud-admin',
        'examples/deploy/notifier.yaml:13:22 secrets/provider-key',
        'examples/src/agents/billing.ts:9:28 secrets/provider-key',
        'examples/src/agents/billing.ts:20:21 grants/unapproved-high-risk-tool',
        'examples/src/agents/billing.ts:30:47 grants/unrestricted-shell',
        'examples/src/agents/billing.ts:36:29 ownership/unowned-agent',
        'examples/src/agents/research.ts:22:16 grants/all-mcp-tools',
        'examples/src/agents/triage.ts:8:12 secrets/provider-key',
      ],
    );
  });

  it('has clean files that produce nothing', () => {
    const result = runCli(['audit', 'examples/src/tools/tickets.ts', 'examples/agents/support-triage.agent.yaml', 'examples/.env.example', 'examples/package.json', 'examples/README.md'], REPO_ROOT);
    assert.equal(result.status, 0, result.stdout);
  });

  it('prints the inventory as Markdown, JSON and CSV', () => {
    const markdown = runCli(['inventory', 'examples'], REPO_ROOT);
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.ok(markdown.stdout.startsWith('# Agent inventory\n\n3 agents · generated '));
    assert.ok(markdown.stdout.includes('| support-triage | team:support-platform | production | 2027-03-31 | openai: vault, ttl 15m<br>openai sk-proj-…DiZe: **hardcoded** | search_tickets (read)<br>assign_ticket (write, decision allow) | secrets 1 |'));
    assert.ok(markdown.stdout.includes('| research-assistant | team:product-research | staging | 2026-06-30 **(overdue)** |'));
    assert.ok(markdown.stdout.includes('| billing-assistant | **none** | — | — | stripe sk_live_…InhN: **hardcoded**<br>OPENAI_API_KEY: environment | lookup_invoice<br>issue_refund (moves money, **no approval**)<br>run_report (runs shell commands, **no approval**) | secrets 1, grants 2, ownership 1 |'));

    const json = JSON.parse(runCli(['inventory', 'examples', '--format', 'json'], REPO_ROOT).stdout) as { agents: { name: string; source: string; entrypoints: string[]; code: { file: string; line: number; framework: string }[] }[] };
    assert.deepEqual(
      json.agents.map((agent) => [agent.name, agent.source, agent.entrypoints, agent.code.map((place) => `${place.file}:${place.line} ${place.framework}`)]),
      [
        ['billing-assistant', 'code', [], ['examples/src/agents/billing.ts:36 langgraph']],
        ['research-assistant', 'manifest+code', ['examples/src/agents/research.ts'], ['examples/src/agents/research.ts:19 ai-sdk']],
        ['support-triage', 'manifest+code', ['examples/src/agents/triage.ts'], ['examples/src/agents/triage.ts:26 openai-agents']],
      ],
    );

    const csv = runCli(['inventory', 'examples', '--format', 'csv', '--output', join(REPO_ROOT, 'test', '.tmp-inventory.csv')], REPO_ROOT);
    assert.equal(csv.status, 0);
    const lines = require('node:fs').readFileSync(join(REPO_ROOT, 'test', '.tmp-inventory.csv'), 'utf8').trim().split('\n') as string[];
    require('node:fs').unlinkSync(join(REPO_ROOT, 'test', '.tmp-inventory.csv'));
    assert.equal(lines[0], 'name,source,manifest,owner,technical_owner,environment,purpose,review_by,review_overdue,expires,revocation,credentials,tools,mcp_servers,entrypoints,code,findings_secrets,findings_credentials,findings_grants,findings_supply_chain,findings_ownership,findings_manifest');
    assert.equal(lines.length, 4);
    assert.ok(lines[2]!.startsWith('research-assistant,manifest+code,examples/agents/research.agent.yaml,team:product-research,,staging,Answers product questions from internal docs and GitHub issues,2026-06-30,yes,'));
  });
});
