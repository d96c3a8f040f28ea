import type { Broker } from '../../config';

/**
 * A credentials-module template: the broker-specific part (imports and `issue`) inside a shared cache runtime.
 * The scaffolded module exposes one object, `credentials`, whose `get(name)` the fixed code calls. Templates are
 * TypeScript; JavaScript projects get the same module compiled (./javascript.ts, made by `npm run generate`).
 * Every template is compiled against the SDK's published types by test/unit/broker-templates.test.ts.
 */
export interface BrokerTemplate {
  id: Broker;
  /** Shown in the broker picker and in fix titles. */
  label: string;
  detail: string;
  /** npm packages the module imports (what the person must install). */
  packages: string[];
  /** Environment variables the module reads to reach the broker (never the credential itself). */
  environment: string[];
  /** Import lines. */
  imports: string;
  /**
   * The body that defines `async function issue(name: string): Promise<Issued>` (and any helpers). `name` is the
   * credential name the fixed code asks for (`openai-api-key`); `envName(name)` gives its UPPER_SNAKE form.
   */
  body: string;
}

/** The runtime shared by every template: a cache that keeps each credential only until it expires. */
export function renderModule(template: BrokerTemplate): string {
  return `/**
 * Credentials for this project's agents, issued at run time by ${template.label}.
 * Scaffolded by the Agent Guardrail quick fix "Use broker-issued credential"; edit it freely.
 *
 * Code asks for a credential by name: \`await credentials.get('openai-api-key')\`. Where \`await\` is not allowed,
 * call \`await credentials.preload('openai-api-key')\` once at startup and read it with
 * \`credentials.getSync('openai-api-key')\`: preloaded credentials are refreshed before they expire.
 *${template.packages.length ? `\n * Packages: ${template.packages.join(', ')}` : ''}
 * Environment: ${template.environment.length ? template.environment.join(', ') : '(none)'}
 * agent-guardrail:credentials-module broker=${template.id}
 */
${template.imports ? `${template.imports}\n` : ''}
/** A credential as the broker issued it, and when it stops being valid (epoch milliseconds). */
interface Issued {
  value: string;
  expiresAt: number;
}

/** How long a credential without an expiry of its own is reused before it is fetched again. */
const DEFAULT_TTL_MS = 5 * 60_000;
/** Refresh this long before a credential expires. */
const EXPIRY_MARGIN_MS = 60_000;

const cache = new Map<string, Issued>();
const pending = new Map<string, Promise<Issued>>();
const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** \`openai-api-key\` → \`OPENAI_API_KEY\`. */
function envName(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function required(variable: string): string {
  const value = process.env[variable];
  if (!value) throw new Error(\`credentials: environment variable \${variable} is not set\`);
  return value;
}

function fresh(issued: Issued | undefined): issued is Issued {
  return issued !== undefined && issued.expiresAt - EXPIRY_MARGIN_MS > Date.now();
}

${template.body.trim()}

async function load(name: string): Promise<Issued> {
  const cached = cache.get(name);
  if (fresh(cached)) return cached;
  let request = pending.get(name);
  if (!request) {
    request = issue(name).finally(() => pending.delete(name));
    pending.set(name, request);
  }
  const issued = await request;
  cache.set(name, issued);
  return issued;
}

function scheduleRefresh(name: string, issued: Issued): void {
  clearTimeout(refreshTimers.get(name));
  const delay = Math.max(1_000, issued.expiresAt - EXPIRY_MARGIN_MS - Date.now());
  const timer = setTimeout(() => {
    load(name).then((next) => scheduleRefresh(name, next), () => scheduleRefresh(name, { value: '', expiresAt: Date.now() + EXPIRY_MARGIN_MS + 30_000 }));
  }, delay);
  timer.unref?.();
  refreshTimers.set(name, timer);
}

export const credentials = {
  /** The credential \`name\`, from the cache while it is valid, else freshly issued by the broker. */
  async get(name: string): Promise<string> {
    return (await load(name)).value;
  },

  /** Fetch credentials now and keep them fresh in the background, so that \`getSync\` can read them. */
  async preload(...names: string[]): Promise<void> {
    await Promise.all(names.map(async (name) => scheduleRefresh(name, await load(name))));
  },

  /** A preloaded credential, for places where \`await\` is not allowed. Throws when it was not preloaded. */
  getSync(name: string): string {
    const cached = cache.get(name);
    if (!fresh(cached)) {
      throw new Error(\`credentials: "\${name}" is not loaded; call await credentials.preload('\${name}') at startup\`);
    }
    return cached.value;
  },
};
`;
}
