import { Langfuse } from 'langfuse';
import { Client as NotionClient } from '@notionhq/client';
import { LinearClient } from '@linear/sdk';
import { S3Client } from '@aws-sdk/client-s3';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createClient as createOnePassword } from '@1password/sdk';
import vault from 'node-vault';
import { Telegraf } from 'telegraf';
import sgMail from '@sendgrid/mail';
import twilio from 'twilio';

export const langfuse = new Langfuse({
  publicKey: '⟦langfuse-public⟧', ⟪- non-secret-id Langfuse public key⟫
  secretKey: '⟦langfuse⟧', ⟪+ key:langfuse Langfuse secret key⟫
  baseUrl: 'https://cloud.langfuse.com', ⟪- url Langfuse URL⟫
});

export const notion = new NotionClient({ auth: '⟦notion-legacy⟧' }); ⟪+ key:notion/notion-legacy legacy integration secret⟫
export const linear = new LinearClient({ apiKey: '⟦linear⟧' }); ⟪+ key:linear Linear API key⟫

export const s3 = new S3Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: '⟦aws-akid⟧', ⟪+ key:aws-access-key-id access key id⟫
    secretAccessKey: '⟦aws-secret⟧', ⟪+ key:aws-secret-access-key secret access key⟫
  },
});

export const bedrock = new BedrockRuntimeClient({
  region: 'us-west-2',
  credentials: {
    accessKeyId: '⟦aws-asia⟧', ⟪+ key:aws-access-key-id/aws-asia temporary key id⟫
    secretAccessKey: '⟦aws-secret⟧', ⟪+ key:aws-secret-access-key temporary secret key⟫
    sessionToken: '⟦b64-44⟧⟦b64-44⟧⟦b64-44⟧', ⟪+ generic:aws-session-token session token⟫
  },
});

export const docsS3 = new S3Client({
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, ⟪- example-key AWS documentation key pair⟫
});
export const brokered = new S3Client({
  credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/agent-s3-reader', DurationSeconds: 900 } }), ⟪- secret-reference IAM role ARN⟫
});

export const onePassword = await createOnePassword({
  auth: '⟦1password⟧', ⟪+ key:1password-service-account service account token⟫
  integrationName: 'research-agent',
  integrationVersion: 'v1.0.0',
});
export const openaiFromVault = await onePassword.secrets.resolve('op://Agents/OpenAI/credential'); ⟪- secret-reference 1Password reference⟫

export const vaultClient = vault({ endpoint: 'https://vault.acme.internal:8200', token: '⟦vault⟧' }); ⟪+ key:vault Vault service token⟫
export const vaultFromEnv = vault({ endpoint: 'https://vault.acme.internal:8200', token: process.env.VAULT_TOKEN }); ⟪- env-read env read⟫

export const bot = new Telegraf('⟦telegram⟧'); ⟪+ key:telegram-bot Telegram bot token⟫
sgMail.setApiKey('⟦sendgrid⟧'); ⟪+ key:sendgrid setApiKey⟫
export const sms = twilio('AC⟦md5⟧', '⟦twilio-auth-token⟧'); ⟪+ generic:twilio-auth-token auth token as second argument⟫

export const DOPPLER_TOKEN = '⟦doppler⟧'; ⟪+ key:doppler Doppler service token⟫
export const DIGITALOCEAN_TOKEN = '⟦digitalocean⟧'; ⟪+ key:digitalocean DigitalOcean PAT⟫
export const DATABRICKS_TOKEN = '⟦databricks⟧'; ⟪+ key:databricks Databricks PAT⟫
export const SHOPIFY_ADMIN_TOKEN = '⟦shopify⟧'; ⟪+ key:shopify Shopify admin token⟫
export const NPM_TOKEN = '⟦npm⟧'; ⟪+ key:npm npm automation token⟫
export const NPM_FIXTURE = '⟦npm-bad⟧'; ⟪- bad-checksum npm_ look-alike with a wrong CRC32⟫
export const DISCORD_BOT_TOKEN = '⟦discord-bot⟧'; ⟪+ generic:discord Discord bot token⟫
export const GOOGLE_CLIENT_SECRET = '⟦google-client-secret⟧'; ⟪+ generic:client-secret Google OAuth client secret⟫
export const GOOGLE_CLIENT_ID = '⟦google-client-id⟧'; ⟪- non-secret-id Google OAuth client id⟫
export const AZURE_CLIENT_SECRET = '⟦azure-client-secret⟧'; ⟪+ generic:client-secret Entra ID client secret⟫
export const AZURE_CLIENT_ID = '⟦uuid⟧'; ⟪- uuid Entra application id⟫
export const AZURE_TENANT_ID = '⟦uuid⟧'; ⟪- uuid tenant id⟫
export const AWS_ACCOUNT_ID = '⟦aws-account⟧'; ⟪- non-secret-id AWS account id⟫
export const KMS_KEY_ID = 'arn:aws:kms:us-east-1:123456789012:key/⟦uuid⟧'; ⟪- secret-reference KMS key ARN⟫
