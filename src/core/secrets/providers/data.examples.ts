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
};
