// Secrets that are written encoded: base64 blocks anywhere (decoded and read by every detector, findings on the
// encoded characters), the `data:` values of Kubernetes Secrets, and JSON Web Tokens outside Authorization headers.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { base64Blocks, decodeBase64Text, kubernetesSecretData } from '../../src/core/secrets/encoded';
import { analyze, describe1 } from '../helpers';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (length: number, seed: number): string =>
  Array.from({ length }, (_, index) => ALNUM[(seed * 7919 + index * 104729 + index * index * 37) % ALNUM.length]).join('');
/** An Anthropic-format key, assembled at run time. */
const ANTHROPIC_KEY = `sk-ant-${'api03'}-${pick(93, 7)}AA`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Seen {
  at: string;
  provider: string | undefined;
  text: string;
}

function secrets(path: string, text: string): Seen[] {
  return analyze(path, text)
    .filter((finding) => finding.ruleId.startsWith('secrets/'))
    .map((finding) => ({ at: describe1(finding), provider: finding.provider, text: text.slice(finding.startOffset, finding.endOffset) }));
}

describe('base64-encoded secrets', () => {
  it('decodes a base64 block and reports the provider key inside it, over its encoded characters', () => {
    const encoded = b64(`export ANTHROPIC_API_KEY=${ANTHROPIC_KEY}\n`);
    const text = `# deploy bundle\nbundle: ${encoded}\n`;
    const [finding, ...rest] = analyze('notes.md', text).filter((f) => f.ruleId.startsWith('secrets/'));
    assert.deepEqual(rest, []);
    assert.equal(finding!.provider, 'anthropic');
    assert.match(finding!.message, /^Hardcoded Anthropic API key \(base64-encoded\) \(sk-ant-api03-…[A-Za-z0-9]{2}AA\)\./);
    // The finding covers the encoded key (whole 4-character groups), not the encoded `export …=` before it.
    const covered = text.slice(finding!.startOffset, finding!.endOffset);
    assert.ok(Buffer.from(covered, 'base64').toString('latin1').includes(ANTHROPIC_KEY.slice(2, -2)));
    assert.ok(!Buffer.from(covered, 'base64').toString('latin1').includes('export'));
  });

  it('reads URL-safe base64 too, and a private key block encoded whole (a Kubernetes tls.key)', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const found = secrets('values.yaml', `tls:\n  key: ${b64(pem)}\n  url: ${Buffer.from(`token ${ANTHROPIC_KEY}`).toString('base64url')}\n`);
    assert.deepEqual(found.map((seen) => [seen.at.split(' ')[0], seen.provider]), [
      ['secrets/private-key', 'private-key'],
      ['secrets/provider-key', 'anthropic'],
    ]);
  });

  it('leaves binary data, images, hashes and identifiers alone', () => {
    const text = [
      `icon: data:image/png;base64,${randomBytes(300).toString('base64')}`,
      `digest: ${randomBytes(32).toString('hex')}`,
      `integrity: sha512-${randomBytes(64).toString('base64')}`,
      'name: ThisIsAVeryLongIdentifierNameForAComponent2',
      '',
    ].join('\n');
    assert.deepEqual(secrets('notes.md', text), []);
    assert.deepEqual(base64Blocks(text), []);
  });

  it('finds blocks between short words, at the very end of the text, and not glued to base64 or padding', () => {
    const encoded = b64('plain text, 24 bytes!!!!'); // 32 characters, no padding
    const decoded = 'plain text, 24 bytes!!!!';
    const at = (text: string) => base64Blocks(text).map((block) => [block.start, block.end, block.text]);
    assert.deepEqual(at(`a bc def ${encoded}`), [[9, 41, decoded]]);
    assert.deepEqual(at(encoded), [[0, 32, decoded]]);
    assert.deepEqual(at(`x ${encoded} ${encoded.slice(0, 23)}`), [[2, 34, decoded]]);
    // Glued to padding on the left, or followed by more base64 after its padding: not a block.
    assert.deepEqual(at(`QQ==${encoded}`), []);
    assert.deepEqual(at(`${b64('plain text, 25 bytes!!!!!')}x`), []);
    assert.deepEqual(at(`${b64('plain text, 22 bytes!!')} `).map(([, , text]) => text), ['plain text, 22 bytes!!']);
  });

  it('decodes only printable text, and refuses mixed alphabets and impossible lengths', () => {
    assert.equal(decodeBase64Text(b64('plain text, 24 bytes!!!!')), 'plain text, 24 bytes!!!!');
    assert.equal(decodeBase64Text(randomBytes(30).toString('base64').replace(/[+/]/g, 'A').slice(0, 20) + '\u0000'), undefined);
    assert.equal(decodeBase64Text('abc+def_ghijkl'), undefined);
    assert.equal(decodeBase64Text('abcde'), undefined);
  });
});

describe('Kubernetes Secret data', () => {
  const manifest = (data: string[]): string =>
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: agent', 'type: Opaque', 'data:', ...data, ''].join('\n');

  it('reads each data value decoded: a password under a secret-like key is reported at its encoded value', () => {
    const password = `${pick(14, 3)}!7`;
    const text = manifest([`  username: ${b64('svc-agent')}`, `  password: ${b64(password)}`, `  host: ${b64('db.acme.internal')}`]);
    assert.deepEqual(secrets('k8s/secret.yaml', text), [{ at: 'secrets/generic-secret 8:13-8:37', provider: 'kubernetes-secret', text: b64(password) }]);
    const [finding] = analyze('k8s/secret.yaml', text).filter((f) => f.provider === 'kubernetes-secret');
    assert.match(finding!.message, /^Hardcoded Kubernetes Secret value `password` \(base64-encoded\) \(…/);
    assert.ok(!finding!.message.includes(password.slice(0, 6)));
  });

  it('reports a provider key inside a value by its provider, and skips weak, empty and templated values', () => {
    const text = manifest([
      `  OPENAI_API_KEY: "${b64(`sk-proj-${pick(20, 5)}T3Blbk${'FJ'}${pick(20, 9)}`)}"`,
      `  DB_PASSWORD: ${b64('password123')}`,
      '  EMPTY: ""',
      '  TEMPLATED: {{ .Values.apiKey | b64enc }}',
    ]);
    assert.deepEqual(secrets('k8s/secret.yaml', text).map((seen) => [seen.at, seen.provider]), [['secrets/provider-key 7:20-7:96', 'openai']]);
  });

  it('reads every Secret of a multi-document file, and no other kind', () => {
    const password = `${pick(16, 11)}#2`;
    const text = [
      'kind: ConfigMap',
      'data:',
      `  password: ${b64(password)}`,
      '---',
      'kind: Secret',
      'data:',
      `  password: ${b64(password)}`,
      '',
    ].join('\n');
    assert.deepEqual(kubernetesSecretData(text).map((block) => [block.name, block.text]), [['password', password]]);
    // A ConfigMap's data is plain text: its random-looking value is judged as written, by the generic check.
    assert.deepEqual(secrets('k8s/all.yaml', text).map((seen) => [seen.at, seen.provider]), [
      ['secrets/generic-secret 3:13-3:37', 'generic'],
      ['secrets/generic-secret 7:13-7:37', 'kubernetes-secret'],
    ]);
  });
});

describe('JSON Web Tokens anywhere', () => {
  const signature = pick(43, 13);
  const token = (header: object, payload: object): string => `${base64url(header)}.${base64url(payload)}.${signature}`;

  it('reports a signed JWT in prose, JSON and YAML, not only after Bearer', () => {
    const jwt = token({ alg: 'RS256', typ: 'JWT' }, { sub: 'svc-reports', aud: 'agent-gateway', exp: 1798761600 });
    for (const [path, text] of [
      ['notes.md', `The service token is ${jwt} (rotate monthly).\n`],
      ['config.json', `{ "session": "${jwt}" }\n`],
      ['config.yaml', `session: ${jwt}\n`],
    ] as const) {
      assert.deepEqual(secrets(path, text).map((seen) => [seen.provider, seen.text]), [['jwt', jwt]], path);
    }
  });

  it('does not report unsigned (alg: none) tokens, public Supabase anon keys, or a header that is not JSON', () => {
    const text = [
      `unsigned: ${token({ alg: 'none', typ: 'JWT' }, { sub: 'test' })}`,
      `anon: ${token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'anon', exp: 2082758400 })}`,
      `garbled: eyJ${pick(30, 17)}.eyJ${pick(30, 19)}.${signature}`,
      '',
    ].join('\n');
    assert.deepEqual(secrets('config.yaml', text), []);
  });
});
