import { boundaryBefore, type ProviderDetector } from '../provider-types';
import { ASSIGN, family, mixedCase } from './shared';

export const MESSAGING_PROVIDERS: ProviderDetector[] = family('messaging', [
  {
    id: 'slack',
    name: 'Slack token',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    // Bot/user/workspace tokens (number-number[-number]-secret), configuration tokens, app-level tokens.
    pattern: 'xox[bpars]-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-[A-Za-z0-9]{24,64}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,180}|xapp-1-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}',
    publicPrefix: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.xoxb-', 'xoxe.xoxp-', 'xapp-'],
    minEntropy: 3.0,
  },
  {
    id: 'slack-webhook',
    name: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    pattern: 'https://hooks\\.slack\\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{8,20}/[A-Za-z0-9]{20,40}|triggers/T[A-Z0-9]{8,12}/[0-9]{8,20}/[A-Za-z0-9]{20,40})',
    publicPrefix: 'https://hooks.slack.com/',
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
]);
