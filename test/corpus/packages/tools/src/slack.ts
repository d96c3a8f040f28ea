import { WebClient } from '@slack/web-api';
import { App } from '@slack/bolt';
import { IncomingWebhook } from '@slack/webhook';

export const slack = new WebClient('xoxb-738268430838-0898973212167-trL0bCHB3HxCZeGWMVDrRgAW');
export const userClient = new WebClient('xoxp-794093963993-927033929236-1893644261467-ddfc4ee5102ab8bca41ae8a4b8263286', { retryConfig: { retries: 2 } });
export const envClient = new WebClient(process.env.SLACK_BOT_TOKEN);
export const exampleClient = new WebClient('xoxb-your-bot-token');

export const bolt = new App({
  token: 'xoxb-710098289590-3895304644214-gZKiyiPVivuV7DN0Jjw8j861',
  signingSecret: '666d856fef1c4edf15df98aaed9e79c4',
  appToken: 'xapp-1-AM96ABCWWMQ-0003704765679-b7ccb6dd40fa037441ab45eaac2c6dcb48cdf711a454a366f849b9f6d4842554',
  socketMode: true,
  clientId: '4823761092.5938120847261',
});

export const alerts = new IncomingWebhook('https://hooks.slack.com/services/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');
export const docsWebhook = new IncomingWebhook('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX');

export async function post(text: string) {
  await slack.chat.postMessage({ channel: 'C0KX0LR3CML', text });
  await slack.chat.postMessage({ channel: '#agent-alerts', text, thread_ts: '1718822412.093419' });
}
