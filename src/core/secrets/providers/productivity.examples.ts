import type { ProviderExamples } from '../provider-types';

export const PRODUCTIVITY_EXAMPLES: Record<string, ProviderExamples> = {
  'notion': {
    match: ['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', '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', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vo'],
    noMatch: ['secret_manager_access_role_binding_for_service_x', 'ntn_...', 'secret_SECRETSECRETSECRETSECRETSECRETSECRETSECR', 'ntn_92944642052WJtfn1fuwcrVDFRDpu6Gk8MURlClm2f8yv', 'secret_Z38A4V2LAR6DjpNxjXkPK9oPDQpfU4lRURE9v0OY9vox'],
  },
  'linear': {
    match: ['lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UVQ', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61', 'lin_api_hVcpiDOce4mVT0jcTQtiYYlBweLjXeGwEveqrgoF'],
    noMatch: ['lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'lin_api_...', 'lin_api_yKjRxJ68uA5vC8Yn43csBueGK7UYYIjlrJHw4UV', 'lin_api_1UBbKId9X8WmFvTbKqlmlUNGggc4VS1gsJudXO61x'],
  },
  'atlassian': {
    match: ['ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B63', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423B'],
    noMatch: ['ATATT3...', 'ATATT3xFfGF0Q6W5FiihyxXknZpz_UsERLWiFwb7bFrPakMneANKtCnScZKRvAZyInKGlc7qh2GVW3yAH7URVreIpmQ-yq7pVSk4ZrwVeSFeLdHddgIT7uM5zn6cvoARJL_dbGQxDaWdYsfq7LUuPUvK2N2Nz7fVZjPshLBDRGBsnWLRdYPvNM7=25C89B6', 'ATATT3xFfGF04OKdGs6gMN4ECkV4vxam4oqswvqbOgpM7pzPDu6zgnnOy7bbfDo-O3f4dm_gPLGuauv-sqcm9SqLh2l4SHnCRWt4cowrunq0J0BMnR-LnIlKDTQwr363uE78POzq19NYLusbu3TNON3PPoBloMifMwGfd1DpapGGmtq3u4Wb5ud=7088423BA'],
  },
  'asana': {
    match: ['2/9848411836742021/6714772729450737:820b224ef5e4795c0b10c440713f4d31', '1/5712514454577624:87b90343dc6c0c80e17adf037edb8f18'],
    noMatch: [
      '2/1234567890123456/1234567890123456:...',
      '1/4126795877029981',
      '3/2906872467980816:26c5f8c5fbb4b5f0e78fa6385c372f36',
    ],
  },
  'airtable': {
    match: ['pat8xWDETcNDMPMH5.077c7617138c9a714df1345be13234f53e7dc8fef38bb441e275fe98999f9fa7', 'patR5rE7VMvsZplhM.98ffe004f9698581b62e79520b2cf5d03aae22ca4c049817b4a2b1a74591b5a6'],
    noMatch: [
      'pat...',
      'pat8xWDETcNDMPMH5.077c7617138c9a714df1345be13234f53e7dc8fef38bb441e275fe98999f9fa',
      'pataaaaaaaaaaaaaa.0000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
  'clickup': {
    match: ['pk_76335913_AT5R9J9U1S6CSTQ8HIH3QY5TGXR8XIV9', 'pk_90467848_SWBP5ODU9GRO8HVVACQSLUTDAWXNIUXW'],
    noMatch: [
      'pk_...',
      'pk_76335913_AT5R9J9U1S6CSTQ8HIH3QY5TGXR8XIV',
      'pk_12345678_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'figma': {
    match: ['figd_T33X6KymeKk-dLB2VOiS3MH0E970Gwek3bu8toB5', 'figd_GK2BoAO1XMjud814x1KISj1EbSTAOX7JtTikbv5d'],
    noMatch: [
      'figd_...',
      'figd_evmULVAHjsv4X5WWYXYJ',
      'figd_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'zendesk': {
    match: ['ZENDESK_API_TOKEN=ZwinDTGhSGaYQgWUJjKWKDatSV8Ifw9vzixtKXKB', 'zendeskToken: \'6XxnK9uZhVVYWkHyxTwJmYnkcg1TlkG65jMhAi2p\''],
    secrets: ['ZwinDTGhSGaYQgWUJjKWKDatSV8Ifw9vzixtKXKB', '6XxnK9uZhVVYWkHyxTwJmYnkcg1TlkG65jMhAi2p'],
    noMatch: [
      'ZENDESK_API_TOKEN=...',
      'ZENDESK_API_TOKEN=ZwinDTGhSGaYQgWUJjKWKDatSV8Ifw9vzixtKXK',
      'UNRELATED_API_KEY=6XxnK9uZhVVYWkHyxTwJmYnkcg1TlkG65jMhAi2p',
    ],
  },
  'intercom': {
    match: ['dG9rOjdjNjQxZTZiLTE4ZTEtNDczNy1iMzJmLTI0MWM2ZjY5NGQyNjoxOjA=', 'dG9rOmI0YWU4NTJiLWM1ODctNDYwYy05ODU4LTI1MWI3NDZhZGJlNjoxOjA1MXkwN28='],
    noMatch: [
      'dG9rO...',
      'dG9rOuNCXKiBwx8gw2XmpJscAaqmauxbYXTSNABFowrT7x33xVAZplNFc7NB4mNk8',
      'dG9rOm5vdC1hLXV1aWQ6MTowLXBhZGRpbmctdG8tbGVuZ3Ro',
    ],
  },
  'hubspot': {
    match: ['pat-na1-27771a9e-9f83-4908-b10e-20bdfdf12d5b', 'pat-eu1-fff4633f-936c-43d9-a40e-9038b933b168'],
    noMatch: [
      'pat-na1-...',
      'pat-na1-edefbb86-f9a3-4939-b9aa-72962a6dffb',
      'pat-na1-00000000-0000-0000-0000-000000000000',
    ],
  },
  'salesforce': {
    match: ['00Dv9VqCnM3rbr685c!22DKes5hBE8uj3U4aPfJ0wPGC51d5MeooyN2fez0NHIYDNkxcv6ZiNwakjEyFEb2HLHyLyCA1fE1kQePm95SYthUPTmyM5u64aE4', '00D4VrkGOMAXLTH56a!pkqCNOSXjzLP6jDWghsz0D2GH9IbH0Wm0tPw8U6hFNavVtAY51erYb221NxStfi9k1bmrjv2x8EJscdb0UggzophkmvahbY92yQu'],
    noMatch: [
      '00D...',
      '00DFoMXnm0rHc7XhZP!',
      '00D1x6T2kzxOtKmEVO!aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'typeform': {
    match: ['tfp_Xv3linJIw6qAerOZnSphu0ErZy9LpbNPAqBqUS8J74l5PlLIMeni5G5YGdU', 'tfp_n_CAlL8xiOiyF6dk09PP1s05RbPapfawhsfiFKQsy2bF01W3QZCdJqM2X6M'],
    noMatch: [
      'tfp_...',
      'tfp_Xv3linJIw6qAerOZnSphu0ErZy9LpbNPAqBqUS8J74l5PlLIMeni5G5YGd',
      'tfp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'contentful': {
    match: ['CFPAT-WXKgaLJdwh_1J482hTc33Sn8aXOZo8VxS5q2XwA0eC9', 'CFPAT-oEkA706aNmBs_Pr0t5qvQMMuQ2Ckn-Oc51VmcwkmR85'],
    noMatch: [
      'CFPAT-...',
      'CFPAT-WXKgaLJdwh_1J482hTc33Sn8aXOZo8VxS5q2XwA0eC',
      'CFPAT-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'dropbox': {
    match: ['sl.P0meC5NbTEF3ZacbJraXEvzzlz8_9JbqqSkv_8muzQ48NdDWxG_uOZNZdliOHwguMyLjbgCYG9ZRmv6XzK5Z-MEV1JXmL-wScI9KQtpLrIdHEJ7rpc_xmMz2IzRyb27i3ce5s7aDeudb', 'sl.9CJFlVlF50iZW0CZQdnZPDTAeyrMNpcS72mPgvfzHnMiowxYIYdPUZcTyGL9gc5HVG9DHsaKc_Z5poXDfS4pardJ0-YyG46rEL6iTHF-Oq8CX0ugeuT3jDvAM3eIrYI8u6N4XmtljouV'],
    noMatch: [
      'sl....',
      'sl.mKGCPWwaQB6r1iEEE7NR8RZK22geIeVD4k7h5-4B',
      'sl.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'todoist': {
    match: ['TODOIST_API_TOKEN=31a56aa5fd3cc22645088db06e87b545bf6a10f3', 'todoistToken: \'ec4323c7764f09c1d89a42d58c989d26124a2fde\''],
    secrets: ['31a56aa5fd3cc22645088db06e87b545bf6a10f3', 'ec4323c7764f09c1d89a42d58c989d26124a2fde'],
    noMatch: [
      'TODOIST_API_TOKEN=...',
      'TODOIST_API_TOKEN=31a56aa5fd3cc22645088db06e87b545bf6a10f',
      'UNRELATED_API_KEY=ec4323c7764f09c1d89a42d58c989d26124a2fde',
    ],
  },
  'trello': {
    match: ['ATTAb14aa02427ccc9e2747dfbc0f0f6119193e4b2745b98f082ed617a83d628d5157A9A7C41', 'ATTAa9485bc9c8fc202301896228e20be4604e0e4b6d0530bed53e22846b48ae160d3EDB72DD'],
    noMatch: [
      'ATTA...',
      'ATTAb14aa02427ccc9e2747dfbc0f0f6119193e4b2745b98f082ed617a83d628d5157A9A7C4',
      'ATTA000000000000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
  'shortcut': {
    match: ['SHORTCUT_API_TOKEN=e0ad67cd-c701-43a6-a7f9-a004a3c75487', 'clubhouseToken: \'1b410249-bc8d-45b5-a4e8-3ab6e81cf673\''],
    secrets: ['e0ad67cd-c701-43a6-a7f9-a004a3c75487', '1b410249-bc8d-45b5-a4e8-3ab6e81cf673'],
    noMatch: [
      'SHORTCUT_API_TOKEN=...',
      'SHORTCUT_API_TOKEN=e0ad67cd-c701-43a6-a7f9-a004a3c7548',
      'UNRELATED_API_KEY=1b410249-bc8d-45b5-a4e8-3ab6e81cf673',
    ],
  },
  'pagerduty': {
    match: ['PAGERDUTY_API_KEY=RX7tkEQAJR_DcyXCm2yX', 'pagerdutyToken: \'azuyFvOjBahIBj_5M4SM\''],
    secrets: ['RX7tkEQAJR_DcyXCm2yX', 'azuyFvOjBahIBj_5M4SM'],
    noMatch: [
      'PAGERDUTY_API_KEY=...',
      'PAGERDUTY_API_KEY=RX7tkEQAJR_DcyXCm2y',
      'UNRELATED_API_KEY=azuyFvOjBahIBj_5M4SM',
    ],
  },
  'opsgenie': {
    match: ['OPSGENIE_API_KEY=ad1cf470-b401-43ec-a2c9-860bad488bc9', 'opsgenieApiKey: \'6ff892d4-33a1-4d67-ae21-f615f3158a86\''],
    secrets: ['ad1cf470-b401-43ec-a2c9-860bad488bc9', '6ff892d4-33a1-4d67-ae21-f615f3158a86'],
    noMatch: [
      'OPSGENIE_API_KEY=...',
      'OPSGENIE_API_KEY=ad1cf470-b401-43ec-a2c9-860bad488bc',
      'UNRELATED_API_KEY=6ff892d4-33a1-4d67-ae21-f615f3158a86',
    ],
  },
  'canva': {
    match: ['cnvcaVc4vXaNngq1XzJpFfs6AskXUQ5q-xREk7SfpdSAdzRFMF1iu8nw', 'cnvcaMtGb6KwaUFH7Anl_1vRm79qythoQttZlRqsZr5pMzmLTq8Tr9KT'],
    noMatch: [
      'cnvca...',
      'cnvcaVc4vXaNngq1XzJpFfs6AskXUQ5q-xREk7SfpdSAdzRFMF1iu8n',
      'cnvcaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'frameio': {
    match: ['fio-u-zaagpHqWp_Wz1c6XEeYC79GHUp3C14XTBFRou44Zv0l-mrTMVmAH-10tFVThz3OE', 'fio-u-LkvrIMTmB4EHv7YMe7eb3-fGl2slEpNCMk-5JzlYTn1mwGJXMpoZSOkKs4SoeHCZ'],
    noMatch: [
      'fio-u-...',
      'fio-u-zaagpHqWp_Wz1c6XEeYC79GHUp3C14XTBFRou44Zv0l-mrTMVmAH-10tFVThz3O',
      'fio-u-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'readme': {
    match: ['rdme_870v6lyzhrfqwkry8hs10qe0pp8k309ijr7nc8hjffkp7yg4g799mwmo31zx9tbfk8lxz5', 'rdme_6qf6gbb2yrbhedd0urz5r85dahwmoyloocf0n44w7jt0k2day93tyu6o6igaagaahjbtoo'],
    noMatch: [
      'rdme_...',
      'rdme_870v6lyzhrfqwkry8hs10qe0pp8k309ijr7nc8hjffkp7yg4g799mwmo31zx9tbfk8lxz',
      'rdme_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'twitter-bearer-token': {
    match: ['AAAAAAAAAAAAAAAAAAAAAMOGFYe3clhCvbjtJIZBmZzKYLmkeKhOuEljnLcAKCmc0n0wjwOvGFiOtNJYrwjVeRWWXASIKyP6SIRrG%3DMfJQCsFyGvE1IXNYlBOI', 'AAAAAAAAAAAAAAAAAAAAApslLAhahGZEsIqm0Wef6NwvxE6KA0niQOZhQMtErSSRcB5bB5Ztx1ZAcX0BkLfB9te4pjAjwa8Bml3n5%3DpTi88sq6BAWHTxxsQxRn'],
    noMatch: [
      'AAAAAAAAAAAAAAAAAAAAA...',
      'AAAAAAAAAAAAAAAAAAAAAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'AAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'facebook-app-token': {
    match: ['FB_APP_ACCESS_TOKEN=134306553129152|A67ifil0s0vzGmi8O3crqbLngDY', "const api = FacebookAdsApi.init('2321593593073704|34b7d2dcb5d24fca5a90c0c4d57a520d');"],
    secrets: ['A67ifil0s0vzGmi8O3crqbLngDY', '34b7d2dcb5d24fca5a90c0c4d57a520d'],
    noMatch: [
      'FB_APP_ACCESS_TOKEN=134306553129152|xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'row 134306553129152|A67ifil0s0vzGmi8O3crqbLngDY',
      'facebook 134306553129152|abcdefghijklmnopqrstuvwxyza',
    ],
  },
  'facebook-app-secret': {
    match: ['FACEBOOK_APP_SECRET=5d56407d3452f2d66760a72eafb8c43c', 'config.facebook.key = "c6579114061e68598fd687701146e5ab"'],
    secrets: ['5d56407d3452f2d66760a72eafb8c43c', 'c6579114061e68598fd687701146e5ab'],
    noMatch: [
      'FACEBOOK_APP_SECRET=00000000000000000000000000000000',
      'FACEBOOK_APP_ID=5d56407d3452f2d66760a72eafb8c43c',
      'FACEBOOK_APP_SECRET=5d56407d3452f2d66760a72eafb8c43cff',
    ],
  },
  'facebook': {
    match: ['EAAGZ8ofSMsQAKPSyGj5MH7y98buaZjPVCbLCbnwpKo2MmlCbskjtVy0SFUlowA7AW5TBAuVwD4gFEYMAa0fuuXJInFpZ9OgdjBpaWoOIANXDIqe1BSjn12MG0OtYInZAH6UQz8lP82w2UEIOFFd5VeQ52', 'EAAGd9kUB04SwNUeazVdFi06X13EernTssw3FVRHUAdrqHPX5CkzX2Ie4ZlRgkx14EaYwatZ1xUgBwHd5yYFFwUCNDsFPXQZw5okgxVHOIPx9O9E1Lx3dJFOmAXAnafi2XStjdW9n8Eth631ZL89mm1L6F'],
    noMatch: [
      'EAAG...',
      'EAAGRijR4QRLkRmppUdtOFCS4cJJnMNpA7U8vtzqHjO7',
      'EAAGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'mapbox': {
    match: ['sk.eyJ3Bzleb9r4LMWBwYl64hBgUmH8Qh4vS-FYLiEaWdoGbmMD66aR3QFs8o9hlLw.dufqSePNwJPHz6cDRvqilA', 'sk.eyJPjPPcFAdsVVbA7yfJI_cAyFC2hw6NzXtepe93PW9pI4-MoD-wHih2qDfaMvL.CaecG9EFsxTnpFKDCkfvV_'],
    noMatch: [
      'sk.eyJ...',
      'pk.eyJ9EFlNBBw5glxfhb6ahCzFFz-GZwjBSdHnl4QZff4f_rll-47ucUkC5DTMk8r.RxR00o13_2_TKLCIBRiLfG',
      'sk.eyJxFrWQ3YxD6',
    ],
  },
  'cloudinary': {
    match: ['CLOUDINARY_URL=cloudinary://868283146404686:V58KeSDHLue5AWJsB7Y5MPlIkN3@acme-media', 'cloudinary://781264132397923:TetfJ3t5o2bEOvSXuqLUMBe3KJC@demo-cloud'],
    secrets: ['V58KeSDHLue5AWJsB7Y5MPlIkN3', 'TetfJ3t5o2bEOvSXuqLUMBe3KJC'],
    noMatch: [
      'cloudinary://123456789012345:<api_secret>@cloud',
      'cloudinary://API_KEY:API_SECRET@CLOUD_NAME',
      'cloudinary://123456789012345:abc@x',
    ],
  },
};
