/**
 * credentials/insecure-mcp-server: `http://` becomes `https://`; an address that listens on every interface
 * (`0.0.0.0`, `::`) becomes `127.0.0.1`; a docker port mapping gets the `127.0.0.1:` host address. Computed from
 * the flagged text alone; never "safe" (the server must support TLS, the client must be on the same machine).
 */
import type { Finding } from '../types';
import type { Fix } from './types';

export function insecureServerFixes(path: string, text: string, finding: Finding): Fix[] {
  const flagged = text.slice(finding.startOffset, finding.endOffset);
  const quote = /^["']/.test(flagged) ? 1 : 0;
  const inner = flagged.slice(quote, flagged.length - quote);
  const at = finding.startOffset + quote;
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, safe: false, isPreferred: true };
  if (/^http:\/\/$/i.test(inner)) {
    return [{ ...base, title: 'Use https://', edits: [{ path, startOffset: at, endOffset: at + inner.length, newText: 'https://' }], followUp: 'The server must accept TLS on that address.' }];
  }
  const address = /^(0\.0\.0\.0|::|\[::\]|\*)((?::\d{1,5})?)$/.exec(inner);
  if (address) {
    return [{ ...base, title: 'Listen on 127.0.0.1 only', edits: [{ path, startOffset: at, endOffset: at + address[1]!.length, newText: '127.0.0.1' }] }];
  }
  if (/^(?:[\d.:-]{1,40})(?:\/(?:tcp|udp))?$/.test(inner)) {
    const mapping = inner.startsWith(':') ? inner.slice(1) : inner.replace(/^(?:0\.0\.0\.0|\[::\]|::):/, '');
    return [{ ...base, title: 'Publish the port on 127.0.0.1 only', edits: [{ path, startOffset: at, endOffset: at + inner.length, newText: `127.0.0.1:${mapping}` }] }];
  }
  return [];
}
