/**
 * Secrets written in base64: plausible base64 blocks anywhere in a file, and the `data:` values of Kubernetes
 * `Secret` manifests. Each decodes to text that the detectors then read; offsets in the decoded text map back to the
 * encoded characters, so a finding points at the encoded secret. Bounded: one linear pass finds the blocks, blocks
 * longer than MAX_BLOCK are skipped (images, fonts, bundles), and at most DECODE_BUDGET characters are decoded per file.
 */

import { appendAll } from '../arrays';

/** Decoded text found at [start, end) of the file. */
export interface DecodedBlock {
  /** The decoded text (one character per byte; only printable ASCII blocks are kept). */
  text: string;
  start: number;
  end: number;
  /** The key a Kubernetes Secret stores the value under. */
  name?: string;
}

const MIN_BLOCK = 24;
const MAX_BLOCK = 8192;
const DECODE_BUDGET = 262_144;

/** Base64 (standard or URL-safe) characters: 1; the padding `=`: 2; anything else: 0. */
const BASE64_CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') BASE64_CLASS[c.charCodeAt(0)] = 1;
BASE64_CLASS['='.charCodeAt(0)] = 2;
const classOf = (text: string, index: number): number => {
  const c = text.charCodeAt(index);
  return c < 128 ? BASE64_CLASS[c]! : 0;
};

/**
 * The runs of base64 characters with their padding (at most two `=`), not glued to other base64 characters or `=`
 * on either side, of MIN_BLOCK to MAX_BLOCK characters before the padding, in order: `visit(start, end)` for each
 * until it returns false. One pass that looks at few characters: a run long enough to count holds the character
 * MIN_BLOCK - 1 ahead of where it could start, so when that one is not base64, the scan jumps past it (code and
 * prose are mostly short words, and most characters are never read). A regular expression with look-arounds costs
 * several times more on every file.
 */
function forEachBase64Run(text: string, visit: (start: number, end: number) => boolean): void {
  const n = text.length;
  let index = 0;
  while (index + MIN_BLOCK <= n) {
    const probe = index + MIN_BLOCK - 1;
    if (classOf(text, probe) !== 1) {
      index = probe + 1;
      continue;
    }
    // The maximal run through the probe: back to its start (never before `index`, where the last run or jump ended)
    // and on to its end.
    let start = probe;
    while (start > index && classOf(text, start - 1) === 1) start--;
    let runEnd = probe + 1;
    while (runEnd < n && classOf(text, runEnd) === 1) runEnd++;
    index = runEnd;
    while (index < n && classOf(text, index) === 2) index++;
    const padding = index - runEnd;
    // Glued on the left (to base64 or `=`), over-padded, or glued on the right (`abc=def`): not a block.
    const glued = start > 0 && classOf(text, start - 1) !== 0;
    if (glued || padding > 2 || (padding > 0 && index < n && classOf(text, index) === 1)) continue;
    const length = runEnd - start;
    if (length >= MIN_BLOCK && length <= MAX_BLOCK && !visit(start, index)) return;
  }
}

/** Printable ASCII with tabs and line breaks: what a secret, a config file or a PEM block decodes to. */
const PRINTABLE = /^[\t\n\r\x20-\x7e]+$/;

/** The text a base64 string decodes to, when it is printable; undefined otherwise. */
export function decodeBase64Text(encoded: string): string | undefined {
  const body = encoded.replace(/=+$/, '');
  if (/[-_]/.test(body) && /[+/]/.test(body)) return undefined;
  if (body.length % 4 === 1) return undefined;
  let decoded: string;
  try {
    decoded = atob(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4));
  } catch {
    return undefined;
  }
  return PRINTABLE.test(decoded) ? decoded : undefined;
}

/**
 * The encoded range [start, end) of the file that holds decoded characters [from, to) of a block: every 3 decoded
 * bytes are 4 encoded characters.
 */
export function encodedRange(block: DecodedBlock, from: number, to: number): { start: number; end: number } {
  return {
    start: block.start + Math.floor(from / 3) * 4,
    end: Math.min(block.end, block.start + Math.ceil(to / 3) * 4),
  };
}

/** Base64 blocks of the text that decode to printable text, within the decode budget. */
export function base64Blocks(text: string): DecodedBlock[] {
  const blocks: DecodedBlock[] = [];
  let budget = DECODE_BUDGET;
  forEachBase64Run(text, (start, end) => {
    const encoded = text.slice(start, end);
    // Identifiers, words and hex digests are runs of base64 characters too, but not base64: a real block mixes cases
    // and digits (or is long enough that it must).
    if (!/[A-Z]/.test(encoded) || !/[a-z]/.test(encoded) || !/[0-9+/]/.test(encoded)) return true;
    budget -= encoded.length;
    const decoded = decodeBase64Text(encoded);
    if (decoded !== undefined && decoded.length >= 16) blocks.push({ text: decoded, start, end });
    return budget > 0;
  });
  return blocks;
}

/** `kind: Secret` at the top level of a YAML document. */
const SECRET_KIND = /^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?$/m;
const DATA_KEY = /^data:[ \t]*(?:#.*)?$/;
const DATA_ENTRY = /^([ \t]+)["']?([A-Za-z0-9._-]{1,253})["']?:[ \t]*(["']?)([A-Za-z0-9+/]{1,1048576}={0,2})\3[ \t]*(?:#.*)?$/;

/**
 * The `data:` values of Kubernetes `Secret` manifests (YAML, several documents per file), decoded. A line-based
 * reading: `kind: Secret` and `data:` at the top level of a document, then its indented `key: base64` entries.
 */
export function kubernetesSecretData(text: string): DecodedBlock[] {
  if (!text.includes('Secret') || !SECRET_KIND.test(text)) return [];
  const blocks: DecodedBlock[] = [];
  let offset = 0;
  let isSecret = false;
  let inData = false;
  let pending: DecodedBlock[] = [];
  const endDocument = () => {
    if (isSecret) appendAll(blocks, pending);
    pending = [];
    isSecret = false;
    inData = false;
  };
  for (const line of text.split('\n')) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (/^---/.test(content)) endDocument();
    else if (SECRET_KIND.test(content)) isSecret = true;
    else if (DATA_KEY.test(content)) inData = true;
    else if (/^\S/.test(content)) inData = false;
    else if (inData) {
      const entry = DATA_ENTRY.exec(content);
      const decoded = entry ? decodeBase64Text(entry[4]!) : undefined;
      if (entry && decoded !== undefined) {
        const start = offset + content.indexOf(entry[4]!, entry[1]!.length + entry[2]!.length + 1);
        pending.push({ text: decoded, start, end: start + entry[4]!.length, name: entry[2]! });
      }
    }
    offset += line.length + 1;
  }
  endDocument();
  return blocks;
}
