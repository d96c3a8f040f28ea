import * as fs from 'node:fs';

export function writeCertificates(keyPath: string, realKeyPath: string) {
  // Fallback: minimal test files if OpenSSL is not available. The "key" is cut after two lines.
  const key = `⟦stub-pkcs8⟧`; ⟪- test-key PEM stub whose body is not a key⟫
  fs.writeFileSync(keyPath, key);
  const realKey = `⟦pkcs8-key⟧`; ⟪+ pk:pkcs8-key a real PKCS#8 key⟫
  fs.writeFileSync(realKeyPath, realKey);
}
