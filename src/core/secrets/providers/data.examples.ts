import type { ProviderExamples } from '../provider-types';

export const DATA_EXAMPLES: Record<string, ProviderExamples> = {
  'pinecone': {
    match: ['pcsk_QUTMO_CilYyDzfzcSzdRewHd9dJDb0nGJIZNy041sTpoc9cMdi2Za0YNHK5acZ15F5ZmdEsWj', 'pcsk_whrnGS_qmqmIaUFqUZCVK7poEK6M9Ya0LBZk94f4XTS2ua1WNhcrhe6ofQTTOSNXvWaQjMVRtH0Fb', 'pcsk_jaRWE_3YGSeQDbUNiqBLO0FIQr6AkcdpRJoQKTDrHTIFrVne7h231hjK2bP0aHJS1rIq4R7fe'],
    noMatch: ['pcsk_...', 'pcsk_xxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pcsk_QUTMO_CilYyDzfzcSzdRewHd9dJDb0nGJIZ', 'pcsk-whrnGS-qmqmIaUFqUZCVK7poEK6M9Ya0LBZk94f4XTS2ua1WNhcrhe6ofQTTOSNXvWaQjMVRtH0Fb'],
  },
  'supabase': {
    match: ['sbp_4b5879389ff5040f712db767ee904299baa632d2', 'sb_secret_qGVkcMp2VBEyBqCeQTUG-v2gwtXqDwX', 'sbp_798adc09e7003d164d466e8e7f6e9db675047bca'],
    noMatch: ['sbp_...', 'sb_secret_...', 'sb_publishable_' + 'qGVkcMp2VBEyBqCeQTUG-v2gwtXqDwX', 'sbp_4b5879389ff5040f712db767ee904299baa632d'],
  },
  'databricks': {
    match: ['dapid198144c99e8cea19d93e595d943b389', 'dapidc9ade3df970a12212dffaa43154a3a7-2', 'dapib52f4556172950275e647ac994b6e8e5'],
    noMatch: ['dapi00000000000000000000000000000000', 'dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dapid198144c99e8cea19d93e595d943b38', 'xdapib52f4556172950275e647ac994b6e8e5'],
  },
  'pinecone-legacy': {
    match: ['PINECONE_API_KEY=72070e2a-4c05-46a2-a46a-a0dda9df5b18', 'pineconeApiKey: \'91a4a389-5470-48af-ad53-b358a4255503\''],
    secrets: ['72070e2a-4c05-46a2-a46a-a0dda9df5b18', '91a4a389-5470-48af-ad53-b358a4255503'],
    noMatch: [
      'PINECONE_API_KEY=...',
      'PINECONE_API_KEY=72070e2a-4c05-46a2-a46a-a0dda9df5b1',
      'UNRELATED_API_KEY=91a4a389-5470-48af-ad53-b358a4255503',
    ],
  },
  'weaviate': {
    match: ['WEAVIATE_API_KEY=wxcwalFG2hBb2Q4UZfg6wg3YS3BNUHEuzbLPSMWi', 'weaviateApiKey: \'NyA4VCzAGIVHLk6BpcetANCSIrFGrxnftsH1s0Ch\''],
    secrets: ['wxcwalFG2hBb2Q4UZfg6wg3YS3BNUHEuzbLPSMWi', 'NyA4VCzAGIVHLk6BpcetANCSIrFGrxnftsH1s0Ch'],
    noMatch: [
      'WEAVIATE_API_KEY=...',
      'WEAVIATE_API_KEY=D8VIVHpwhl1n',
      'UNRELATED_API_KEY=NyA4VCzAGIVHLk6BpcetANCSIrFGrxnftsH1s0Ch',
    ],
  },
  'qdrant': {
    match: ['QDRANT_API_KEY=qkvJl17Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcN', 'qdrantApiKey: \'ca9naoS5Xd1jzoRw0CT6EZYtNTBWiED31Ygca-zAQYK5G3Zw\''],
    secrets: ['qkvJl17Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcN', 'ca9naoS5Xd1jzoRw0CT6EZYtNTBWiED31Ygca-zAQYK5G3Zw'],
    noMatch: [
      'QDRANT_API_KEY=...',
      'QDRANT_API_KEY=gwRyTny0vKuJ',
      'UNRELATED_API_KEY=ca9naoS5Xd1jzoRw0CT6EZYtNTBWiED31Ygca-zAQYK5G3Zw',
    ],
  },
  'zilliz': {
    match: ['ZILLIZ_API_KEY=b769614b170e79c85139d8fff49b641d3575c7405b41445c2128194b3e473c34fce16c752ef30ad4f66ab89b4518302faca1bc12', 'milvusToken: \'48cee7475f3b4383544c20f51ca9718883785b4fe2b192423f353228959ddb9cbc3b0302aa693c0bfd35905e09fd95d8935d7544\''],
    secrets: ['b769614b170e79c85139d8fff49b641d3575c7405b41445c2128194b3e473c34fce16c752ef30ad4f66ab89b4518302faca1bc12', '48cee7475f3b4383544c20f51ca9718883785b4fe2b192423f353228959ddb9cbc3b0302aa693c0bfd35905e09fd95d8935d7544'],
    noMatch: [
      'ZILLIZ_API_KEY=...',
      'ZILLIZ_API_KEY=P6AR5Ur0evza',
      'UNRELATED_API_KEY=48cee7475f3b4383544c20f51ca9718883785b4fe2b192423f353228959ddb9cbc3b0302aa693c0bfd35905e09fd95d8935d7544',
    ],
  },
  'chroma': {
    match: ['CHROMA_API_KEY=ck-5vuFmuxIAhBJ6ilJRHlOqs3kswTg128H4d4qf0mOdVpe', 'chromaApiKey: \'ck-IoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9vEfuLV\''],
    secrets: ['ck-5vuFmuxIAhBJ6ilJRHlOqs3kswTg128H4d4qf0mOdVpe', 'ck-IoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9vEfuLV'],
    noMatch: [
      'CHROMA_API_KEY=...',
      'CHROMA_API_KEY=LxGXlhlGxxm5',
      'UNRELATED_API_KEY=ck-IoP2mpsjEKaXyoRrk8Md6OT0RspVgH97589Ek9vEfuLV',
    ],
  },
  'upstash': {
    match: ['UPSTASH_REDIS_REST_TOKEN=AessTQRRKTF2_V-Z-xbCsNxDRYmHgD8pcfA3Cx0XXFy7RvDim9eh3se6kjdMd', 'upstashToken: \'AU6kXNDoee4dfypw2HJ9uV076FCDBxeQZpfFqOHfU-FjktDh3hPKdvzayjznB\''],
    secrets: ['AessTQRRKTF2_V-Z-xbCsNxDRYmHgD8pcfA3Cx0XXFy7RvDim9eh3se6kjdMd', 'AU6kXNDoee4dfypw2HJ9uV076FCDBxeQZpfFqOHfU-FjktDh3hPKdvzayjznB'],
    noMatch: [
      'UPSTASH_REDIS_REST_TOKEN=...',
      'UPSTASH_REDIS_REST_TOKEN=LxuRm3Vv3JwF',
      'UNRELATED_API_KEY=AU6kXNDoee4dfypw2HJ9uV076FCDBxeQZpfFqOHfU-FjktDh3hPKdvzayjznB',
    ],
  },
  'neon': {
    match: ['napi_KpROOBxLxT6UJrPgo31owkjPqJZ4sMWOJLTy6nToOyGnEPkFVrJdV2leYEarzuu3', 'napi_SVBVFrh6Dz79jnOLaIZU94Dm3NsZHZjtO1tnTba38fI2ch3p0tkwpNpcQZPJMlbR'],
    noMatch: [
      'napi_...',
      'napi_KpROOBxLxT6UJrPgo31owkjPqJZ4sMWOJLTy6nToOyGnEPkFVrJdV2leYEarzuu',
      'napi_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'planetscale': {
    match: ['pscale_tkn_4deTfXSTRNPRRlL11SbvSPIcZi24ThXLOM7lLwVF0CY', 'pscale_tkn_d1pXMt6JdFvI_m0mYZ-L-8AAhyNXGipiC_-pDrG2wHR'],
    noMatch: [
      'pscale_tkn_...',
      'pscale_tkn_hCcp4l4KJaY1ytzk46b6',
      'pscale_xyz_4deTfXSTRNPRRlL11SbvSPIcZi24ThXLOM7lLwVF0CY',
    ],
  },
  'mongodb-atlas': {
    match: ['mdb_sa_sk_TvcWq_6WtGRWDyLTGPI9yKKXelPZpPnnq3DVQeOO', 'mdb_sa_sk_HuUcqMoQ6q85wp-Lo6ROMkXOhGCnKfyOqFYBKqYo'],
    noMatch: [
      'mdb_sa_sk_...',
      'mdb_sa_sk_TvcWq_6WtGRWDyLTGPI9yKKXelPZpPnnq3DVQeO',
      'mdb_sa_id_8b599f595e7ae0bc19059919',
    ],
  },
  'astra': {
    match: ['AstraCS:eyJzkAVAgYUuxAhukMEEQqLG:c68cf5782c53f6250f130a0d0def9cb5a202242fc5e7a8824e18926c00b2de2e', 'AstraCS:QNinkzTDprGuflLEmbsTSLUW:f8c258a30b9bc4fcff82ba2ddc4e731da78eb2758a8005ae1477237623d10ee9'],
    noMatch: [
      'AstraCS:...',
      'AstraCS:eyJzkAVAgYUuxAhukMEEQqLG:c68cf5782c53f6250f130a0d0def9cb5a202242fc5e7a8824e18926c00b2de2',
      'AstraCS:aaaaaaaaaaaaaaaaaaaaaaaa:0000000000000000000000000000000000000000000000000000000000000000',
    ],
  },
  'clickhouse-cloud': {
    match: ['4b1dMH1locok9DimJbA9iiBI4o8EncKDIjA2tc2Xxq', '4b1dBEQTa1Mk7Z9CY9r7KTrdzhmEpw7COp0L6YgrSA'],
    noMatch: [
      '4b1d...',
      '4b1dMH1locok9DimJbA9iiBI4o8EncKDIjA2tc2Xx',
      '4b1daaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'cockroachdb': {
    match: ['CCDB1_12KEXepbTHMpG0h8OhP5r3_XW1fko3djs86pPUGACZZ1ATebGbgPMzVRJODDHyJ', 'CCDB1_sWAOyyFzreqPOahxSZT4mq_0TQgwYfwNSINjuQjV3ip4bfAYvGng3zU2f8LL8jC'],
    noMatch: [
      'CCDB1_...',
      'CCDB1_12KEXepbTHMpG0h8OhP5r3_XW1fko3djs86pPUGACZZ1ATebGbgPMzVRJODDHy',
      'CCDB1_vwiGUvP6oNPimngnRoPkt8',
    ],
  },
  'algolia': {
    match: ['ALGOLIA_ADMIN_API_KEY=fbcd5b05a850a4e10c09b1a560d0b675', 'algoliaAdminKey: \'f4663dec2531e60da7fbeebc4c51e926\''],
    secrets: ['fbcd5b05a850a4e10c09b1a560d0b675', 'f4663dec2531e60da7fbeebc4c51e926'],
    noMatch: [
      'ALGOLIA_ADMIN_API_KEY=...',
      'ALGOLIA_ADMIN_API_KEY=fbcd5b05a850a4e10c09b1a560d0b67',
      'UNRELATED_API_KEY=f4663dec2531e60da7fbeebc4c51e926',
      'ALGOLIA_SEARCH_API_KEY=f51227273521b97cc929933b3e6ac017',
    ],
  },
  'elastic': {
    match: ['essu_T130vOpXAgfLyaDjK3pURkv1tEE9qg2CGILbNMYfFUPM3PijgRNau7hcgAOoXr-eVsC5VlT1Q_R8xwcS', 'essu_00XWh-r_spKSS-i4ihpvW_lQQgvyQr9Zgg6g0FeS5Xk--EC56TG53OhsHw9UD7Z186pJveiqApjD0bWF'],
    noMatch: [
      'essu_...',
      'essu_hy1D7z1JodvmlsaXd5dDE8axBaOs9i',
      'essu_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
  },
  'xata': {
    match: ['xau_OQuwyN3BfKwalgdN0bqFAnwmo1XG9N7Ti1L2', 'xau_60o4yVYBx5SS1j9YiaWhqVQgGK7pLnJnAjY5'],
    noMatch: [
      'xau_...',
      'xau_vvKHOonWcuWMHw0m8Uyr',
      'xau_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'convex': {
    match: ['prod:happy-otter-123|eyJdxP0RvXM0FyzJ8CAbis02RLrtbreCvsJ7JDSBRuyi8Y1atnFCQbeIhWSLoYzEL0KOVbLPB6HqhWeVu1u', 'dev:quiet-heron-42|eyJnhFfDXohVR96Sc4YVsisBC8GUpKmNpMpgSr5TJJtiuCySdjubuTdIRD2PUy_JU9u6zejgR8Sli1285Zoql43PZJOkcIKm8TWG4Ev'],
    noMatch: [
      'prod:happy-otter-123|eyJ...',
      'prod:happy-otter-123',
      'prod:happy-otter-123|ycnrU07aFpFBlHJZIc8dfjRFmaMWSoy3oOnZQ4pWYxZEi9xhWjfdMG9gsjCK',
    ],
  },
  'turbopuffer': {
    match: ['tpuf_peyMkhrxqREO1pJ2RMZZ7ZSkjDfSy0oW', 'tpuf_tN4oV52UAaKoiXaYVEZo7YaUbJjiM5Wg'],
    noMatch: [
      'tpuf_...',
      'tpuf_peyMkhrxqREO1pJ2RMZZ7ZSkjDfSy0o',
      'tpuf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'influxdb': {
    match: ['INFLUXDB_TOKEN=1XtahB2fO9OE-alXzeQCkNHFzUljlKyXIGz--kA_5UfBUuGQ5KOj1ShNt5w0MPO-IOfwx0-zvdqHILZGdD1_C3==', 'influxToken: \'Wc9JVvmLnzudAgWmICU0_3I3-Fhi8g7CCJbKcgpp2oxsZsODmuLp0B5ZtKHy0_Cdc_Y1-NXeSIo3BH_mkHO31P==\''],
    secrets: ['1XtahB2fO9OE-alXzeQCkNHFzUljlKyXIGz--kA_5UfBUuGQ5KOj1ShNt5w0MPO-IOfwx0-zvdqHILZGdD1_C3==', 'Wc9JVvmLnzudAgWmICU0_3I3-Fhi8g7CCJbKcgpp2oxsZsODmuLp0B5ZtKHy0_Cdc_Y1-NXeSIo3BH_mkHO31P=='],
    noMatch: [
      'INFLUXDB_TOKEN=...',
      'INFLUXDB_TOKEN=1XtahB2fO9OE-alXzeQCkNHFzUljlKyXIGz--kA_5UfBUuGQ5KOj1ShNt5w0MPO-IOfwx0-zvdqHILZGdD1_C3=',
      'UNRELATED_API_KEY=Wc9JVvmLnzudAgWmICU0_3I3-Fhi8g7CCJbKcgpp2oxsZsODmuLp0B5ZtKHy0_Cdc_Y1-NXeSIo3BH_mkHO31P==',
    ],
  },
  'aiven': {
    match: ['AVNS_gUOkghEUkQxQ9I7q2FDHPtVT', 'AVNS_K0KblyCed7H76MoXgO21wxHX'],
    noMatch: [
      'AVNS_...',
      'AVNS_vCKJ1IolP7',
      'AVNS_aaaaaaaaaaaaaaaaaaaaaaaa',
    ],
  },
  'confluent': {
    match: ['CONFLUENT_API_SECRET=bGy8gUtrUEtzebhhM7JM7/l1dsz1xAtcTSxdSTj7oMXcU+V7h7EA3aHCxY6bUKmd', 'confluentSecret: \'zYyFRg57w5RUik7hMQVQ9i5m0O2fQBjGGmmKRbAlYd2wH4PZG/t4c8KZvUWRLN7t\''],
    secrets: ['bGy8gUtrUEtzebhhM7JM7/l1dsz1xAtcTSxdSTj7oMXcU+V7h7EA3aHCxY6bUKmd', 'zYyFRg57w5RUik7hMQVQ9i5m0O2fQBjGGmmKRbAlYd2wH4PZG/t4c8KZvUWRLN7t'],
    noMatch: [
      'CONFLUENT_API_SECRET=...',
      'CONFLUENT_API_SECRET=bGy8gUtrUEtzebhhM7JM7/l1dsz1xAtcTSxdSTj7oMXcU+V7h7EA3aHCxY6bUKm',
      'UNRELATED_API_KEY=zYyFRg57w5RUik7hMQVQ9i5m0O2fQBjGGmmKRbAlYd2wH4PZG/t4c8KZvUWRLN7t',
    ],
  },
};
