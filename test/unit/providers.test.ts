import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ProviderDetector, ProviderExamples } from '../../src/core/secrets/provider-types';
import { PROVIDERS_WITH_EXAMPLES as PROVIDERS } from '../../src/core/secrets/provider-examples';
import { redact } from '../../src/core/secrets/redact';
import { compileDetector, ProviderScanner, publicPrefixOf, scanConnectionStrings, scanPrivateKeys, type SecretMatch } from '../../src/core/secrets/scan';

const scanner = new ProviderScanner();

/** The fields a finding is built from; offsets are into the scanned text. */
function found(matches: SecretMatch[]): Array<{ detectorId: string; value: string; start: number; end: number }> {
  return matches.map(({ detectorId, value, start, end }) => ({ detectorId, value, start, end }));
}

/** Match example `index` of a detector: its text, the secret in it, and where the secret starts. */
function example(detector: ProviderDetector & { examples: ProviderExamples }, index: number): { text: string; secret: string; offset: number } {
  const text = detector.examples.match[index]!;
  const secret = detector.examples.secrets?.[index] ?? text;
  const offset = text.indexOf(secret);
  assert.ok(offset >= 0 && text.indexOf(secret, offset + 1) < 0, `secret occurs once in ${text}`);
  return { text, secret, offset };
}

function examples(detector: ProviderDetector & { examples: ProviderExamples }): Array<{ text: string; secret: string; offset: number }> {
  return detector.examples.match.map((_, index) => example(detector, index));
}

/** Where a credential gets pasted: code, JSON, YAML, .env, Markdown, shell, URLs, escaped strings. */
const CONTEXTS: Array<{ name: string; before: string; after: string }> = [
  { name: 'bare', before: '', after: '' },
  { name: 'double-quoted JS string', before: 'const apiKey = "', after: '";\n' },
  { name: 'single-quoted constructor argument', before: "const client = new Client({ apiKey: '", after: "' });" },
  { name: 'template literal', before: 'const key = `', after: '`;' },
  { name: 'JSON value', before: '{\n  "mcpServers": { "x": { "env": { "API_KEY": "', after: '" } } }\n}\n' },
  { name: 'YAML value', before: 'env:\n  API_KEY: ', after: '\n  REGION: eu-west-1\n' },
  { name: '.env line', before: 'API_KEY=', after: '\nDEBUG=1\n' },
  { name: '.env line with CRLF', before: 'API_KEY=', after: '\r\nDEBUG=1\r\n' },
  { name: 'Markdown inline code', before: 'Set `', after: '` in your shell.\n' },
  { name: 'Markdown fence', before: '```bash\nexport API_KEY=', after: '\n```\n' },
  { name: 'start of line', before: '', after: '\nnext line' },
  { name: 'end of line', before: 'first line\nkey: ', after: '' },
  { name: 'call argument', before: 'login(', after: ')' },
  { name: 'escaped newline in a JSON string', before: '"config": "line1\\n', after: '\\nline3"' },
  { name: 'URL query', before: 'https://example.com/callback?token=', after: '&state=1' },
  { name: 'percent-encoded URL query', before: 'https://example.com/callback?q=token%3D', after: '%26state%3D1' },
  { name: 'XML element', before: '<apiKey>', after: '</apiKey>' },
  { name: 'shell comment', before: '# token: ', after: ' (rotated monthly)' },
  { name: 'shell default value', before: 'export API_KEY="${API_KEY:-', after: '}"' },
  { name: 'Python keyword argument', before: 'client = Client(api_key="', after: '", timeout=30)' },
];

const REQUIRED_BY_PRODUCT_SPEC = [
  'openai', 'anthropic', 'aws-access-key-id', 'aws-secret-access-key', 'github', 'github-fine-grained', 'npm', 'slack',
  'stripe', 'google-api-key', 'huggingface', 'langsmith', 'groq', 'xai', 'perplexity', 'replicate', 'pinecone',
  'openrouter', 'sendgrid', 'twilio', 'gitlab', 'jwt-bearer',
];

function expectOne(detector: ProviderDetector, text: string, secret: string, start: number): void {
  assert.deepEqual(found(scanner.scan(text)), [{ detectorId: detector.id, value: secret, start, end: start + secret.length }], JSON.stringify(text));
}

describe('provider catalog', () => {
  it('has unique ids and covers every provider PRODUCT.md §5 lists', () => {
    const ids = PROVIDERS.map((detector) => detector.id);
    assert.deepEqual([...new Set(ids)], ids);
    assert.deepEqual(REQUIRED_BY_PRODUCT_SPEC.filter((id) => !ids.includes(id)), []);
  });

  for (const detector of PROVIDERS) {
    describe(detector.id, () => {
      it('has several must-match and must-not-match examples', () => {
        assert.ok(detector.examples.match.length >= 2, `${detector.examples.match.length} match examples`);
        assert.ok(detector.examples.noMatch.length >= 3, `${detector.examples.noMatch.length} noMatch examples`);
        // A secret group means context around the secret: each example then names its secret.
        if (detector.pattern.includes('(?<secret>')) assert.equal(detector.examples.secrets?.length, detector.examples.match.length);
        if (detector.examples.secrets) assert.equal(detector.examples.secrets.length, detector.examples.match.length);
      });

      it('compiles to a global regex that starts with a literal or a boundary lookbehind', () => {
        const regex = compileDetector(detector);
        assert.ok(regex.global);
        // Unbounded patterns get the token-boundary lookbehind; bounded ones must bring their own.
        assert.match(regex.source, /^(?:\(\?<!|\(\?:\(\?<!)/);
      });

      it('reports each match example exactly once, with that secret and its exact offsets', () => {
        for (const { text, secret, offset } of examples(detector)) expectOne(detector, text, secret, offset);
      });

      it('reports each match example in code, JSON, YAML, .env, Markdown, URL and escaped-string contexts', () => {
        for (const { text, secret, offset } of examples(detector)) {
          for (const { name, before, after } of CONTEXTS) {
            assert.doesNotThrow(() => expectOne(detector, before + text + after, secret, before.length + offset), name);
          }
        }
      });

      it('reports two keys on one line as two findings', () => {
        const first = example(detector, 0);
        const second = example(detector, 1);
        const text = `${first.text} ${second.text}`;
        const secondStart = first.text.length + 1 + second.offset;
        assert.deepEqual(found(scanner.scan(text)), [
          { detectorId: detector.id, value: first.secret, start: first.offset, end: first.offset + first.secret.length },
          { detectorId: detector.id, value: second.secret, start: secondStart, end: secondStart + second.secret.length },
        ]);
      });

      it('reports none of the must-not-match examples, in any context', () => {
        for (const text of detector.examples.noMatch) {
          for (const { name, before, after } of CONTEXTS) {
            assert.deepEqual(found(scanner.scan(before + text + after)), [], `${JSON.stringify(text)} (${name})`);
          }
        }
      });

      it('has a keyword in every match example (the prefilter never hides a real key)', () => {
        for (const { text } of examples(detector)) {
          assert.ok(
            detector.keywords.some((keyword) => text.toLowerCase().includes(keyword.toLowerCase())),
            `no keyword of ${detector.keywords.join(', ')} in ${text}`,
          );
        }
      });

      it('declares a public prefix that every match example starts with', () => {
        for (const { secret } of examples(detector)) {
          const prefix = publicPrefixOf(secret, detector.publicPrefix);
          if (detector.publicPrefix === undefined) assert.equal(prefix, '');
          else if (!detector.bounded) assert.ok(prefix.length > 0, `${secret} starts with none of ${detector.publicPrefix}`);
        }
      });

      it('redacts to the public prefix, an ellipsis and at most the last 4 characters', () => {
        for (const { secret } of examples(detector)) {
          const prefix = publicPrefixOf(secret, detector.publicPrefix);
          const redacted = redact(secret, prefix);
          assert.ok(redacted.startsWith(`${prefix}…`), redacted);
          const tail = redacted.slice(prefix.length + 1);
          assert.ok(tail.length <= 4 && secret.endsWith(tail), redacted);
          assert.ok(!redacted.includes(secret.slice(prefix.length, prefix.length + 5)), redacted);
        }
      });
    });
  }
});

describe('ProviderScanner', () => {
  it('runs a detector only when one of its keywords occurs (case-insensitively)', () => {
    const detector: ProviderDetector = {
      id: 'test', name: 'Test key', keywords: ['tk_'], pattern: 'tk_[A-Za-z0-9]{20}',
    };
    const only = new ProviderScanner([detector]);
    assert.deepEqual(found(only.scan('x = TK_ then tk_a8Kq2Lz9Wm4Xp7Rt3Vb6')), [{ detectorId: 'test', value: 'tk_a8Kq2Lz9Wm4Xp7Rt3Vb6', start: 13, end: 36 }]);
    assert.deepEqual(found(only.scan('nothing here: a8Kq2Lz9Wm4Xp7Rt3Vb6')), []);
  });

  it('drops matches that an extra placeholder pattern from the configuration covers', () => {
    const value = example(PROVIDERS.find((detector) => detector.id === 'groq')!, 0).secret;
    assert.equal(new ProviderScanner(undefined, [new RegExp(value.slice(4, 12))]).scan(`k = "${value}"`).length, 0);
    assert.equal(new ProviderScanner(undefined, [/^never$/]).scan(`k = "${value}"`).length, 1);
  });

  it('reports a GitHub token used as the password of a clone URL', () => {
    const github = example(PROVIDERS.find((detector) => detector.id === 'github')!, 0).secret;
    const text = `git clone https://x-access-token:${github}@github.com/acme/agent.git`;
    assert.deepEqual(found(scanner.scan(text)), [{ detectorId: 'github', value: github, start: 33, end: 33 + github.length }]);
  });

  it('reports the AWS key id and its secret access key as two findings', () => {
    const id = 'AKIA2Y2NYRVD7RXINFRP';
    const secret = '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';
    const text = `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`;
    const idStart = text.indexOf(id);
    const secretStart = text.indexOf(secret);
    assert.deepEqual(
      found(scanner.scan(text)).sort((a, b) => a.start - b.start),
      [
        { detectorId: 'aws-access-key-id', value: id, start: idStart, end: idStart + 20 },
        { detectorId: 'aws-secret-access-key', value: secret, start: secretStart, end: secretStart + 40 },
      ],
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Private keys

interface KeyFixture {
  name: string;
  pem: string;
  detectorName: string;
}

function pemFixtures(): KeyFixture[] {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const base64Lines = (bytes: Buffer, width: number) => bytes.toString('base64').match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
  // OpenSSH and PGP blocks: the real structure around random key material (node cannot write these formats).
  const sshString = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const publicBlob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(randomBytes(32))]);
  const openssh = Buffer.concat([
    Buffer.from('openssh-key-v1\0'), sshString(Buffer.from('none')), sshString(Buffer.from('none')), sshString(Buffer.alloc(0)),
    Buffer.from([0, 0, 0, 1]), sshString(publicBlob), Buffer.from([0, 0, 0, 144]), randomBytes(144),
  ]);
  // an old-format secret-key packet (tag 5) header, then the key material
  const pgpBody = Buffer.concat([Buffer.from([0x95, 0x03, 0x84]), randomBytes(900)]);
  return [
    { name: 'RSA (PKCS#1)', pem: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, detectorName: 'RSA private key' },
    { name: 'PKCS#8', pem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, detectorName: 'private key' },
    { name: 'EC (SEC1)', pem: ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string, detectorName: 'EC private key' },
    { name: 'Ed25519 (PKCS#8)', pem: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, detectorName: 'private key' },
    {
      name: 'encrypted RSA with Proc-Type/DEK-Info headers',
      pem: rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
      detectorName: 'RSA private key',
    },
    {
      name: 'encrypted PKCS#8',
      pem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string,
      detectorName: 'ENCRYPTED private key',
    },
    {
      name: 'OpenSSH',
      pem: `-----BEGIN OPENSSH PRIVATE KEY-----\n${base64Lines(openssh, 70)}\n-----END OPENSSH PRIVATE KEY-----\n`,
      detectorName: 'OPENSSH private key',
    },
    {
      name: 'PGP with armor headers',
      pem: `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: agent signing key\n\n${base64Lines(pgpBody, 64)}\n=${randomBytes(3).toString('base64')}\n-----END PGP PRIVATE KEY BLOCK-----\n`,
      detectorName: 'PGP private key',
    },
  ];
}

/** The block without its trailing newline: what a finding covers. */
function block(pem: string): string {
  return pem.trimEnd();
}

describe('scanPrivateKeys', () => {
  const fixtures = pemFixtures();

  for (const fixture of fixtures) {
    it(`reports a ${fixture.name} block with its exact range`, () => {
      const key = block(fixture.pem);
      const text = `# deploy key\n${fixture.pem}\nmore text\n`;
      assert.deepEqual(
        scanPrivateKeys(text).map(({ detectorId, detectorName, value, start, end }) => ({ detectorId, detectorName, value, start, end })),
        [{ detectorId: 'private-key', detectorName: fixture.detectorName, value: key, start: 13, end: 13 + key.length }],
      );
    });

    it(`reports a ${fixture.name} block written with \\n escapes inside a JS string`, () => {
      const escaped = block(fixture.pem).replace(/\n/g, '\\n');
      const text = `const privateKey = "${escaped}\\n";\n`;
      assert.deepEqual(found(scanPrivateKeys(text)), [{ detectorId: 'private-key', value: escaped, start: 20, end: 20 + escaped.length }]);
    });
  }

  it('reports a key built by JS string concatenation, one line per literal', () => {
    const lines = block(fixtures[0]!.pem).split('\n');
    const text = `const key =\n${lines.map((line, i) => `  "${line}${i < lines.length - 1 ? '\\n' : ''}"`).join(' +\n')};\n`;
    const start = text.indexOf('-----BEGIN');
    const end = text.indexOf('-----END RSA PRIVATE KEY-----') + '-----END RSA PRIVATE KEY-----'.length;
    assert.deepEqual(found(scanPrivateKeys(text)), [{ detectorId: 'private-key', value: text.slice(start, end), start, end }]);
  });

  it('reports the private key of a Google service-account JSON file', () => {
    const escaped = fixtures[1]!.pem.replace(/\n/g, '\\n');
    const text = `{\n  "type": "service_account",\n  "project_id": "agent-prod",\n  "private_key": "${escaped}",\n  "client_email": "agent@agent-prod.iam.gserviceaccount.com"\n}\n`;
    const start = text.indexOf('-----BEGIN');
    const value = escaped.slice(0, escaped.lastIndexOf('-----') + 5);
    assert.deepEqual(found(scanPrivateKeys(text)), [{ detectorId: 'private-key', value, start, end: start + value.length }]);
  });

  it('reports two keys in one file as two findings', () => {
    const a = block(fixtures[0]!.pem);
    const b = block(fixtures[2]!.pem);
    const text = `${a}\n\n${b}\n`;
    assert.deepEqual(found(scanPrivateKeys(text)), [
      { detectorId: 'private-key', value: a, start: 0, end: a.length },
      { detectorId: 'private-key', value: b, start: a.length + 2, end: a.length + 2 + b.length },
    ]);
  });

  it('does not report public keys, certificates or SSH public key lines', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const rsaPublicPem = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const certificate = `-----BEGIN CERTIFICATE-----\n${randomBytes(700).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
    const sshPublic = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomBytes(32).toString('base64').slice(0, 43)} agent@build\n`;
    for (const text of [publicPem, rsaPublicPem, certificate, sshPublic]) assert.deepEqual(scanPrivateKeys(text), [], text);
  });

  it('does not report placeholder bodies, unterminated blocks or mismatched END lines', () => {
    const body = block(fixtures[0]!.pem).split('\n').slice(1, -1).join('\n');
    const cases = [
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----',
      `-----BEGIN RSA PRIVATE KEY-----\n${body}\n`,
      `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----`,
      'const marker = "-----BEGIN PRIVATE KEY-----"; // the header we look for',
    ];
    for (const text of cases) assert.deepEqual(scanPrivateKeys(text), [], text);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Connection strings

describe('scanConnectionStrings', () => {
  const reported: Array<[string, string, string]> = [
    ['postgres', 'DATABASE_URL=postgres://app_user:N7xkq2Lp9Vw4@db.internal:5432/app', 'N7xkq2Lp9Vw4'],
    ['postgresql', 'const url = "postgresql://agent:Zr8v$Kq2mW4pX@10.0.0.12/memory?sslmode=require";', 'Zr8v$Kq2mW4pX'],
    ['mysql', "url: 'mysql://shop:Qm4tV9xLr2Zp@127.0.0.1:3306/shop'", 'Qm4tV9xLr2Zp'],
    ['mongodb+srv', 'MONGODB_URI=mongodb+srv://agent:Hk29fLq0ZxT7vW3m@cluster0.ab1cd.mongodb.net/memory?retryWrites=true', 'Hk29fLq0ZxT7vW3m'],
    ['redis (empty user)', 'REDIS_URL=redis://:pA55w0rdQ7zX@cache.example.com:6379/0', 'pA55w0rdQ7zX'],
    ['rediss', '`rediss://default:Tq8mZ2xV7kLp@eu1-relaxed-cat.upstash.io:6379`', 'Tq8mZ2xV7kLp'],
    ['amqp', 'broker: amqp://worker:Wx3nB8qLz5Rk@rabbit:5672/agents', 'Wx3nB8qLz5Rk'],
    ['password with an unencoded @ and :', 'postgres://svc:p@ss:w0rd-9Lk@db.example.com/app', 'p@ss:w0rd-9Lk'],
  ];
  for (const [name, text, password] of reported) {
    it(`reports the password of a ${name} URL, and only its range`, () => {
      const start = text.indexOf(`:${password}@`) + 1;
      assert.deepEqual(found(scanConnectionStrings(text)), [{ detectorId: 'connection-string', value: password, start, end: start + password.length }]);
    });
  }

  it('names the scheme in the detector name', () => {
    assert.deepEqual(
      scanConnectionStrings('mongodb+srv://agent:Hk29fLq0ZxT7vW3m@cluster0.mongodb.net').map((m) => m.detectorName),
      ['mongodb+srv connection string password'],
    );
  });

  it('does not report default, placeholder, missing or reused passwords', () => {
    const cases = [
      'postgres://postgres:postgres@localhost:5432/postgres',
      'postgres://user:${DB_PASSWORD}@db.example.com/app',
      'postgres://user:<password>@db.example.com/app',
      'mysql://admin:admin@localhost/shop',
      'mysql://shop:shop@localhost/shop',
      'mongodb://user:password@localhost:27017',
      'redis://:password@localhost:6379',
      'postgres://user@db.example.com/app',
      'postgres://db.example.com:5432/app',
      'mongodb://localhost:27017/agents',
      'postgres://user:****@db.example.com/app',
      'postgres://user:xxxxxxxx@db.example.com/app',
      'postgres://user:changeme@db.example.com/app',
      'postgres://user:%PASSWORD%@db.example.com/app',
      'postgres://user:{{ .Values.password }}@db/app',
      'https://user:N7xkq2Lp9Vw4@example.com/not-a-database',
      'mypostgres://user:N7xkq2Lp9Vw4@host/app',
    ];
    for (const text of cases) assert.deepEqual(scanConnectionStrings(text), [], text);
  });

  it('applies extra placeholder patterns from the configuration', () => {
    assert.deepEqual(scanConnectionStrings('postgres://app:LOCALDEV-9Kq2@db/app', [/^LOCALDEV-/]), []);
  });
});
