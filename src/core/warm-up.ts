import { analyzeFile, type FileInput } from './analyze';
import { defaultConfig } from './config';

/**
 * Small files of the common kinds (agent code, an MCP config, an agent manifest) that together reach the parsers,
 * the secret scanner and the agent walk. Their results are discarded, never shown.
 */
export const WARM_UP_FILES: readonly FileInput[] = [
  {
    path: 'warm-up/agent.ts',
    text: [
      "import { Agent, MCPServerStdio, run, tool } from '@openai/agents';",
      "import { z } from 'zod';",
      '',
      "const settings = { apiKey: process.env.OPENAI_API_KEY ?? '', region: 'eu-west-1' };",
      'const lookup = tool({',
      "  name: 'lookup_order',",
      "  description: 'Look up an order by its id',",
      '  parameters: z.object({ id: z.string() }),',
      '  execute: async ({ id }) => `order ${id}`,',
      '});',
      "const files = new MCPServerStdio({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.1.14', './docs'] });",
      "export const agent = new Agent({ name: 'Support', instructions: 'Answer order questions.', tools: [lookup], mcpServers: [files] });",
      "export const answer = (question: string) => run(agent, question + settings.region);",
      '',
    ].join('\n'),
  },
  {
    path: 'warm-up/.mcp.json',
    text: JSON.stringify({ mcpServers: { docs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.1.14', './docs'], env: { LOG_LEVEL: 'info' } } } }, null, 2),
  },
  {
    path: 'warm-up/support.agent.yaml',
    text: [
      'apiVersion: agent-guardrail/v1',
      'kind: Agent',
      'metadata:',
      '  name: support',
      '  description: Answers order questions',
      '  owner: team:support',
      '  reviewBy: 2099-12-31',
      'spec:',
      '  entrypoint: warm-up/agent.ts',
      '  credentials:',
      '    - { name: openai, broker: env, ref: OPENAI_API_KEY, ttl: 1h }',
      '  tools:',
      '    - { name: lookup_order, access: read }',
      '',
    ].join('\n'),
  },
];

/**
 * Analyse warm-up files and discard the results. A process's first analysis costs several times a later one (the
 * secret scanner and its keyword automaton are built on first use, regular expressions compile on first run, and the
 * code is not yet optimised); a long-running process (the language server) runs this while it is idle, so that the
 * first file the user opens is analysed at warm speed.
 */
export function warmUp(files: readonly FileInput[] = WARM_UP_FILES): void {
  const config = defaultConfig();
  for (const file of files) analyzeFile(file, config);
}
