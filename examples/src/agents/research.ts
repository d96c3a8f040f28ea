import { createOpenAI } from '@ai-sdk/openai';
import { experimental_createMCPClient as createMCPClient, generateText, stepCountIs, tool } from 'ai';
import { z } from 'zod';

// Good: the key comes from the environment, injected by the deployment's secret broker.
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });

const summarize = tool({
  description: 'Summarise a document for the research notes',
  inputSchema: z.object({ text: z.string() }),
  execute: async ({ text }) => text.slice(0, 2000),
});

export async function research(question: string) {
  const github = await createMCPClient({
    transport: { type: 'sse', url: 'https://mcp.internal.example.com/github/sse' },
  });
  try {
    const { text } = await generateText({
      model: openai('gpt-4.1'),
      // Every tool the MCP server exposes goes to the model, including write and admin tools.
      tools: { ...(await github.tools()), summarize },
      stopWhen: stepCountIs(8),
      prompt: question,
    });
    return text;
  } finally {
    await github.close();
  }
}
