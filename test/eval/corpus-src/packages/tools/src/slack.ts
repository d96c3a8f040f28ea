import { WebClient } from '@slack/web-api';
import { App } from '@slack/bolt';
import { IncomingWebhook } from '@slack/webhook';

export const slack = new WebClient('⟦slack-bot⟧'); ⟪+ key:slack bot token passed to WebClient⟫
export const userClient = new WebClient('⟦slack-user⟧', { retryConfig: { retries: 2 } }); ⟪+ key:slack user token⟫
export const envClient = new WebClient(process.env.SLACK_BOT_TOKEN); ⟪- env-read env read⟫
export const exampleClient = new WebClient('xoxb-your-bot-token'); ⟪- placeholder xoxb-your-bot-token⟫

export const bolt = new App({
  token: '⟦slack-bot⟧', ⟪+ key:slack bolt token⟫
  signingSecret: '⟦hex32⟧', ⟪+ generic:signing-secret Slack signing secret (32 hex)⟫
  appToken: '⟦slack-app⟧', ⟪+ key:slack app-level token⟫
  socketMode: true,
  clientId: '4823761092.5938120847261', ⟪- non-secret-id Slack client id⟫
});

export const alerts = new IncomingWebhook('⟦slack-webhook⟧'); ⟪+ key:slack-webhook incoming webhook URL⟫
export const docsWebhook = new IncomingWebhook('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'); ⟪- placeholder documented webhook example⟫

export async function post(text: string) {
  await slack.chat.postMessage({ channel: '⟦slack-channel⟧', text }); ⟪- non-secret-id Slack channel id⟫
  await slack.chat.postMessage({ channel: '#agent-alerts', text, thread_ts: '1718822412.093419' }); ⟪- non-secret-id message timestamp⟫
}
