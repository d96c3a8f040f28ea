import ignore from 'ignore';
import type { FixWorkspace } from './workspace';

const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/**
 * The owners CODEOWNERS gives a file (the last matching line wins, as on GitHub), as manifest entity references:
 * `@org/team` → `team:team`, `name@example.com` → `user:name@example.com`, `@user` →
 * `user:user@users.noreply.github.com`. Empty when there is no CODEOWNERS or no line matches.
 */
export function ownersFor(workspace: FixWorkspace, path: string): string[] {
  for (const location of LOCATIONS) {
    const text = workspace.readText(location);
    if (text === undefined) continue;
    let owners: string[] = [];
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const [pattern, ...names] = line.split(/\s+/);
      if (!pattern || pattern.startsWith('[')) continue;
      try {
        if (ignore().add(pattern).ignores(path)) owners = names.filter((name) => !name.startsWith('#'));
      } catch {
        // a pattern the matcher rejects matches nothing
      }
    }
    return owners.flatMap((owner) => {
      const team = /^@[^/\s]+\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(owner);
      if (team) return [`team:${team[1]}`];
      if (isEmail(owner)) return [`user:${owner}`];
      const user = /^@([A-Za-z0-9][A-Za-z0-9-]*)$/.exec(owner);
      if (user) return [`user:${user[1]}@users.noreply.github.com`];
      return [];
    });
  }
  return [];
}

/** `name@example.com` (without a regex: the obvious one backtracks over the dots). */
function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || text.indexOf('@', at + 1) >= 0 || /\s/.test(text)) return false;
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1;
}
