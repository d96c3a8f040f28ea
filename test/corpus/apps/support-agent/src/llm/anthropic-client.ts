import Anthropic from '@anthropic-ai/sdk';

export const CLAUDE_MODEL = 'claude-sonnet-4-20250514';
export const HAIKU = 'claude-3-5-haiku-latest';

export const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY ?? 'sk-ant-api03-VVaelqwUydHCZ1BvA2tE8m3BbVUxEH4cePUx3fd1KvwExKfylycWfZ26P-xXOkU4wzCh6ZwRirEC5PEVGfiAJaJPTlEqMAA',
  maxRetries: 2,
});

export const adminApi = new Anthropic({ apiKey: 'sk-ant-admin01-d97pB3FnFKJkrlCgKnp94UuG4MFT8TxAoi_iO8WVUiE3SOR06Wl8Svs4cokFJKiztWDS0PGZd5bd4WSn_Fi4D7Bngji7JAA' });

const fallbackKey = process.env.CLAUDE_KEY || 'sk-ant-api03-6EAEGnj8K7pkiCsxTHNmQ21vlSr2LUCEeBwc3sJJ7kN-sW5Z_sIb0I_BAH4jVAmRlO9PwLgEpI6P6TXfcneT4W-SHArjFAA';

export const exampleClient = new Anthropic({ apiKey: 'sk-ant-api03-...' });
export const envClient = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
export const REQUIRED_ENV = ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL'];

export async function summarize(text: string) {
  const message = await anthropic.messages.create({
    model: CLAUDE_MODEL,
    max_tokens: 1024,
    stop_sequences: ['</summary>'],
    messages: [{ role: 'user', content: text }],
    metadata: { user_id: '2f400768-73d7-44aa-a99a-6a59607faa92' },
  });
  const lastMessageId = 'msg_01Xcjwiz3LFKpkXXY9TdbVrE';
  const toolUseId = 'toolu_01T0kECWdVbzF8ym4RdVSd0K';
  return { message, lastMessageId, toolUseId, fallbackKey };
}
