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
    match: ['https://hooks.slack.com/services/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', 'https://hooks.slack.com/services/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', 'https://hooks.slack.com/workflows/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', 'https://hooks.slack.com/triggers/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', 'http://hooks.slack.com/services/Tq5wR8mK2z/Bx7Lp3Nv9c/Vb2Qy8Rk4Mz7Hw1Tj5Nx3Pc6'],
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
  'discord-bot-token': {
    match: ['NzI3NTYzMjQ5NDQwNjA0Mjkw.blem1O.rj6cxcXzZ5xIrsei2lOvDO61lB4clNpGZ0c3LS', 'Nzc0MTk1MDIyMTM3OTQ5OTAyOQ.kRNZMY.UHDOGsDAs4cVeXPqz4lpIwCIHUfgtdPktug2tx'],
    noMatch: [
      'MTAxMjM0NTY3ODkwMTIzNDU2.XXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'bm90LWEtc25vd2ZsYWtlLWlk.aAe02Z.SBX8JeJzQRt2dnrBYtKtlkMTgz5VN4XDLQsjbq',
      'NzI3NTYzMjQ5NDQwNjA0Mjkw',
    ],
  },
  'teams-webhook': {
    match: ['https://acme.webhook.office.com/webhookb2/96a2c339-d6db-454c-b3a8-bedaa3284879@866acf63-bf4f-42f5-a256-307c183b521f/IncomingWebhook/b71707980f3b6061f1668be0a583e4b0/0f1a2f82-883f-4d30-9506-3dc91ffc4244/V2WzRT1jgK53ArSTodCynxd7tkPmhh_IINqzd-0_qa', 'https://prod-42.westeurope.logic.azure.com:443/workflows/be542056e283ed68a01c707bbe3de1ee/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=aqA9v5TqQJwjhvZOn4v5gGj3WzXRfHCOUkltLlzCSbc'],
    noMatch: [
      'https://acme.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<hook>/<owner>',
      'https://prod-42.westeurope.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?sig=...',
      'https://outlook.office.com/webhook/...',
    ],
  },
  'google-chat-webhook': {
    match: ['https://chat.googleapis.com/v1/spaces/AAAAZX-qbTO/messages?key=AIzaSyM8_rb6WqTTXKapu9Eq16QPivO-GfiL6_4&token=hh032-wc3tDHhtDfkl6tO0vBRY4CrPz48KIrgrpModY%3D', 'https://chat.googleapis.com/v1/spaces/AAAACaoPJ2W/messages?key=AIzaSyfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl1&token=7Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcNc%3D'],
    noMatch: [
      'https://chat.googleapis.com/v1/spaces/SPACE/messages?key=KEY&token=TOKEN',
      'https://chat.googleapis.com/v1/spaces/AAAAabc/messages',
      'https://chat.googleapis.com/v1/spaces/AAAA1234567/messages?key=...&token=...',
    ],
  },
  'twilio-sid-auth-token': {
    match: ['const client = twilio(\'ACefc258d5f55e5c260fa2172e96c4952e\', \'c163284d401e1a11f65be2788cf01c16\');', 'curl -u AC339a2318766eec021b39408fa0a2c0f2:c933aa413f64cf77d755393d1402101b https://api.twilio.com/2010-04-01/Accounts.json'],
    secrets: ['c163284d401e1a11f65be2788cf01c16', 'c933aa413f64cf77d755393d1402101b'],
    noMatch: [
      'TWILIO_ACCOUNT_SID=ACefc258d5f55e5c260fa2172e96c4952e',
      'twilio(\'ACefc258d5f55e5c260fa2172e96c4952e\', process.env.TWILIO_AUTH_TOKEN)',
      'twilio(\'ACefc258d5f55e5c260fa2172e96c4952e\', \'00000000000000000000000000000000\')',
    ],
  },
  'mailgun': {
    match: ['key-3a6bb0f617f38484c663e6d638c03273', 'key-db9fe174c068b3540e514c5b73fe6a26'],
    noMatch: [
      'key-...',
      'key-3a6bb0f617f38484c663e6d638c0327',
      'key-00000000000000000000000000000000',
    ],
  },
  'mailgun-api-key': {
    match: ['MAILGUN_API_KEY=048ee98a6ae8717878bc88c23947075c-4ef9e184-b053199a', 'mailgunApiKey: \'29df708b06db3e7b39b5669aea5895b5-14df6912-8205ba76\''],
    secrets: ['048ee98a6ae8717878bc88c23947075c-4ef9e184-b053199a', '29df708b06db3e7b39b5669aea5895b5-14df6912-8205ba76'],
    noMatch: [
      'MAILGUN_API_KEY=...',
      'MAILGUN_API_KEY=048ee98a6ae8717878bc88c23947075c-4ef9e184-b053199',
      'UNRELATED_API_KEY=29df708b06db3e7b39b5669aea5895b5-14df6912-8205ba76',
    ],
  },
  'mailchimp': {
    match: ['36b3f76c8ecbca9fe6da706b57a2e0f0-us83', '800c4c7b9ca908839bcf6bf77ea83a7b-us82'],
    noMatch: [
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us21',
      '6b3f76c8ecbca9fe6da706b57a2e0f0-us83',
      '00000000000000000000000000000000-us21',
    ],
  },
  'postmark': {
    match: ['POSTMARK_SERVER_TOKEN=bacd9b3a-2591-430d-ad34-9cc4730fe72e', 'X-Postmark-Server-Token: \'52f50351-b92e-4e1d-a6d2-98201f916441\''],
    secrets: ['bacd9b3a-2591-430d-ad34-9cc4730fe72e', '52f50351-b92e-4e1d-a6d2-98201f916441'],
    noMatch: [
      'POSTMARK_SERVER_TOKEN=...',
      'POSTMARK_SERVER_TOKEN=bacd9b3a-2591-430d-ad34-9cc4730fe72',
      'UNRELATED_API_KEY=52f50351-b92e-4e1d-a6d2-98201f916441',
    ],
  },
  'resend': {
    match: ['re_eYFCKuM6_DOIBka3MoJU7mXVMNaDwSAFJ', 're_ilKsYRLL_g4GxAR7J9Kto72f9XgaFedl7'],
    noMatch: [
      're_...',
      're_eYFCKuM6_DOIBka3MoJU7mXVMNaDwSAF',
      're_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbb',
    ],
  },
  'brevo': {
    match: ['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', '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'],
    noMatch: [
      'xkeysib-...',
      'xkeysib-7360197465d44f64acabffbb10675ecbb535cf0e693480e141b399551901b971-a5c9eixjCFos6pV',
      'xkeysib-0000000000000000000000000000000000000000000000000000000000000000-aaaaaaaaaaaaaaaa',
    ],
  },
  'mandrill': {
    match: ['MANDRILL_API_KEY=md-RAr-7bEDJxtGeSnyY114Br', 'mandrillKey: \'md-1p6eCjeTVGuPo9Vyoq7RR_\''],
    secrets: ['md-RAr-7bEDJxtGeSnyY114Br', 'md-1p6eCjeTVGuPo9Vyoq7RR_'],
    noMatch: [
      'MANDRILL_API_KEY=...',
      'MANDRILL_API_KEY=md-RAr-7bEDJxtGeSnyY114B',
      'UNRELATED_API_KEY=md-1p6eCjeTVGuPo9Vyoq7RR_',
    ],
  },
  'mailersend': {
    match: ['mlsn.fR41pVNRzUyzV0IsYYKqKn5CxB3Y4K4Db9jgWYzKDZidysqQsyN2Ip7nY3JWtrqZ', 'mlsn.kmOQ46zpqml0ODPErXQl4zuGD4qnWbcmJZsRUJDVNg3PEmy6W9RMHJR8M7uW3YCH'],
    noMatch: [
      'mlsn....',
      'mlsn.fR41pVNRzUyzV0IsYYKqKn5CxB3Y4K4Db9jgWYzKDZidysqQsyN2Ip7nY3JWtrq',
      'mlsn.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'mattermost': {
    match: ['MATTERMOST_TOKEN=odiv17f6nv8m7h6m78rsw2gwto', 'mattermostToken: \'0zkiovcqm1wdrx5ganah1e612s\''],
    secrets: ['odiv17f6nv8m7h6m78rsw2gwto', '0zkiovcqm1wdrx5ganah1e612s'],
    noMatch: [
      'MATTERMOST_TOKEN=...',
      'MATTERMOST_TOKEN=odiv17f6nv8m7h6m78rsw2gwt',
      'UNRELATED_API_KEY=0zkiovcqm1wdrx5ganah1e612s',
    ],
  },
  'plivo': {
    match: ['PLIVO_AUTH_TOKEN=w5DADE7S2Gt7nhzJgI0vfVrVrY6najFhArdCTyJE', 'plivoAuthToken: \'2WqJLUsIQih6SUV6yEpGyE13GvquzpnF98fxz5NP\''],
    secrets: ['w5DADE7S2Gt7nhzJgI0vfVrVrY6najFhArdCTyJE', '2WqJLUsIQih6SUV6yEpGyE13GvquzpnF98fxz5NP'],
    noMatch: [
      'PLIVO_AUTH_TOKEN=...',
      'PLIVO_AUTH_TOKEN=w5DADE7S2Gt7nhzJgI0vfVrVrY6najFhArdCTyJ',
      'UNRELATED_API_KEY=2WqJLUsIQih6SUV6yEpGyE13GvquzpnF98fxz5NP',
    ],
  },
  'telnyx': {
    match: ['KEY02C0F384CF25D24BF8934F7878A6E287_et74NPotj5tI4cC8bmsl6R', 'KEY05AFDD9DB7CC6DA4A884CE15672ACAB0_qPOi1SxnRjGGUqOm6wptdJ'],
    noMatch: [
      'KEY0...',
      'KEY02C0F384CF25D24BF8934F7878A6E287_et74NPotj5tI4cC8bmsl6',
      'KEY00000000000000000000000000000000_aaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'messagebird': {
    match: ['MESSAGEBIRD_API_KEY=rOSwflpU627TNY7fSjpUMHHWK', 'messagebirdAccessKey: \'5KsSAOqLG232bJfp7P0k0yQrK\''],
    secrets: ['rOSwflpU627TNY7fSjpUMHHWK', '5KsSAOqLG232bJfp7P0k0yQrK'],
    noMatch: [
      'MESSAGEBIRD_API_KEY=...',
      'MESSAGEBIRD_API_KEY=rOSwflpU627TNY7fSjpUMHHW',
      'UNRELATED_API_KEY=5KsSAOqLG232bJfp7P0k0yQrK',
    ],
  },
  'sendbird': {
    match: ['SENDBIRD_API_TOKEN=2adbab63b866b724abb73c1dbdd6b7b7417a67b0', 'sendbirdToken: \'11858d7b48361a8966a5be2045cc615ea46c6e63\''],
    secrets: ['2adbab63b866b724abb73c1dbdd6b7b7417a67b0', '11858d7b48361a8966a5be2045cc615ea46c6e63'],
    noMatch: [
      'SENDBIRD_API_TOKEN=...',
      'SENDBIRD_API_TOKEN=2adbab63b866b724abb73c1dbdd6b7b7417a67b',
      'UNRELATED_API_KEY=11858d7b48361a8966a5be2045cc615ea46c6e63',
    ],
  },
  'lark': {
    match: ['LARK_APP_SECRET=OCPkNkT4S8Mg0TSnWLDKRB9isxWnmdc4', 'feishuAppSecret: \'vpa8ncp4ySo1bJAAegT6jc9iG3IuUO3E\''],
    secrets: ['OCPkNkT4S8Mg0TSnWLDKRB9isxWnmdc4', 'vpa8ncp4ySo1bJAAegT6jc9iG3IuUO3E'],
    noMatch: [
      'LARK_APP_SECRET=...',
      'LARK_APP_SECRET=OCPkNkT4S8Mg0TSnWLDKRB9isxWnmdc',
      'UNRELATED_API_KEY=vpa8ncp4ySo1bJAAegT6jc9iG3IuUO3E',
    ],
  },
};
