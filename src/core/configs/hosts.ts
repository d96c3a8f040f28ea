/** Hosts that never leave this machine (or its container host): `localhost`, `127.x.x.x`, `::1`, `0.0.0.0` as a target. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/^\[|\]$/g, '');
  return lower === 'localhost' || lower.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(lower) || lower === '::1' || lower === '0.0.0.0' || lower === 'host.docker.internal';
}
