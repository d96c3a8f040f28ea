import Anthropic from '@anthropic-ai/sdk';

export const CLAUDE_MODEL = 'claude-sonnet-4-20250514'; ⟪- model-id Claude model id⟫
export const HAIKU = 'claude-3-5-haiku-latest'; ⟪- model-id Claude model alias⟫

export const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY ?? '⟦anthropic⟧', ⟪+ key:anthropic env fallback with ??⟫
  maxRetries: 2,
});

export const adminApi = new Anthropic({ apiKey: '⟦anthropic-admin⟧' }); ⟪+ key:anthropic/anthropic-admin admin key⟫

const fallbackKey = process.env.CLAUDE_KEY || '⟦anthropic⟧'; ⟪+ key:anthropic env fallback with ||⟫

export const exampleClient = new Anthropic({ apiKey: 'sk-ant-api03-...' }); ⟪- placeholder sk-ant-api03-...⟫
export const envClient = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] }); ⟪- env-read process.env['ANTHROPIC_API_KEY']⟫
export const REQUIRED_ENV = ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL']; ⟪- env-var-name env var names as strings⟫

export async function summarize(text: string) {
  const message = await anthropic.messages.create({
    model: CLAUDE_MODEL,
    max_tokens: 1024,
    stop_sequences: ['</summary>'],
    messages: [{ role: 'user', content: text }],
    metadata: { user_id: '⟦uuid⟧' }, ⟪- uuid user id in metadata⟫
  });
  const lastMessageId = '⟦anthropic-msg⟧'; ⟪- non-secret-id Anthropic message id⟫
  const toolUseId = '⟦toolu⟧'; ⟪- non-secret-id tool_use id⟫
  return { message, lastMessageId, toolUseId, fallbackKey };
}
