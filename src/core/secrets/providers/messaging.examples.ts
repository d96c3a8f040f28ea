import type { ProviderExamples } from '../provider-types';

export const MESSAGING_EXAMPLES: Record<string, ProviderExamples> = {
  'slack': {
    match: ['xoxb-767864406133-1932118278123-06jkaJYayBvsTipHcsAlXCtK', 'xoxb-91363518413-959845452876-9gE4gdwHXR2B4njb349nUjKl', 'xoxp-667969976200-662567091177-0153572626212-26ac2a537901d46e24073bf2646179f7', 'xapp-1-AW28Y5YT990-8845130185318-bdac9de0712f53710b54e8f812993432dee1e7fcbd085f91f6b5d88372c06d5e', 'xoxe.xoxp-1-Ayc7leIRFWY6pp0bUMW3pJ8dCK0OsanB26mF79qkgYK2frYSGLE8jC8Nylgxlf0LDWCpWJuOk7J2WxVTy8HCw2YjcCWm6N3vdU1X4C5w9GmtOOK0jde5kSun99TCsMYr02RZcgzkXPPpAvQZPX15c7AqddCcrRsemwN', 'xoxe-1-FvSpkadSx4Kh2UW0GxOhnpA9XQOMej2kdXDWW7vCjcbmGMvtWR9FYaK6wesY64rt6BlfuKt2wmHtOUE67WQvRaDiqSSCMiG5biC3VHTk0PLoN1VJZNfRHAibL2lPR1Cl2ms3YEOIqsiensRe6Q'],
    noMatch: [
      'xoxb-your-bot-token',
      'xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
      'xoxp-...',
      'xoxb-1234-5678-abcdefghijklmnopqrstuvwx',
      'xoxp-572370529330-573807301142-572331691188-####################',
      'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
      'xoxb-767864406133-1932118278123-06jkaJYayBvsTipHcsAlXCtK_extra',
      'xoxb-91363518413-959845452876-9gE4gdwHXR2B4njb349nUjK',
    ],
  },
  'slack-webhook': {
    match: ['https://hooks.slack.com/services/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', 'https://hooks.slack.com/services/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', 'https://hooks.slack.com/workflows/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', 'https://hooks.slack.com/triggers/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'],
    noMatch: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/...',
      'https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/xxxxxxxxxxxxxxxxxxxxxxxx',
      'https://hooks.slack.com/services/T2UP15ED5/BUEQ8YN4OYS/A1j6PT9UL0n0hfMJcW9lAc1',
      'https://hooks.slack.com/services/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a',
      'https://api.slack.com/apps/A0123456789/incoming-webhooks',
    ],
  },
  'twilio': {
    match: ['SK68a9950abbf57cd500852bbc237281b1', 'SKca72021fafa15c2cd1e5c1501d224ca4', 'SK2536a730379ab5ab1fc622f5596f4bf8'],
    noMatch: [
      'SK00000000000000000000000000000000',
      'SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'MASK68a9950abbf57cd500852bbc237281b1',
      'ACca72021fafa15c2cd1e5c1501d224ca4',
      'SK2536A730379AB5AB1FC622F5596F4BF8',
      'SK68a9950abbf57cd500852bbc237281b',
    ],
  },
  'twilio-auth-token': {
    match: ['TWILIO_AUTH_TOKEN=6ad0d742c2b59c27ffb99daff69cf8c5', 'twilioAuthToken: "b5a2a8626fc776a38f9e3b833f88733c"', '"twilio_auth_token": "337b83a97c027dec636d35d46a7152a1"', 'TWILIO_API_SECRET = \'sgVgQH521KjEWseIidldeGMBmp9PQXQ8\''],
    secrets: ['6ad0d742c2b59c27ffb99daff69cf8c5', 'b5a2a8626fc776a38f9e3b833f88733c', '337b83a97c027dec636d35d46a7152a1', 'sgVgQH521KjEWseIidldeGMBmp9PQXQ8'],
    noMatch: [
      'TWILIO_AUTH_TOKEN=your_auth_token',
      'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
      'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
      'TWILIO_ACCOUNT_SID=AC6ad0d742c2b59c27ffb99daff69cf8c5',
      'TWILIO_AUTH_TOKEN=5a2a8626fc776a38f9e3b833f88733c',
      '337b83a97c027dec636d35d46a7152a1',
    ],
  },
  'sendgrid': {
    match: ['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', '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', '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'],
    noMatch: ['SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SG.example', 'SG.5eFvmzgB7aoLz0YusyBBau.7OcWPwwMUTOoUz1Wj8uoknrqE_1lqg1NZHBhl7G_Tf', 'MSG.9UbITzsVuTaKEck23Y6N8C.TkgmXTanRhAg0ULweWlD0lbiVyC5FbT-B174iw8VWPj'],
  },
  'telegram-bot': {
    match: ['5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVuy', '153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', 'https://api.telegram.org/bot5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx/sendMessage'],
    secrets: ['5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVuy', '153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', '5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx'],
    noMatch: ['123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '12:34:AA', '12153484381:AA8WksQ9kO54NBbDSBa3fnzepBg2jGU-aT_', '5418551043:AAK05mE7daa1f1-L25jQ8T_7kRarjaQwVu', 'https://api.telegram.org/robot5597303314:AALSsXwlSE7JxvXOdI7oawUNvGpahkncyOx'],
  },
  'discord-webhook': {
    match: ['https://discord.com/api/webhooks/639822187765576396/7VQEAjSIJ5hV5ixjJCLSpf2p6297otofPZQTj7SKeiiquw3q7O0h0x1LZvgWwfa47rMB', 'https://discordapp.com/api/webhooks/6789644471618446493/kvVQ0cWPCCUhdw5ziQxIR5cN8uH-VlLcecWORs26HgSPfk3YegSOsR2eB7oHjkPuYwPc'],
    noMatch: ['https://discord.com/api/webhooks/123456789012345678/...', 'https://discord.com/api/webhooks/{id}/{token}', 'https://discord.com/api/webhooks/639822187765576396/7VQEAjSI'],
  },
};
