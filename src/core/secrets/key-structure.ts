/**
 * Does a PEM body hold key material of the kind its BEGIN line names? A real key decodes to a DER structure whose
 * declared length is the length of the body (or to an OpenSSH / PGP key of plausible size); a stub whose header
 * promises 1,200 bytes and delivers 94 (`MIIEvgIBAD…` cut after two lines) is test filler, not a key.
 */

/** Slack for base64 padding quirks in hand-made or re-wrapped bodies. */
const LENGTH_SLACK = 4;
/** The smallest real keys: Ed25519/X25519 in PKCS#8 (48 bytes), RSA-512 in PKCS#1 (~320 bytes). */
const MIN_DER_BYTES: Record<string, number> = { RSA: 256, EC: 48, DSA: 128, '': 48, ENCRYPTED: 64 };
const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** The tag-length header of a DER element at `at`: content start and length, or undefined. */
function derElement(bytes: Uint8Array, at: number): { tag: number; contentStart: number; length: number } | undefined {
  if (at + 2 > bytes.length) return undefined;
  const tag = bytes[at]!;
  const first = bytes[at + 1]!;
  if (first < 0x80) return { tag, contentStart: at + 2, length: first };
  const octets = first & 0x7f;
  if (octets === 0 || octets > 3 || at + 2 + octets > bytes.length) return undefined;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + bytes[at + 2 + i]!;
  return { tag, contentStart: at + 2 + octets, length };
}

/** SEQUENCE whose length spans the body, starting with the element a key of that kind starts with. */
function isDerKey(bytes: Uint8Array, kind: string): boolean {
  const outer = derElement(bytes, 0);
  if (!outer || outer.tag !== 0x30) return false;
  const declared = outer.contentStart + outer.length;
  if (Math.abs(declared - bytes.length) > LENGTH_SLACK || declared < (MIN_DER_BYTES[kind] ?? 48)) return false;
  const first = derElement(bytes, outer.contentStart);
  if (!first) return false;
  // Encrypted PKCS#8 starts with the encryption AlgorithmIdentifier (a SEQUENCE); every other key with its
  // version INTEGER (PKCS#1, SEC1, DSA, PKCS#8 v1/v2).
  return kind === 'ENCRYPTED' ? first.tag === 0x30 : first.tag === 0x02 && first.length <= 2;
}

function readUint32(bytes: Uint8Array, at: number): number | undefined {
  return at + 4 <= bytes.length ? ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0 : undefined;
}

/** `openssh-key-v1\0`, cipher name, KDF name, KDF options, one key, and a public key blob inside the body. */
function isOpensshKey(bytes: Uint8Array): boolean {
  if (Buffer.from(bytes.subarray(0, OPENSSH_MAGIC.length)).toString('latin1') !== OPENSSH_MAGIC) return false;
  let at = OPENSSH_MAGIC.length;
  for (const limit of [64, 64, 1024]) {
    const length = readUint32(bytes, at);
    if (length === undefined || length > limit) return false;
    at += 4 + length;
  }
  if (readUint32(bytes, at) !== 1) return false;
  const publicKey = readUint32(bytes, at + 4);
  return publicKey !== undefined && publicKey >= 32 && at + 8 + publicKey < bytes.length;
}

/** An OpenPGP secret-key packet (tag 5), old or new packet format, of plausible size. */
function isPgpSecretKey(bytes: Uint8Array): boolean {
  const header = bytes[0] ?? 0;
  const tag = header & 0x40 ? header & 0x3f : (header >> 2) & 0x0f;
  return (header & 0x80) !== 0 && tag === 5 && bytes.length >= 64;
}

/**
 * `label` is the BEGIN line's type (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `PRIVATE KEY` …), `base64` the body
 * without armor headers, `encryptedHeaders` whether legacy `Proc-Type: 4,ENCRYPTED` headers were present (the body
 * is then ciphertext with no structure to read).
 */
export function isPlausibleKeyBody(label: string, base64: string, encryptedHeaders: boolean): boolean {
  const bytes = Buffer.from(base64, 'base64');
  if (!hasKeyStructure(label, encryptedHeaders)) return bytes.length >= 64;
  if (label.startsWith('OPENSSH')) return isOpensshKey(bytes);
  if (label.startsWith('PGP')) return isPgpSecretKey(bytes);
  const kind = label.slice(0, Math.max(0, label.indexOf('PRIVATE KEY'))).trim();
  return isDerKey(bytes, kind);
}

/** Whether isPlausibleKeyBody reads a structure (DER, OpenSSH, PGP) in such a body, not only its length. */
export function hasKeyStructure(label: string, encryptedHeaders: boolean): boolean {
  return !encryptedHeaders && !label.startsWith('SSH2 ');
}
