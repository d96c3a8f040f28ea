import { nameWords } from '../secrets/names';

/**
 * What makes an agent's tool high-risk, in words every language's analysis shares: shell, deletion, payments,
 * outbound messages, database writes. The TypeScript side judges a tool by its name; the Python side also by what
 * its implementation calls (./python-approval.ts), in the same vocabulary.
 */

/** What a `remove_…` tool must be removing to count as deleting data. */
const KEPT_THINGS = ['file', 'files', 'dir', 'directory', 'folder', 'user', 'users', 'member', 'members', 'account', 'customer', 'record', 'records', 'repo', 'repository', 'branch', 'bucket', 'object', 'objects', 'volume', 'instance', 'project', 'resource', 'data', 'backup', 'key', 'secret', 'table', 'document', 'documents', 'issue', 'email', 'message', 'messages', 'contact', 'contacts', 'order', 'database', 'db', 'collection', 'deployment', 'container', 'cluster', 'vm', 'server', 'domain', 'dns', 'permission', 'permissions', 'role', 'access'];

/** Words that make a name read-only: such a tool is never high-risk, whatever else its name or body says. */
const READ_ONLY = ['get', 'list', 'read', 'search', 'find', 'fetch', 'lookup', 'view', 'show', 'describe', 'count', 'preview', 'draft', 'validate', 'check', 'calculate', 'compute', 'estimate'];

/** Whether a tool's name says it only reads (`get_order`, `searchDocs`). */
export function isReadOnlyName(name: string | undefined): boolean {
  return !!name && nameWords(name).some((word) => READ_ONLY.includes(word));
}

/**
 * What makes a tool high-risk, judged by its name (the one signal every framework shares): shell, deletion,
 * payments, outbound messages, database writes. Read-only names are never high-risk.
 */
export function riskOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = nameWords(name);
  const has = (...candidates: string[]) => words.some((word) => candidates.includes(word));
  if (has(...READ_ONLY)) return undefined;
  if (has('shell', 'bash', 'terminal', 'powershell', 'zsh') || (has('run', 'exec', 'execute') && has('command', 'cmd', 'script', 'code', 'shell'))) return 'runs shell commands';
  if (has('pay', 'payment', 'payments', 'payout', 'refund', 'charge', 'purchase', 'checkout', 'withdraw', 'withdrawal') || (has('transfer', 'send', 'wire') && has('funds', 'money', 'payment', 'usd', 'crypto', 'tokens'))) return 'moves money';
  if (has('sql', 'query', 'db', 'database', 'table', 'row', 'rows', 'record', 'records', 'collection', 'document', 'documents') && has('insert', 'update', 'upsert', 'drop', 'truncate', 'alter', 'execute', 'run', 'delete', 'remove')) return 'writes to a database';
  if (has('delete', 'rm', 'unlink', 'erase', 'wipe', 'purge', 'destroy', 'drop', 'truncate')) return 'deletes data';
  // "remove" also names harmless edits (remove_todo, remove_background): only with something worth keeping.
  if (has('remove') && has(...KEPT_THINGS)) return 'deletes data';
  if (has('send', 'post', 'publish', 'reply', 'forward', 'tweet', 'broadcast', 'dm') && has('email', 'emails', 'mail', 'message', 'messages', 'sms', 'text', 'slack', 'tweet', 'notification', 'dm', 'whatsapp', 'comment', 'reply', 'invite')) return 'sends messages';
  if (has('email', 'sms', 'tweet') && has('send', 'post', 'reply', 'forward')) return 'sends messages';
  return undefined;
}
