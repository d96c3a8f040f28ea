const jwt = require('jsonwebtoken');
const crypto = require('node:crypto');
const NextAuth = require('next-auth').default;
const GitHubProvider = require('next-auth/providers/github').default;

const JWT_SECRET = '96a9310e6a0ae5ce55e994c3ca32aa9dc00102f46ae9c85c722f5ae419b5dfab';
const REFRESH_SECRET = process.env.REFRESH_SECRET || 'ByOJ7i9SMTOpGwe3013o09EGBvGrt4Env8xMIe07ZRo=';

function issue(user) {
  return jwt.sign({ sub: user.id, scope: 'agents:run' }, JWT_SECRET, { expiresIn: '15m', keyid: '4814866' });
}

function issueLegacy(user) {
  return jwt.sign({ sub: user.id }, 'KG0pzL5YtVm6cIObdsZJ5mkVXlvxwljA', { algorithm: 'HS256' });
}

function verifyWebhook(body, signature) {
  const digest = crypto.createHmac('sha256', 'whsec_Qdo9TqPJGHkkXN2jTAtsbohvdPU4a7kP').update(body).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature));
}

function hashForLog(value) {
  return crypto.createHash('sha256').update(value).digest('hex');
}

module.exports = NextAuth({
  secret: 'zuk9c5/4/qGWlvE+8UwpEwSY3LSgKAgb9cwXRm7CAcY=',
  providers: [
    GitHubProvider({
      clientId: 'Iv1.83fd7a0c701e732c',
      clientSecret: '93ded37f80b8215fe09b542b8f98f78aab13b1fe',
    }),
  ],
  session: { strategy: 'jwt', maxAge: 3600 },
  cookies: { sessionToken: { name: '__Secure-next-auth.session-token', options: { httpOnly: true } } },
});
module.exports.issue = issue;
module.exports.issueLegacy = issueLegacy;
module.exports.verifyWebhook = verifyWebhook;
module.exports.hashForLog = hashForLog;
