import * as z from 'zod';
import { BROKERS, parseDuration } from '../config';
import { once } from '../once';

/**
 * The `agent-guardrail/v1` agent manifest. This zod schema is the single source of truth:
 * `schemas/agent-manifest.schema.json` is generated from it (`npm run generate`) and a test diffs the copy.
 * Ownership fields are optional here on purpose: their absence is reported by the ownership/* rules, each with
 * its own severity, rather than as a schema error.
 */

export const ENVIRONMENTS = ['sandbox', 'development', 'staging', 'production'] as const;
export const ACCESS_LEVELS = ['read', 'write', 'delete', 'admin', 'execute'] as const;
export const DECISIONS = ['allow', 'challenge', 'deny'] as const;

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const ENTITY_REF = /^(?:team|group):[A-Za-z0-9][A-Za-z0-9._-]*$|^user:[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const entityRef = () => z.string().regex(ENTITY_REF, { error: 'must be an entity reference: team:<name>, group:<name> or user:<email>' });

const isoDate = () => z.iso.date({ error: 'must be a real date in the form YYYY-MM-DD' });

/**
 * The schema, built when first asked for: building zod schemas costs every process start several milliseconds, and
 * most runs meet no manifest.
 */
export const manifestSchema = once(() => {
  const duration = z
    .string()
    .refine((text) => parseDuration(text) !== undefined, { error: 'must be a duration such as 15m, 1h, 90d or PT1H' });

  const stringList = (title: string, description: string) => z.array(z.string()).meta({ title, description });

  const credentialSchema = z
    .object({
      name: z.string().min(1).meta({ title: 'Name', description: 'How code and mcpServers refer to this credential.' }),
      broker: z.enum(BROKERS).optional().meta({ title: 'Broker', description: 'Where the credential is issued from at run time.' }),
      ref: z.string().min(1).optional().meta({ title: 'Reference', description: 'Path, ARN, secret name or role that identifies the credential in the broker. Never the secret itself.' }),
      ttl: duration.optional().meta({ title: 'Time to live', description: 'How long one issued credential stays valid: 15m, 1h, PT1H.' }),
      scopes: stringList('Scopes', 'The permissions the credential carries, as narrow as the task allows.').optional(),
    })
    .strict()
    .meta({ title: 'Credential', description: 'A credential the agent uses, issued by a broker at run time.' });

  const toolSchema = z
    .object({
      name: z.string().min(1).meta({ title: 'Name', description: 'The tool name the model sees (as in code).' }),
      description: z.string().optional().meta({ title: 'Description', description: 'What the tool does.' }),
      access: z.enum(ACCESS_LEVELS).optional().meta({ title: 'Access', description: 'What the tool may do: read, write, delete, admin or execute.' }),
      decision: z.enum(DECISIONS).optional().meta({ title: 'Decision', description: 'Run-time decision for each call: allow, challenge (ask a human) or deny.' }),
      scopes: stringList('Scopes', 'Permissions the tool needs.').optional(),
    })
    .strict()
    .meta({ title: 'Tool', description: 'A tool the agent may call.' });

  const mcpServerSchema = z
    .object({
      name: z.string().min(1).meta({ title: 'Name', description: 'The MCP server name (as in the MCP client configuration).' }),
      tools: stringList('Tools', 'Allow-list of the server tools the agent may call.').optional(),
      credential: z.string().optional().meta({ title: 'Credential', description: 'The spec.credentials entry the server connects with.' }),
    })
    .strict()
    .meta({ title: 'MCP server', description: 'An MCP server the agent connects to.' });

  const metadataSchema = z
    .object({
      name: z
        .string()
        .regex(DNS_LABEL, { error: 'must be a lowercase DNS label: a-z, 0-9 and -, at most 63 characters' })
        .meta({ title: 'Name', description: 'The agent identity: a lowercase DNS label, unique in the organisation.' }),
      description: z.string().min(1).optional().meta({ title: 'Purpose', description: 'The business process the agent serves.' }),
      owner: entityRef().optional().meta({ title: 'Owner', description: 'Accountable owner: team:<name>, group:<name> or user:<email>.' }),
      technicalOwner: entityRef().optional().meta({ title: 'Technical owner', description: 'A reachable engineer: user:<email> (or a team).' }),
      environment: z.enum(ENVIRONMENTS).optional().meta({ title: 'Environment', description: 'sandbox, development, staging or production.' }),
      reviewBy: isoDate().optional().meta({ title: 'Review by', description: 'Date of the next access review (YYYY-MM-DD).' }),
      expires: isoDate().optional().meta({ title: 'Expires', description: 'Optional hard end of life (YYYY-MM-DD).' }),
      revocation: z.string().min(1).optional().meta({ title: 'Revocation', description: 'How to revoke the agent now: a runbook URL or instructions.' }),
      onBehalfOf: entityRef().optional().meta({ title: 'On behalf of', description: 'Whose authority the agent exercises, if delegated.' }),
      labels: z.record(z.string(), z.string()).optional().meta({ title: 'Labels', description: 'Free-form key/value labels.' }),
    })
    .strict()
    .meta({ title: 'Metadata', description: 'Identity, ownership and lifecycle of the agent.' });

  const specSchema = z
    .object({
      entrypoint: z
        .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
        .optional()
        .meta({ title: 'Entrypoint', description: 'File(s) whose agent definitions this manifest covers, relative to the manifest or the project root.' }),
      credentials: z.array(credentialSchema).optional().meta({ title: 'Credentials', description: 'Credentials the agent uses, each issued by a broker.' }),
      tools: z.array(toolSchema).optional().meta({ title: 'Tools', description: 'Every tool the agent may call.' }),
      mcpServers: z.array(mcpServerSchema).optional().meta({ title: 'MCP servers', description: 'MCP servers the agent connects to, with their allowed tools.' }),
    })
    .strict()
    .meta({ title: 'Spec', description: 'What the agent may use: credentials, tools, MCP servers.' });

  return z
    .object({
      $schema: z.string().optional().meta({ title: 'JSON schema', description: 'Optional link to this schema for editors.' }),
      apiVersion: z.literal('agent-guardrail/v1').meta({ title: 'API version', description: 'Always agent-guardrail/v1.' }),
      kind: z.literal('Agent').meta({ title: 'Kind', description: 'Always Agent.' }),
      metadata: metadataSchema,
      spec: specSchema.optional(),
    })
    .strict()
    .meta({ title: 'Agent manifest', description: 'Owner, purpose, credentials and tools of one AI agent (agent-guardrail/v1).' });
});

export type ManifestInput = z.input<ReturnType<typeof manifestSchema>>;

/** Manifest file names: `*.agent.yaml`, `*.agent.yml`, `*.agent.json` (ours by name). */
export function isManifestPath(path: string): boolean {
  return /\.agent\.(?:ya?ml|json)$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

/** A top-level `apiVersion: agent-guardrail/…` (YAML or JSON). */
const DECLARES_OUR_API_VERSION = /^["']?apiVersion["']?[ \t]*:[ \t]*["']?agent-guardrail\//m;

/**
 * Is this file one of our manifests? `*.agent.yaml|yml|json` by name; any other YAML or JSON file (an
 * `agent.yaml`) only when it says so with `apiVersion: agent-guardrail/v1`: other tools (Continue, for one) use
 * the name `agent.yaml` for their own formats.
 */
export function isManifestFile(path: string, text: string): boolean {
  if (isManifestPath(path)) return true;
  // The literal first: a line-anchored pattern is tried at every line of a large YAML file (a test cassette).
  return /\.(?:ya?ml|json)$/i.test(path) && text.includes('agent-guardrail/') && DECLARES_OUR_API_VERSION.test(text);
}
