import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { LibSQLStore } from '@mastra/libsql';
import { PgVector } from '@mastra/pg';
import { openai, createOpenAI } from '@ai-sdk/openai';
import { z } from 'zod';

const gateway = createOpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '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' });

const weatherTool = createTool({
  id: 'get-weather',
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    const url = `https://api.weatherapi.com/v1/current.json?q=${encodeURIComponent(context.city)}`;
    const response = await fetch(url, { headers: { key: process.env.WEATHER_API_KEY! } });
    return response.json();
  },
});

const notesTool = createTool({
  id: 'search-notes',
  description: 'Search the team notes in Notion',
  inputSchema: z.object({ query: z.string() }),
  execute: async ({ context }) => {
    const response = await fetch('https://api.notion.com/v1/search', {
      method: 'POST',
      headers: {
        Authorization: 'Bearer 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',
        'Notion-Version': '2022-06-28',
      },
      body: JSON.stringify({ query: context.query }),
    });
    return response.json();
  },
});

export const weatherAgent = new Agent({
  name: 'weather-agent',
  instructions: 'Answer weather questions.',
  model: gateway('gpt-4o-mini'),
  tools: { weatherTool, notesTool },
});

export const mastra = new Mastra({
  agents: { weatherAgent },
  storage: new LibSQLStore({ url: 'file:../mastra.db' }),
  vectors: {
    pg: new PgVector({ connectionString: 'postgresql://mastra:3agwrklgyjOj02tPXynJcpXAqdBc@db.research.internal:5432/vectors' }),
  },
  telemetry: { serviceName: 'research-agent', enabled: true, export: { type: 'otlp', headers: { 'x-honeycomb-team': process.env.HONEYCOMB_API_KEY ?? '' } } },
});

export const devMastra = new Mastra({
  agents: { weatherAgent },
  vectors: { pg: new PgVector({ connectionString: 'postgresql://postgres:postgres@localhost:5432/mastra' }) },
});
