import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { agentView } from '../agent-views';
import { describe1, REPO_ROOT } from '../helpers';

const NOW = new Date('2026-01-15T00:00:00Z');

function agentsOf(path: string, text: string) {
  return analyzeFile({ path, text }, defaultConfig(), { now: NOW }).facts.agents.map((agent) => agentView(text, agent));
}

describe('code agents: facts from agent code', () => {
  describe('OpenAI Agents SDK', () => {
    const text = `import { Agent, tool, webSearchTool, fileSearchTool, hostedMcpTool, MCPServerStdio, createMCPToolStaticFilter } from '@openai/agents';
import { z } from 'zod';
import { searchDocs } from './search';

const getWeather = tool({
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => \`Sunny in \${city}\`,
});

const docs = new MCPServerStdio({
  name: 'docs',
  fullCommand: 'npx -y @modelcontextprotocol/server-filesystem ./docs',
  toolFilter: createMCPToolStaticFilter({ allowed: ['read_file'] }),
});

/**
 * Answers travel questions.
 * @owner team:travel
 */
export const travelAgent = new Agent({
  name: 'travel-assistant',
  instructions: 'Help with travel plans.',
  model: 'gpt-4.1-mini',
  tools: [getWeather, webSearchTool(), fileSearchTool(['vs_123']), hostedMcpTool({ serverLabel: 'maps', serverUrl: 'https://maps.example.com/mcp', allowedTools: ['route'] })],
  mcpServers: [docs],
});

// @owner user:kim@example.com
export const router = Agent.create({
  name: 'router',
  instructions: 'Route the request.',
  handoffs: [travelAgent],
  tools: [travelAgent.asTool({ toolName: 'plan_trip', toolDescription: 'Plan a trip' }), searchDocs],
});
`;
    it('finds each agent with its name, tools as the model sees them, and owner tag', () => {
      assert.deepEqual(agentsOf('src/agents/travel.ts', text), [
        {
          kind: 'definition',
          framework: 'openai-agents',
          name: 'travel-assistant',
          at: '22:28-22:37 new Agent',
          tools: [
            'get_weather function 26:11-26:21 getWeather',
            'web_search hosted 26:23-26:36 webSearchTool',
            'file_search hosted 26:40-26:54 fileSearchTool',
            'maps hosted 26:68-26:81 hostedMcpTool',
          ],
          complete: true,
          owner: 'team:travel',
          credentials: [],
        },
        {
          kind: 'definition',
          framework: 'openai-agents',
          name: 'router',
          at: '31:23-31:35 Agent.create',
          tools: ['plan_trip function 35:23-35:29 asTool', '? unresolved 35:90-35:100 searchDocs'],
          complete: false,
          owner: 'user:kim@example.com',
          credentials: [],
        },
      ]);
    });

    it('gives an unfiltered MCP server in mcpServers as every tool of that server (incomplete)', () => {
      const source = `import { Agent, MCPServerStreamableHttp } from '@openai/agents';
const github = new MCPServerStreamableHttp({ name: 'github', url: 'https://api.githubcopilot.com/mcp/' });
export const agent = new Agent({ name: 'coder', mcpServers: [github] });
`;
      assert.deepEqual(agentsOf('src/coder.ts', source)[0]?.tools, ['? mcp-all 3:62-3:68 github']);
      assert.equal(agentsOf('src/coder.ts', source)[0]?.complete, false);
    });

    it('works with CommonJS require and namespace imports', () => {
      const source = `const { Agent, tool } = require('@openai/agents');
const agents = require('@openai/agents');
const ping = tool({ name: 'ping', description: 'Ping', parameters: {}, execute: async () => 'pong' });
module.exports = [new Agent({ name: 'a', tools: [ping] }), new agents.Agent({ name: 'b', tools: [agents.webSearchTool()] })];
`;
      assert.deepEqual(
        agentsOf('src/agents.js', source).map((agent) => [agent.name, agent.at, agent.tools]),
        [
          ['a', '4:19-4:28 new Agent', ['ping function 4:50-4:54 ping']],
          ['b', '4:60-4:76 new agents.Agent', ['web_search hosted 4:98-4:118 agents.webSearchTool']],
        ],
      );
    });
  });

  describe('Vercel AI SDK', () => {
    const text = `import { openai } from '@ai-sdk/openai';
import { experimental_createMCPClient as createMCPClient, Experimental_Agent as Agent, generateText, streamText, ToolLoopAgent, tool, stepCountIs } from 'ai';
import { z } from 'zod';

const weather = tool({
  description: 'Get the weather in a location',
  inputSchema: z.object({ location: z.string() }),
  execute: async ({ location }) => ({ location, temperature: 72 }),
});

export const assistant = new Agent({
  model: openai('gpt-4.1'),
  system: 'You are a helpful assistant.',
  tools: { weather, search: webSearch },
  stopWhen: stepCountIs(5),
});

export const loop = new ToolLoopAgent({ id: 'loop', model: openai('gpt-4.1'), tools: { weather } });

export async function answer(prompt: string) {
  const linear = await createMCPClient({ transport: { type: 'sse', url: 'https://mcp.linear.app/sse' } });
  const picked = await linear.tools({ schemas: { get_issue: { inputSchema: z.object({ id: z.string() }) } } });
  const all = await linear.tools();
  await generateText({ model: openai('gpt-4.1'), tools: { ...picked, weather }, prompt });
  await generateText({ model: openai('gpt-4.1'), prompt });
  return streamText({ model: openai('gpt-4.1'), tools: all, prompt, headers: { Authorization: \`Bearer \${process.env.LINEAR_API_KEY}\` } });
}
`;
    it('finds AI SDK agent classes and call sites with tools (record keys are the tool names)', () => {
      const agents = agentsOf('src/chat.ts', text);
      assert.deepEqual(
        agents.map((agent) => [agent.kind, agent.name, agent.at, agent.tools, agent.complete]),
        [
          ['definition', undefined, '11:26-11:35 new Agent', ['weather function 14:12-14:19 weather', 'search function 14:21-14:27 search'], true],
          ['definition', 'loop', '18:21-18:38 new ToolLoopAgent', ['weather function 18:88-18:95 weather'], true],
          ['call', undefined, '24:9-24:21 generateText', ['get_issue function 24:59-24:68 ...picked', 'weather function 24:70-24:77 weather'], true],
          ['call', undefined, '26:10-26:20 streamText', ['? mcp-all 26:56-26:59 all'], false],
        ],
      );
      assert.deepEqual(agents[0]?.credentials, ['LINEAR_API_KEY']);
      assert.ok(agents.every((agent) => agent.framework === 'ai-sdk'));
    });
  });

  describe('LangChain and LangGraph', () => {
    const text = `import { tool, DynamicStructuredTool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { createAgent } from 'langchain';
import { ChatAnthropic } from '@langchain/anthropic';
import { TavilySearch } from '@langchain/tavily';
import { z } from 'zod';

const add = tool(async ({ a, b }) => String(a + b), {
  name: 'add',
  description: 'Add two numbers',
  schema: z.object({ a: z.number(), b: z.number() }),
});

const lookup = new DynamicStructuredTool({
  name: 'lookup_customer',
  description: 'Find a customer',
  schema: z.object({ email: z.string() }),
  func: async ({ email }) => JSON.stringify({ email }),
});

const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5', apiKey: process.env.ANTHROPIC_API_KEY });

/** @owner group:support-leads */
export const graph = createReactAgent({ llm, tools: [add, lookup], name: 'support-graph' });

export const web = createAgent({ model: 'openai:gpt-4.1', tools: [add, new TavilySearch({ maxResults: 3 })], name: 'web' });
`;
    it('resolves tool(fn, { name }) and DynamicStructuredTool names; class tools from packages are unresolved', () => {
      assert.deepEqual(agentsOf('src/graph.ts', text), [
        {
          kind: 'definition',
          framework: 'langgraph',
          name: 'support-graph',
          at: '24:22-24:38 createReactAgent',
          tools: ['add function 24:54-24:57 add', 'lookup_customer function 24:59-24:65 lookup'],
          complete: true,
          owner: 'group:support-leads',
          credentials: ['ANTHROPIC_API_KEY'],
        },
        {
          kind: 'definition',
          framework: 'langchain',
          name: 'web',
          at: '26:20-26:31 createAgent',
          tools: ['add function 26:67-26:70 add', '? unresolved 26:72-26:107 new TavilySearch({ maxResults: 3 })'],
          complete: false,
          owner: undefined,
          credentials: ['ANTHROPIC_API_KEY'],
        },
      ]);
    });
  });

  describe('Mastra', () => {
    const text = `import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { MCPClient } from '@mastra/mcp';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';

export const weatherTool = createTool({
  id: 'get-weather',
  description: 'Get current weather for a location',
  inputSchema: z.object({ location: z.string() }),
  execute: async ({ context }) => ({ location: context.location, temperature: 21 }),
});

const mcp = new MCPClient({ servers: { github: { url: new URL('https://api.githubcopilot.com/mcp/') } } });

export const weatherAgent = new Agent({
  name: 'Weather Agent',
  instructions: 'You are a helpful weather assistant.',
  model: openai('gpt-4.1-mini'),
  tools: { weatherTool, ...(await mcp.getTools()) },
});
`;
    it('uses record keys as tool names and marks getTools() as every MCP tool', () => {
      assert.deepEqual(agentsOf('src/mastra/agents/weather.ts', text), [
        {
          kind: 'definition',
          framework: 'mastra',
          name: 'Weather Agent',
          at: '16:29-16:38 new Agent',
          tools: ['weatherTool function 20:12-20:23 weatherTool', '? mcp-all 20:25-20:50 ...(await mcp.getTools())'],
          complete: false,
          owner: undefined,
          credentials: [],
        },
      ]);
    });
  });

  describe('what is not an agent', () => {
    it('ignores Agent classes from other packages and look-alike local functions', () => {
      const text = `import { Agent } from 'undici';
import { Agent as HttpsAgent } from 'node:https';
import { tool } from './my-tools';

const dispatcher = new Agent({ connections: 10 });
const keepAlive = new HttpsAgent({ keepAlive: true });
function createReactAgent(options: unknown) { return options; }
export const fake = createReactAgent({ tools: [tool({ name: 'x' })], name: 'not-an-agent' });
`;
      assert.deepEqual(agentsOf('src/http.ts', text), []);
    });

    it('does not count AI SDK calls without tools, and only analyses code files', () => {
      const text = `import { generateText } from 'ai';\nexport const go = () => generateText({ model, prompt: 'hi' });\n`;
      assert.deepEqual(agentsOf('src/plain.ts', text), []);
      assert.deepEqual(agentsOf('docs/agent.md', "new Agent({ name: 'x' }) from '@openai/agents'"), []);
    });

    it('skips files without any trigger word', () => {
      assert.deepEqual(agentsOf('src/math.ts', 'export const add = (a: number, b: number) => a + b;\n'), []);
    });

    it('fills facts whether or not the code rules are enabled', () => {
      const text = `import { Agent } from '@openai/agents';\nexport const a = new Agent({ name: 'quiet' });\n`;
      const config = { ...defaultConfig(), severities: { 'grants/*': 'off' as const, 'credentials/*': 'off' as const, 'ownership/*': 'off' as const } };
      assert.deepEqual(analyzeFile({ path: 'src/a.ts', text }, config).facts.agents.map((agent) => agent.name), ['quiet']);
    });

    it('survives syntax errors and hostile nesting', () => {
      const broken = `import { Agent } from '@openai/agents';\nexport const a = new Agent({ name: 'half', tools: [x, \n`;
      assert.deepEqual(agentsOf('src/broken.ts', broken).map((agent) => agent.name), ['half']);
      const deep = `import { Agent } from '@openai/agents';\nconst x = ${'['.repeat(20000)}${']'.repeat(20000)};\n`;
      const analysis = analyzeFile({ path: 'src/deep.ts', text: deep }, defaultConfig());
      assert.ok(Array.isArray(analysis.facts.agents));
    });
  });

  describe('the example workspace', () => {
    const read = (name: string) => readFileSync(join(REPO_ROOT, 'examples', 'src', 'agents', name), 'utf8');

    it('triage.ts: agent support-triage with search_tickets and assign_ticket (complete)', () => {
      const text = read('triage.ts');
      const [agent, ...rest] = agentsOf('src/agents/triage.ts', text);
      assert.equal(rest.length, 0);
      assert.deepEqual(agent, {
        kind: 'definition',
        framework: 'openai-agents',
        name: 'support-triage',
        at: '26:28-26:37 new Agent',
        tools: ['search_tickets function 30:11-30:28 searchTicketsTool', 'assign_ticket function 30:30-30:42 assignTicket'],
        complete: true,
        owner: undefined,
        credentials: [],
      });
    });

    it('research.ts: a generateText call with summarize and a whole MCP tool set (incomplete)', () => {
      const text = read('research.ts');
      assert.deepEqual(agentsOf('src/agents/research.ts', text), [
        {
          kind: 'call',
          framework: 'ai-sdk',
          name: undefined,
          at: '19:28-19:40 generateText',
          tools: ['? mcp-all 22:16-22:41 ...(await github.tools())', 'summarize function 22:43-22:52 summarize'],
          complete: false,
          owner: undefined,
          credentials: ['OPENAI_API_KEY'],
        },
      ]);
    });

    it('billing.ts: createReactAgent billing-assistant whose run_report tool is a shell', () => {
      const text = read('billing.ts');
      assert.deepEqual(agentsOf('src/agents/billing.ts', text), [
        {
          kind: 'definition',
          framework: 'langgraph',
          name: 'billing-assistant',
          at: '36:29-36:45 createReactAgent',
          tools: ['lookup_invoice function 38:11-38:24 lookupInvoice', 'issue_refund function 38:26-38:37 issueRefund', 'run_report shell 38:39-38:48 runReport'],
          complete: true,
          owner: undefined,
          credentials: ['OPENAI_API_KEY'],
        },
      ]);
      const findings = analyzeFile({ path: 'src/agents/billing.ts', text }, defaultConfig()).findings.filter((finding) => finding.ruleId.startsWith('grants/'));
      assert.deepEqual(
        findings.map((finding) => `${describe1(finding)} ${text.slice(finding.startOffset, finding.endOffset)}`),
        ['grants/unrestricted-shell 30:47-30:64 execSync(command)'],
      );
    });
  });
});
