import { decodeBase64Url } from '../jwt';
import { boundaryBefore, type ProviderDetector } from '../provider-types';
import { ASSIGN, family, mixedCase, namedKey, UUID } from './shared';

/**
 * A Discord bot token starts with the bot's user id (a 17-20 digit snowflake) in base64: its first three characters
 * are fixed by the first two digits (`MTA` … `OTk`), which gives the prefilter keywords.
 */
const DISCORD_ID_STARTS = Array.from({ length: 90 }, (_, index) => btoa(String(10 + index)).slice(0, 3));

function isDiscordBotToken(secret: string): boolean {
  const id = decodeBase64Url(secret.slice(0, secret.indexOf('.')));
  return id !== undefined && /^[1-9][0-9]{16,19}$/.test(id) && mixedCase(secret.slice(secret.lastIndexOf('.') + 1));
}

const TEAMS_UUID_PAIR = `${UUID}@${UUID}`;

export const MESSAGING_PROVIDERS: ProviderDetector[] = family('messaging', [
  {
    id: 'slack',
    name: 'Slack token',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxc-', 'xoxe', 'xapp-'],
    // Bot/user/workspace/session tokens (number-number[-number]-secret, legacy ones with shorter numbers), legacy
    // two-part bot tokens (`xoxb-<number>-<secret>`), configuration tokens, app-level tokens.
    pattern:
      'xox[bpaorsc]-[0-9]{8,14}-[0-9]{8,14}(?:-[0-9]{8,14})?-[A-Za-z0-9]{24,64}|xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}' +
      '|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,180}|xapp-1-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}',
    publicPrefix: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxc-', 'xoxe-', 'xoxe.xoxb-', 'xoxe.xoxp-', 'xapp-'],
    minEntropy: 3.0,
  },
  {
    id: 'slack-webhook',
    name: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    // Workspace and hook ids are upper case in Slack's docs; any case is accepted (the host already says what it is),
    // and plain http too (Slack redirects it, the secret is in the path either way).
    pattern: 'https?://hooks\\.slack\\.com/(?:services/T[A-Za-z0-9]{8,12}/B[A-Za-z0-9]{8,12}/[A-Za-z0-9]{24}|workflows/T[A-Za-z0-9]{8,12}/A[A-Za-z0-9]{8,12}/[0-9]{8,20}/[A-Za-z0-9]{20,40}|triggers/T[A-Za-z0-9]{8,12}/[0-9]{8,20}/[A-Za-z0-9]{20,40})',
    publicPrefix: ['https://hooks.slack.com/', 'http://hooks.slack.com/'],
    minEntropy: 3.0,
  },
  {
    id: 'twilio',
    name: 'Twilio API key',
    keywords: ['SK'],
    pattern: 'SK[0-9a-f]{32}',
    publicPrefix: 'SK',
    minEntropy: 2.8,
  },
  {
    id: 'twilio-auth-token',
    name: 'Twilio auth token',
    keywords: ['twilio'],
    // No prefix of its own: only reported right after its well-known name.
    pattern: `${boundaryBefore('A-Za-z0-9')}twilio[_.-]?(?:auth[_.-]?token|api[_.-]?secret)${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`,
    bounded: true,
    ignoreCase: true,
    minEntropy: 2.8,
  },
  {
    id: 'sendgrid',
    name: 'SendGrid API key',
    keywords: ['SG.'],
    pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    publicPrefix: 'SG.',
    minEntropy: 4.0,
    validate: (secret) => mixedCase(secret.slice(3)),
  },
  {
    id: 'telegram-bot',
    name: 'Telegram bot token',
    keywords: [':AA'],
    // Bot id : 35 characters starting with AA; also inside API URLs (`/bot<token>/sendMessage`).
    pattern: `(?:${boundaryBefore('A-Za-z0-9_-')}|(?<=/bot))(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])`,
    bounded: true,
    minEntropy: 3.5,
  },
  {
    id: 'discord-webhook',
    name: 'Discord webhook URL',
    keywords: ['discord.com/api/', 'discordapp.com/api/'],
    pattern: 'https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}',
    publicPrefix: ['https://discord.com/api/webhooks/', 'https://discordapp.com/api/webhooks/'],
    minEntropy: 3.5,
  },
  {
    id: 'discord-bot-token',
    name: 'Discord bot token',
    keywords: DISCORD_ID_STARTS,
    // base64(bot user id) . timestamp . HMAC.
    pattern: '(?:M[Tjz]|N[DTjz]|O[DT])[A-Za-z0-9_-]{22,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
    minEntropy: 4.0,
    validate: isDiscordBotToken,
  },
  {
    id: 'teams-webhook',
    name: 'Microsoft Teams webhook URL',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', '.logic.azure.com', '.powerplatform.com'],
    // Incoming webhooks (Office 365 connectors), and the Workflows (Power Automate) URLs that replace them: the
    // signature in the query string is the credential.
    pattern:
      `https://(?:[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2|outlook\\.office\\.com/webhook)/${TEAMS_UUID_PAIR}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[A-Za-z0-9_-]{20,80})?` +
      '|https://[a-z0-9.-]{1,100}\\.(?:logic\\.azure\\.com|environment\\.api\\.powerplatform\\.com)(?::443)?/[A-Za-z0-9/_.-]{0,80}workflows/[a-f0-9]{32}/triggers/manual/paths/invoke\\?[A-Za-z0-9%=&._/-]{0,200}?sig=[A-Za-z0-9_-]{43}',
    publicPrefix: 'https://',
    minEntropy: 3.5,
  },
  {
    id: 'google-chat-webhook',
    name: 'Google Chat webhook URL',
    keywords: ['chat.googleapis.com'],
    pattern: 'https://chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{6,20}/messages\\?key=AIza[A-Za-z0-9_-]{35}&token=(?:[A-Za-z0-9_=-]|%3[Dd]){40,80}',
    publicPrefix: 'https://chat.googleapis.com/v1/spaces/',
    minEntropy: 4.0,
  },
  {
    id: 'twilio-sid-auth-token',
    name: 'Twilio auth token (with its account SID)',
    keywords: ['twilio'],
    contextKeywords: true,
    // An account SID (`AC` + 32 hex) and, within a few lines, a 32-hex value: the pair a client is created with
    // (`twilio(sid, token)`, `accountSid: …, authToken: …`, `curl -u AC…:…`).
    pattern: `${boundaryBefore('A-Za-z0-9')}AC[a-f0-9]{32}(?![A-Za-z0-9])[\\s\\S]{1,120}?(?<![A-Za-z0-9])(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])`,
    bounded: true,
    minEntropy: 3.0,
  },
  {
    id: 'mailgun',
    name: 'Mailgun API key',
    keywords: ['key-'],
    pattern: 'key-[a-f0-9]{32}',
    publicPrefix: 'key-',
    minEntropy: 3.2,
  },
  {
    id: 'mailgun-api-key',
    name: 'Mailgun API or signing key',
    ...namedKey({ names: ['mailgun'], value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'mailchimp',
    name: 'Mailchimp API key',
    keywords: ['-us'],
    // 32 hex characters and the data center (`-us21`).
    pattern: '[a-f0-9]{32}-us[0-9]{1,2}',
    minEntropy: 3.2,
  },
  {
    id: 'postmark',
    name: 'Postmark server or account token',
    ...namedKey({ names: ['postmark', 'x-postmark-server', 'x-postmark-account'], value: UUID, valueChars: 'A-Za-z0-9-' }),
    minEntropy: 3.0,
  },
  {
    id: 'resend',
    name: 'Resend API key',
    keywords: ['re_'],
    pattern: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}',
    publicPrefix: 're_',
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret.slice(3), true),
  },
  {
    id: 'brevo',
    name: 'Brevo (Sendinblue) API or SMTP key',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}',
    publicPrefix: ['xkeysib-', 'xsmtpsib-'],
    minEntropy: 3.2,
  },
  {
    id: 'mandrill',
    name: 'Mandrill (Mailchimp Transactional) API key',
    ...namedKey({ names: ['mandrill', 'mailchimp_transactional'], value: 'md-[A-Za-z0-9_-]{22}', valueChars: 'A-Za-z0-9_-' }),
    minEntropy: 3.8,
  },
  {
    id: 'mailersend',
    name: 'MailerSend API token',
    keywords: ['mlsn.'],
    pattern: 'mlsn\\.[A-Za-z0-9]{64}',
    publicPrefix: 'mlsn.',
    minEntropy: 4.0,
  },
  {
    id: 'mattermost',
    name: 'Mattermost access token',
    ...namedKey({ names: ['mattermost'], value: '[a-z0-9]{26}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.5,
  },
  {
    id: 'plivo',
    name: 'Plivo auth token',
    ...namedKey({ names: ['plivo'], value: '[A-Za-z0-9_-]{40}', valueChars: 'A-Za-z0-9_-' }),
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret, true),
  },
  {
    id: 'telnyx',
    name: 'Telnyx API key',
    keywords: ['KEY0'],
    // `KEY` + a 32-hex key id (time-ordered, so it starts with 0), `_`, and a 22-character secret.
    pattern: 'KEY0[0-9A-F]{31}_[A-Za-z0-9]{22}',
    publicPrefix: 'KEY',
    minEntropy: 3.5,
    validate: (secret) => mixedCase(secret.slice(36), true),
  },
  {
    id: 'messagebird',
    name: 'MessageBird (Bird) API key',
    ...namedKey({ names: ['messagebird', 'message_bird', 'message-bird'], value: '[A-Za-z0-9]{25}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret, true),
  },
  {
    id: 'sendbird',
    name: 'Sendbird API token',
    ...namedKey({ names: ['sendbird'], value: '[a-f0-9]{40}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.2,
  },
  {
    id: 'lark',
    name: 'Lark / Feishu app secret',
    ...namedKey({ names: ['lark', 'feishu'], value: '[A-Za-z0-9]{32}', valueChars: 'A-Za-z0-9' }),
    minEntropy: 3.8,
    validate: (secret) => mixedCase(secret, true),
  },
]);
