/**
 * Directories too broad to hand an agent: the file-system root, a drive root, a home directory (where SSH keys,
 * cloud credentials and browser profiles live) or the directory holding every home directory.
 * Returns a description for messages, or undefined for a path that is fine (`${workspaceFolder}`, `./docs`,
 * `/Users/alice/projects/app`).
 */
export function broadDirectory(path: string): string | undefined {
  let value = path.trim();
  if (value.length > 1 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1).trim();
  if (!value || value.length > 1000) return undefined;
  value = value.replace(/\\/g, '/');
  // Collapse repeated slashes (keeping a leading `//` would only be a UNC path, which is not a root we know).
  value = value.replace(/\/{2,}/g, '/');
  // Trailing `/` and `/.` say the same directory.
  while (value.length > 1 && (value.endsWith('/') || value.endsWith('/.'))) value = value.endsWith('/.') ? value.slice(0, -2) || '/' : value.slice(0, -1);

  if (value === '/') return 'the file-system root';
  if (/^[A-Za-z]:$/.test(value)) return `the drive root ${value.toUpperCase()}\\`;
  if (/^\/mnt\/[A-Za-z]$/.test(value)) return `the Windows drive root ${value} (WSL)`;
  if (HOME_VARIABLE.test(value)) return 'your home directory';
  if (/^~[\w.-]{1,64}$/.test(value)) return `the home directory ${value}`;
  if (/^(?:\/Users|\/home|[A-Za-z]:\/Users)$/i.test(value)) return `every user's home directory (${path.trim()})`;
  const home = /^(?:\/Users|\/home|[A-Za-z]:\/Users)\/([^/]{1,128})$/i.exec(value);
  if (home && !/^(?:Shared|Public|Default)$/i.test(home[1]!)) return `the home directory ${path.trim()}`;
  if (value === '/root' || value === '/var/root') return `the home directory ${value}`;
  return undefined;
}

/** `~`, `$HOME`, `${HOME}`, `${env:HOME}`, `${userHome}`, `%USERPROFILE%`, `%HOMEDRIVE%%HOMEPATH%`, `$env:USERPROFILE` … */
const HOME_VARIABLE =
  /^(?:~|\$HOME|\$\{HOME\}|\$\{env:HOME\}|\$\{userHome\}|\$\{USERPROFILE\}|\$\{env:USERPROFILE\}|%USERPROFILE%|%HOME%|%HOMEPATH%|%HOMEDRIVE%%HOMEPATH%|\$env:USERPROFILE|\$env:HOME)$/i;
