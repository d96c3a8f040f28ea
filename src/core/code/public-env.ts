/**
 * credentials/browser-exposed, by name: environment variables that a front-end build inlines into the JavaScript
 * sent to every visitor (`NEXT_PUBLIC_*`, `VITE_*` …) and whose name says they hold a credential.
 */
import { nameWords } from '../secrets/names';
import { PUBLIC_ENV_PREFIXES } from './modules';

/** Last words that make the variable a credential. */
const CREDENTIAL_ENDINGS = new Set(['key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pwd']);
/** Endings that are always secret, whatever the vendor. */
const ALWAYS_SECRET_ENDINGS = new Set(['secret', 'password', 'passwd', 'pwd']);
/** Words that make a key or token secret even for vendors whose browser keys are public (`SENTRY_AUTH_TOKEN`). */
const SENSITIVE_WORDS = new Set(['secret', 'private', 'admin', 'service', 'personal', 'management', 'auth', 'server', 'master', 'root', 'role']);
/**
 * Words that say the key is meant for browsers: Stripe/Clerk publishable keys, Supabase anon keys, reCAPTCHA and
 * Turnstile site keys, `*_PUBLIC_KEY`, client-side tokens (Datadog RUM, Statsig, GrowthBook), frontend tokens (Unleash).
 */
const PUBLIC_WORDS = new Set(['publishable', 'anon', 'public', 'site', 'client', 'frontend', 'browser', 'pub']);
/** Search engines whose search-only keys are public by design (their admin keys are not). */
const SEARCH_VENDORS = new Set(['algolia', 'typesense', 'meilisearch', 'meili']);
/**
 * Vendors whose browser API keys and tokens are public by design (restricted by domain or project, not secret):
 * Firebase web config, Mapbox public tokens, analytics project and write keys (PostHog, Segment, Amplitude …).
 */
const PUBLIC_VENDORS = new Set([
  'firebase', 'mapbox', 'posthog', 'segment', 'amplitude', 'mixpanel', 'heap', 'rudderstack', 'maps', 'recaptcha',
  'hcaptcha', 'turnstile', 'pusher', 'intercom', 'flagsmith', 'cesium', 'maptiler', 'hotjar', 'gtm', 'plausible',
]);

export interface PublicEnvName {
  prefix: string;
  framework: string;
}

/** The public prefix of an environment variable name, if it has one. */
export function publicPrefixOf(name: string): PublicEnvName | undefined {
  for (const [prefix, framework] of PUBLIC_ENV_PREFIXES) {
    if (name.startsWith(prefix) && name.length > prefix.length) return { prefix, framework };
  }
  return undefined;
}

/**
 * `NEXT_PUBLIC_OPENAI_API_KEY` is; `NEXT_PUBLIC_SUPABASE_ANON_KEY`, `VITE_STRIPE_PUBLISHABLE_KEY`,
 * `NEXT_PUBLIC_FIREBASE_API_KEY`, `NEXT_PUBLIC_POSTHOG_KEY`, `NEXT_PUBLIC_API_URL` are not.
 */
export function browserExposedName(name: string): PublicEnvName | undefined {
  const prefix = publicPrefixOf(name);
  if (!prefix) return undefined;
  const words = nameWords(name.slice(prefix.prefix.length));
  const last = words[words.length - 1];
  if (!last || !CREDENTIAL_ENDINGS.has(last)) return undefined;
  if (ALWAYS_SECRET_ENDINGS.has(last)) return prefix;
  if (words.some((word) => SENSITIVE_WORDS.has(word))) return prefix;
  if (words.some((word) => PUBLIC_WORDS.has(word) || PUBLIC_VENDORS.has(word))) return undefined;
  if (words.includes('search') && words.some((word) => SEARCH_VENDORS.has(word) || word === 'only')) return undefined;
  // `DSN`, `CLIENT_ID` and friends do not end in a credential word; a bare `NEXT_PUBLIC_KEY` says nothing.
  if (words.length === 1 && last === 'key') return undefined;
  return prefix;
}

export function browserExposedMessage(name: string, exposed: PublicEnvName, where: 'read' | 'defined'): string {
  const verb = where === 'read' ? 'is read here' : 'is defined here';
  return (
    `${name} ${verb}, and ${exposed.framework} inlines every ${exposed.prefix}* variable into the JavaScript it sends to browsers: ` +
    `any visitor can read this credential. Keep it on the server under a name without the ${exposed.prefix} prefix and call the ` +
    `provider from a server route (or hand the browser a short-lived token); rotate the value if it has already shipped.`
  );
}
