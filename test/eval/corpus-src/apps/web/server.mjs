import express from 'express';
import session from 'express-session';
import basicAuth from 'express-basic-auth';
import { createClient } from 'redis';

const app = express();

app.use(session({ secret: '⟦session-secret⟧', resave: false, saveUninitialized: false })); ⟪+ generic:session-secret express-session secret⟫
app.use('/admin', basicAuth({ users: { admin: '⟦password⟧' } })); ⟪+ generic:password basic auth password map (user name as key)⟫

const redis = createClient({ url: 'rediss://default:⟦db-password⟧@redis-12345.c1.us-east-1-2.ec2.cloud.redislabs.com:12345' }); ⟪+ conn:redis Redis URL with password⟫
const localRedis = createClient({ url: 'redis://localhost:6379' }); ⟪- url no credentials⟫
await redis.connect();

app.post('/webhooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = 'sha256=' + req.get('x-hub-signature-256');
  res.status(expected ? 204 : 401).end();
});

app.get('/health', (_req, res) => res.json({ ok: true, commit: '⟦git-sha⟧' })); ⟪- hash commit SHA⟫

const OPENAI_API_KEY = '⟦openai-proj⟧'; ⟪+ key:openai/openai-proj module constant⟫
app.post('/api/chat', async (req, res) => {
  const upstream = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${OPENAI_API_KEY}`, 'Content-Type': 'application/json' }, ⟪- placeholder substitution⟫
    body: JSON.stringify(req.body),
  });
  res.status(upstream.status).send(await upstream.text());
});

app.listen(process.env.PORT ?? 3000);
export { localRedis };
