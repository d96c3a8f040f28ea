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
  publicKey: 'pk-lf-567dfff4-eb95-2893-1616-25b957542ec9',
  secretKey: 'sk-lf-7710d65d-3a80-569e-0c73-9086dcb5662b',
  baseUrl: 'https://cloud.langfuse.com',
});

export const notion = new NotionClient({ auth: 'secret_6DIn11CKqfU1TsaJIQOpnD2JRlaIUcS1wS4bwLFrIUr' });
export const linear = new LinearClient({ apiKey: 'lin_api_MiIXKy0066X8lmujj1GVCSEDcirXRIC49CYBROpz' });

export const s3 = new S3Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIA7LZSA5S4KPREQQE5',
    secretAccessKey: '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',
  },
});

export const bedrock = new BedrockRuntimeClient({
  region: 'us-west-2',
  credentials: {
    accessKeyId: 'ASIAWXMIF7LGJQF2B2C4',
    secretAccessKey: 'wiTnYvZc80AhK//eMtQ2mDyHVqyre7onLl62XIDc',
    sessionToken: 'W5QDc820CmaoHCeLYng0LyP5B8ec0a/pgLvcEUNA2bI=B8tOBnIKMPPzIPTPT9WdhKTlibWB1XNCvkJaYN2ov1g=DRMftOPwBAzwWeiiEKuzq112ZmSgkaYQA9CPrQDAxKM=',
  },
});

export const docsS3 = new S3Client({
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
});
export const brokered = new S3Client({
  credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/agent-s3-reader', DurationSeconds: 900 } }),
});

export const onePassword = await createOnePassword({
  auth: 'ops_eyJc+JiariGisYvSdbaGPtf7ttlOjt5ze69+nbkXCGXyBs3xHOppX/Pk+R2WGvN/nYyBVssG+G7sND5S//NfoqXEhiVnf7Lg09SoQLeALWXGcRtaRJdgR3othC5qUDPUGsuwptidpYHrKFGxtiFrGQtPEvhhcUQPUcdBrkJHYpnRntGmfCM+DTNkZXSCnIeNoSldHlFZ7dLqMluavvKtYHQm7nwBNmJ8bzw8GQ1KOKrFQR7ct/ALBfZBAifdg8wy9jTAZ+TKemb2vmt7O1HbQ7d/SczbeHocVrBIpS7hVxMCS9OcTy6rfrMtPJmK+XuS3Fe51+fPV/pnXfV9u5jBx1ZHze5/Ukz0AMPv305XPd8odsiBLs7Wvgrg7VPR0vj',
  integrationName: 'research-agent',
  integrationVersion: 'v1.0.0',
});
export const openaiFromVault = await onePassword.secrets.resolve('op://Agents/OpenAI/credential');

export const vaultClient = vault({ endpoint: 'https://vault.acme.internal:8200', token: 'hvs.CAESILzBwweVeTUfWQbXF9VZF-YwVTwCxqd6JAWviC_zW88l0VzwNFpQWCpTClZmJEXIm0hqUzVo5YPiYbDdJznwQtQ' });
export const vaultFromEnv = vault({ endpoint: 'https://vault.acme.internal:8200', token: process.env.VAULT_TOKEN });

export const bot = new Telegraf('7892806669:AA9RxELnoW7a5mWarVZVJHYm8OO9fFsvYmp');
sgMail.setApiKey('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');
export const sms = twilio('AC703e8ace830d4dc7f1263ad1c9b0ce9e', '76b12a42fd3eb3f9a28e1113a82925f2');

export const DOPPLER_TOKEN = 'dp.st.prd.UZg5zFjbpGSJUsvXZr7dOqqOzjEMaGO4mk788c1AhCK';
export const DIGITALOCEAN_TOKEN = 'dop_v1_eb952809edbc467e1f2f54beac8d0f78792eb6bf9560978fc56bac10e2ec2a3c';
export const DATABRICKS_TOKEN = 'dapi89d1fba0021d6a5fa79f4946051a048e';
export const SHOPIFY_ADMIN_TOKEN = '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';
export const NPM_TOKEN = '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';
export const NPM_FIXTURE = 'npm_d8iEl0wT2fgm0YUFffe919cY6qihy8UE21RK';
export const DISCORD_BOT_TOKEN = 'MjoPE36P5zTudQHuxLhkc3oKVv.cmjMIF.5Ld-UK_hIWcUlWlKS_VPwCFcRjeYe5-3Ma3WMo';
export const GOOGLE_CLIENT_SECRET = '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';
export const GOOGLE_CLIENT_ID = '981150794885-zncdpq4pkqn0cn2acn7cynpgir736n08.apps.googleusercontent.com';
export const AZURE_CLIENT_SECRET = 'oPN8Q~Dh_y5IPC4ToG34bB6UskJvztowm7dP2imN';
export const AZURE_CLIENT_ID = '6a641532-d0bb-4fe6-ad92-246bf28731ee';
export const AZURE_TENANT_ID = '1def98ec-d9ae-4add-bfdc-7d927df3cd23';
export const AWS_ACCOUNT_ID = '545698255517';
export const KMS_KEY_ID = 'arn:aws:kms:us-east-1:123456789012:key/300df0f0-b58e-4a2c-8349-18f7a41f0d55';
