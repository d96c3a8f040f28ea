/**
 * The access level a tool probably needs, guessed from its name for a generated manifest (`search_tickets` → read,
 * `issue_refund` → write, `delete_user` → delete, `run_shell` → execute). The first verb in the name decides
 * (`get_refund_status` reads); a name with no known verb is guessed `write`, the cautious side, so that it gets a
 * run-time decision until someone looks.
 */
import type { CodeTool } from '../facts';
import { nameWords } from '../secrets/names';

export type GuessedAccess = 'read' | 'write' | 'delete' | 'admin' | 'execute';

const VERBS: Record<GuessedAccess, readonly string[]> = {
  read: ['get', 'list', 'search', 'read', 'fetch', 'find', 'lookup', 'query', 'view', 'describe', 'show', 'check', 'count', 'browse', 'retrieve', 'load', 'download', 'inspect', 'summarize', 'summarise', 'status', 'preview', 'validate', 'calculate', 'compute', 'convert', 'translate', 'weather'],
  write: ['create', 'update', 'write', 'send', 'post', 'put', 'set', 'assign', 'add', 'edit', 'upload', 'publish', 'refund', 'pay', 'charge', 'transfer', 'book', 'submit', 'approve', 'close', 'merge', 'deploy', 'notify', 'email', 'message', 'comment', 'insert', 'modify', 'patch', 'move', 'rename', 'save', 'issue', 'open', 'reply', 'schedule', 'escalate', 'order', 'reset', 'store', 'tag', 'label', 'sync', 'import'],
  delete: ['delete', 'remove', 'destroy', 'drop', 'purge', 'erase', 'cancel', 'archive', 'unlink', 'wipe'],
  admin: ['admin', 'grant', 'revoke', 'permission', 'permissions', 'role', 'roles', 'invite', 'provision', 'impersonate', 'sudo'],
  execute: ['exec', 'execute', 'run', 'shell', 'bash', 'eval', 'script', 'terminal', 'command', 'spawn', 'interpreter', 'python', 'sql'],
};

const BY_VERB = new Map<string, GuessedAccess>();
for (const [access, verbs] of Object.entries(VERBS) as [GuessedAccess, readonly string[]][]) for (const verb of verbs) if (!BY_VERB.has(verb)) BY_VERB.set(verb, access);

export function guessToolAccess(tool: Pick<CodeTool, 'name' | 'kind'>): GuessedAccess {
  if (tool.kind === 'shell' || tool.kind === 'computer') return 'execute';
  for (const word of nameWords(tool.name ?? '')) {
    const access = BY_VERB.get(word);
    if (access) return access;
  }
  return 'write';
}
