const jwt = require('jsonwebtoken');
const crypto = require('node:crypto');
const NextAuth = require('next-auth').default;
const GitHubProvider = require('next-auth/providers/github').default;

const JWT_SECRET = '⟦jwt-secret⟧'; ⟪+ generic:jwt-secret JWT signing secret⟫
const REFRESH_SECRET = process.env.REFRESH_SECRET || '⟦b64-44⟧'; ⟪+ generic:jwt-secret env fallback⟫

function issue(user) {
  return jwt.sign({ sub: user.id, scope: 'agents:run' }, JWT_SECRET, { expiresIn: '15m', keyid: '⟦short-sha⟧' }); ⟪- benign-name key id option⟫
}

function issueLegacy(user) {
  return jwt.sign({ sub: user.id }, '⟦alnum32⟧', { algorithm: 'HS256' }); ⟪+ generic:jwt-secret literal secret passed to jwt.sign⟫
}

function verifyWebhook(body, signature) {
  const digest = crypto.createHmac('sha256', '⟦whsec⟧').update(body).digest('hex'); ⟪+ generic:webhook-secret HMAC key literal⟫
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature));
}

function hashForLog(value) {
  return crypto.createHash('sha256').update(value).digest('hex');
}

module.exports = NextAuth({
  secret: '⟦nextauth-secret⟧', ⟪+ generic:nextauth-secret NextAuth secret⟫
  providers: [
    GitHubProvider({
      clientId: '⟦github-client-id⟧', ⟪- non-secret-id OAuth client id⟫
      clientSecret: '⟦github-client-secret⟧', ⟪+ generic:client-secret OAuth client secret⟫
    }),
  ],
  session: { strategy: 'jwt', maxAge: 3600 },
  cookies: { sessionToken: { name: '__Secure-next-auth.session-token', options: { httpOnly: true } } }, ⟪- benign-name cookie name⟫
});
module.exports.issue = issue;
module.exports.issueLegacy = issueLegacy;
module.exports.verifyWebhook = verifyWebhook;
module.exports.hashForLog = hashForLog;
