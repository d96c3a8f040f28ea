// Value kinds for the provider and credential-format templates (corpus-src/providers/**): format-valid random
// values for every detector family of the catalog, and look-alikes that fail a format's structure. Generated from
// the file's own PRNG (see values.mjs), never issued by any provider.

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const URLSAFE = ALNUM + '_-';
const BASE64 = ALNUM + '+/';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

/** Kinds by name; `pick(alphabet, n)` and `int(lo, hi)` draw from the file's PRNG. */
export function makeProviderGenerators({ pick, int }) {
  /** Random text of an alphabet that has upper and lower case and a digit (what detectors ask of random bodies). */
  const mixed = (alphabet, n) => {
    for (;;) {
      const value = pick(alphabet, n);
      if (/[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value)) return value;
    }
  };
  const uuid = () => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-${pick('89ab', 1)}${pick(HEX, 3)}-${pick(HEX, 12)}`;
  const jwt = (header, payload) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${mixed(URLSAFE, 43)}`;
  const password = () => `${mixed(ALNUM, int(10, 14))}${pick('!#%+=', 1)}${pick(DIGITS, 2)}`;
  const openaiHalf = (n) => mixed(URLSAFE, n);

  return {
    // ---- AI model APIs ------------------------------------------------------------------------------------
    'openai-svcacct-46': () => `sk-svcacct-${openaiHalf(46)}T3BlbkFJ${openaiHalf(46)}`,
    'openai-nomarker': () => `sk-proj-${mixed(ALNUM, 48)}`,
    'openai-halves': () => `sk-proj-${openaiHalf(58)}T3BlbkFJ${openaiHalf(40)}`,
    'anthropic-oauth': () => `sk-ant-oat01-${mixed(URLSAFE, 95)}AA`,
    'mistral-key': () => mixed(ALNUM, 32),
    'cohere-key': () => mixed(ALNUM, 40),
    'together-v1': () => `tgp_v1_${mixed(URLSAFE, 43)}`,
    'fireworks-key': () => `fw_${mixed(ALNUM, 24)}`,
    deepseek: () => `sk-${pick(HEX, 32)}`,
    'moonshot-key': () => `sk-${mixed(ALNUM, 48)}`,
    cerebras: () => `csk-${pick(LOWER_ALNUM, 48)}`,
    nvidia: () => `nvapi-${mixed(URLSAFE, 64)}`,
    minimax: () => `sk-api-${mixed(URLSAFE, 120)}`,
    'zhipu-key': () => `${pick(HEX, 32)}.${mixed(ALNUM, 16)}`,
    'azure-openai-84': () => mixed(ALNUM, 84),
    'aws-bedrock': () => `ABSK${b64(`BedrockAPIKey-${pick(LOWER_ALNUM, 4)}-at-${pick(DIGITS, 12)}:${mixed(BASE64, 60)}`)}`,
    'deepgram-key': () => pick(HEX, 40),
    'assemblyai-key': () => pick(HEX, 32),
    voyage: () => `pa-${mixed(URLSAFE, 43)}`,
    jina: () => `jina_${pick(HEX, 32)}${mixed(URLSAFE, 28)}`,
    'fal-key': () => `${uuid()}:${pick(HEX, 32)}`,
    runpod: () => `rpa_${pick(UPPER_DIGITS, 40)}${mixed(ALNUM, 6)}`,
    'xai-key': () => `xai-${mixed(ALNUM, 80)}`,
    // ---- data --------------------------------------------------------------------------------------------
    neon: () => `napi_${mixed(ALNUM, 64)}`,
    planetscale: () => `pscale_tkn_${mixed(URLSAFE, 43)}`,
    astra: () => `AstraCS:${pick(LETTERS, 24)}:${pick(HEX, 64)}`,
    'upstash-token': () => `A${mixed(URLSAFE, 60)}`,
    'weaviate-key': () => mixed(ALNUM, 40),
    'qdrant-key': () => `${uuid()}|${mixed(URLSAFE, 40)}`,
    'zilliz-key': () => pick(HEX, 104),
    'chroma-key': () => `ck-${mixed(ALNUM, 44)}`,
    cockroachdb: () => `CCDB1_${mixed(ALNUM, 22)}_${mixed(ALNUM, 40)}`,
    'mongodb-atlas': () => `mdb_sa_sk_${mixed(URLSAFE, 40)}`,
    xata: () => `xau_${mixed(ALNUM, 36)}`,
    aiven: () => `AVNS_${mixed(URLSAFE, 24)}`,
    // ---- observability -----------------------------------------------------------------------------------
    helicone: () => `sk-helicone-${pick(LOWER_ALNUM, 7)}-${pick(LOWER_ALNUM, 7)}-${pick(LOWER_ALNUM, 7)}-${pick(LOWER_ALNUM, 7)}`,
    'braintrust-key': () => `sk-${mixed(ALNUM, 48)}`,
    wandb: () => `wandb_v1_${mixed(ALNUM, 30)}_${mixed(ALNUM, 46)}`,
    'wandb-key': () => pick(HEX, 40),
    'datadog-app-key': () => pick(HEX, 40),
    'new-relic': () => `NRAK-${pick(UPPER_DIGITS, 27)}`,
    honeycomb: () => `hcaik_${pick(LOWER_ALNUM, 58)}`,
    posthog: () => `phx_${mixed(URLSAFE, 43)}`,
    'posthog-public': () => `phc_${mixed(URLSAFE, 43)}`,
    dynatrace: () => `dt0c01.${pick(UPPER_DIGITS, 24)}.${pick(UPPER_DIGITS, 64)}`,
    axiom: () => `xaat-${uuid()}`,
    'sentry-user': () => `sntryu_${pick(HEX, 64)}`,
    grafana: () => `glsa_${mixed(ALNUM, 32)}_${pick(HEX, 8)}`,
    // ---- agent tools -------------------------------------------------------------------------------------
    browserbase: () => `bb_live_${mixed(URLSAFE, 27)}`,
    'exa-key': () => uuid(),
    'serpapi-key': () => pick(HEX, 64),
    apify: () => `apify_api_${mixed(ALNUM, 36)}`,
    'brave-search': () => `BSA${mixed(URLSAFE, 27)}`,
    e2b: () => `e2b_${pick(HEX, 40)}`,
    firecrawl: () => `fc-${pick(HEX, 32)}`,
    mem0: () => `m0-${mixed(ALNUM, 40)}`,
    'zapier-webhook': () => `https://hooks.zapier.com/hooks/catch/${pick(DIGITS, 8)}/${pick(LOWER_ALNUM, 7)}/`,
    // ---- cloud and hosting -------------------------------------------------------------------------------
    'cloudflare-user': () => `cfut_${mixed(ALNUM, 40)}${pick(HEX, 8)}`,
    'cloudflare-account': () => `cfat_${mixed(ALNUM, 40)}${pick(HEX, 8)}`,
    'cloudflare-legacy-key': () => mixed(URLSAFE, 40),
    'vercel-pat': () => `vcp_${mixed(URLSAFE, 56)}`,
    'vercel-gateway': () => `vck_${mixed(URLSAFE, 56)}`,
    netlify: () => `nfp_${mixed(ALNUM, 36)}`,
    flyio: () => `fo1_${mixed(URLSAFE, 43)}`,
    render: () => `rnd_${mixed(ALNUM, 32)}`,
    heroku: () => `HRKU-AA${mixed(URLSAFE, 58)}`,
    'railway-token': () => uuid(),
    tailscale: () => `tskey-auth-k${mixed(ALNUM, 11)}CNTRL-${mixed(ALNUM, 33)}`,
    'tailscale-client': () => `tskey-client-k${mixed(ALNUM, 11)}CNTRL-${mixed(ALNUM, 33)}`,
    'ngrok-authtoken': () => `2${mixed(ALNUM, 26)}_${mixed(ALNUM, 21)}`,
    'digitalocean-pat': () => `dop_v1_${pick(HEX, 64)}`,
    'azure-devops': () => `${mixed(ALNUM, 76)}AZDO${mixed(ALNUM, 4)}`,
    alibaba: () => `LTAI${mixed(ALNUM, 20)}`,
    'google-oauth-refresh': () => `1//0${mixed(URLSAFE, 100)}`,
    'azure-sas-sig': () => `${mixed(BASE64, 43)}=`.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D'),
    // ---- code hosting, CI, registries, secret managers ---------------------------------------------------
    'github-app-stateless': () =>
      `ghs_${pick(DIGITS, 7)}_${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ iid: int(10000000, 99999999), aid: int(1000000, 9999999), exp: 1798761600 }))}.${mixed(URLSAFE, 342)}`,
    'github-oauth-secret': () => pick(HEX, 40),
    testpypi: () => `pypi-AgENdGVzdC5weXBpLm9yZw${mixed(URLSAFE, 140)}`,
    'bitbucket-app-password': () => `ATBB${mixed(ALNUM, 24)}${pick('0123456789ABCDEF', 8)}`,
    circleci: () => `CCIPAT_${mixed(ALNUM, 22)}_${pick(HEX, 40)}`,
    buildkite: () => `bkua_${pick(HEX, 40)}`,
    sonarqube: () => `squ_${pick(HEX, 40)}`,
    rubygems: () => `rubygems_${pick(HEX, 48)}`,
    nuget: () => `oy2${pick(LOWER_ALNUM, 43)}`,
    'docker-hub': () => `dckr_pat_${mixed(URLSAFE, 27)}`,
    infisical: () => `st.${uuid()}.${pick(HEX, 32)}.${pick(HEX, 32)}`,
    '1password-secret-key': () => `A3-${pick(UPPER_DIGITS, 6)}-${pick(UPPER_DIGITS, 6)}-${pick(UPPER_DIGITS, 5)}-${pick(UPPER_DIGITS, 5)}-${pick(UPPER_DIGITS, 5)}-${pick(UPPER_DIGITS, 5)}`,
    pulumi: () => `pul-${pick(HEX, 40)}`,
    'terraform-cloud': () => `${mixed(ALNUM, 14)}.atlasv1.${mixed(URLSAFE, 67)}`,
    'gitlab-pat': () => `glpat-${mixed(URLSAFE, 20)}`,
    // ---- chat, email, webhooks ---------------------------------------------------------------------------
    'slack-legacy-bot': () => `xoxb-${pick(DIGITS, 11)}-${mixed(ALNUM, 24)}`,
    'slack-legacy-user': () => `xoxs-${pick(DIGITS, 10)}-${pick(DIGITS, 11)}-${pick(DIGITS, 12)}-${pick(HEX, 64)}`,
    'discord-bot-token': () => `${b64url(String(int(100000000, 999999999)) + pick(DIGITS, 9))}.${mixed(URLSAFE, 6)}.${mixed(URLSAFE, 38)}`,
    'discord-webhook': () => `https://discord.com/api/webhooks/${pick('123456789', 1)}${pick(DIGITS, 18)}/${mixed(URLSAFE, 68)}`,
    'teams-webhook': () =>
      `https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${pick(HEX, 32)}/${uuid()}/V2${mixed(URLSAFE, 40)}`,
    'teams-workflow': () =>
      `https://prod-${int(10, 99)}.westeurope.logic.azure.com:443/workflows/${pick(HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${mixed(URLSAFE, 43)}`,
    'google-chat-webhook': () => `https://chat.googleapis.com/v1/spaces/AAAA${mixed(URLSAFE, 7)}/messages?key=AIzaSy${mixed(URLSAFE, 33)}&token=${mixed(URLSAFE, 43)}%3D`,
    'twilio-sid': () => `AC${pick(HEX, 32)}`,
    'twilio-token': () => pick(HEX, 32),
    mailgun: () => `key-${pick(HEX, 32)}`,
    mailchimp: () => `${pick(HEX, 32)}-us${int(1, 21)}`,
    'postmark-token': () => uuid(),
    resend: () => `re_${mixed(ALNUM, 8)}_${mixed(ALNUM, 24)}`,
    brevo: () => `xkeysib-${pick(HEX, 64)}-${mixed(ALNUM, 16)}`,
    // ---- ticketing, business apps ------------------------------------------------------------------------
    'atlassian-api': () => `ATATT3xFfGF0${mixed(URLSAFE, 171)}=${pick('0123456789ABCDEF', 8)}`,
    'atlassian-container': () => `ATCTT3xFfGN0${mixed(URLSAFE, 171)}=${pick('0123456789ABCDEF', 8)}`,
    asana: () => `2/${pick(DIGITS, 16)}/${pick(DIGITS, 16)}:${pick(HEX, 32)}`,
    airtable: () => `pat${mixed(ALNUM, 14)}.${pick(HEX, 64)}`,
    figma: () => `figd_${mixed(URLSAFE, 40)}`,
    hubspot: () => `pat-na1-${uuid()}`,
    clickup: () => `pk_${pick(DIGITS, 8)}_${pick(UPPER_DIGITS, 32)}`,
    'notion-token': () => `ntn_${pick(DIGITS, 11)}${mixed(ALNUM, 35)}`,
    'linear-key': () => `lin_api_${mixed(ALNUM, 40)}`,
    'mapbox-secret': () => `sk.eyJ${mixed(URLSAFE, 60)}.${mixed(URLSAFE, 22)}`,
    'mapbox-public': () => `pk.eyJ${mixed(URLSAFE, 60)}.${mixed(URLSAFE, 22)}`,
    // ---- payments, identity ------------------------------------------------------------------------------
    'shopify-token': () => `shpat_${pick(HEX, 32)}`,
    'paypal-braintree': () => `access_token$production$${pick(LOWER_ALNUM, 16)}$${pick(HEX, 32)}`,
    square: () => `EAAA${mixed(URLSAFE, 60)}`,
    plaid: () => `access-production-${uuid()}`,
    'plaid-sandbox': () => `access-sandbox-${uuid()}`,
    paystack: () => `sk_live_${pick(HEX, 40)}`,
    'okta-token': () => `00${mixed(URLSAFE, 40)}`,
    // ---- credential formats ------------------------------------------------------------------------------
    'jwt-signed': () => jwt({ alg: 'HS256', typ: 'JWT' }, { sub: `svc-${pick(HEX, 8)}`, aud: 'agent-gateway', iat: 1767225600, exp: 1798761600 }),
    'jwt-rs256': () => jwt({ alg: 'RS256', kid: pick(HEX, 16), typ: 'JWT' }, { iss: 'https://auth.acme.dev/', sub: `user_${mixed(ALNUM, 12)}`, exp: 1798761600 }),
    'jwt-none': () => `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: 'test-user', admin: true }))}.${mixed(URLSAFE, 20)}`,
    'jwt-anon': () => jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: pick('abcdefghijklmnopqrstuvwxyz', 20), role: 'anon', iat: 1767225600, exp: 2082758400 }),
    'url-password': () => `${mixed(ALNUM, int(12, 16))}${pick('-._~', 1)}${pick(DIGITS, 2)}`,
    'query-token': () => mixed(ALNUM, 32),
    'header-token': () => mixed(ALNUM, 40),
    'basic-credential': () => b64(`ci-bot:${password()}`),
    'npm-token-any': () => mixed(ALNUM, 36),
    'npm-auth': () => b64(`ci:${password()}`),
    'format-password': password,
    'docker-auth': () => b64(`robot$ci:${mixed(ALNUM, 24)}`),
    'azure-account-key': () => Buffer.from(Array.from({ length: 64 }, () => int(0, 255))).toString('base64'),
    'azure-shared-key': () => Buffer.from(Array.from({ length: 32 }, () => int(0, 255))).toString('base64'),
    'jenkins-encrypted': () => `{AQAAABAAAAAQ${mixed(BASE64, 40)}=}`,
    'azure-devops-legacy': () => pick(BASE32_LOWER, 52),
    // ---- legacy and unprefixed formats under a name that says whose they are ------------------------------
    'sonarqube-legacy': () => pick(HEX, 40),
    'vault-legacy': () => `s.${mixed(ALNUM, 24)}`,
    'npm-legacy': uuid,
    'uuid-key': uuid,
    'facebook-app-token': () => `${pick('123456789', 1)}${pick(DIGITS, 14)}|${mixed(URLSAFE, 27)}`,
    'facebook-app-secret': () => pick(HEX, 32),
    voiceflow: () => `VF.DM.${pick(HEX, 24)}.${mixed(ALNUM, 16)}`,
    'slack-webhook-http': () => `http://hooks.slack.com/services/T${pick(UPPER_DIGITS, 8)}/B${pick(UPPER_DIGITS, 10)}/${mixed(ALNUM, 24)}`,
  };
}
