import type { BrokerTemplate } from './template';

/** Doppler, with a service token scoped to one project config. */
export const doppler: BrokerTemplate = {
  id: 'doppler',
  label: 'Doppler',
  detail: 'secrets.get with a service token (@dopplerhq/node-sdk)',
  packages: ['@dopplerhq/node-sdk'],
  environment: ['DOPPLER_TOKEN', 'DOPPLER_PROJECT', 'DOPPLER_CONFIG'],
  imports: `import DopplerSDK from '@dopplerhq/node-sdk';`,
  body: `
let doppler: DopplerSDK | undefined;

/** The secret \`<NAME>\` (UPPER_SNAKE) of the project config, re-read after DEFAULT_TTL_MS. */
async function issue(name: string): Promise<Issued> {
  doppler ??= new DopplerSDK({ accessToken: required('DOPPLER_TOKEN') });
  const answer = await doppler.secrets.get(required('DOPPLER_PROJECT'), required('DOPPLER_CONFIG'), envName(name));
  const value = answer.value?.computed ?? answer.value?.raw;
  if (value === undefined) throw new Error(\`credentials: Doppler has no secret \${envName(name)}\`);
  return { value, expiresAt: Date.now() + DEFAULT_TTL_MS };
}`,
};
