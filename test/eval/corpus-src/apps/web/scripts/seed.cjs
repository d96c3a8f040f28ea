const { Client } = require('pg');
const mongoose = require('mongoose');
const mysql = require('mysql2/promise');
const amqp = require('amqplib');

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://agents:⟦db-password⟧@prod-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com:5432/agents'; ⟪+ conn:postgres env fallback connection string⟫
const MONGO_URI = 'mongodb+srv://research:⟦db-password⟧@cluster0.ab1cd.mongodb.net/notes?retryWrites=true&w=majority'; ⟪+ conn:mongodb Atlas URI⟫
const LOCAL_URL = 'postgres://postgres:postgres@localhost:5432/agents_dev'; ⟪- low-entropy default local password⟫
const TEMPLATE_URL = 'postgres://agents:${DB_PASSWORD}@db:5432/agents'; ⟪- placeholder ${DB_PASSWORD}⟫
const NO_PASSWORD_URL = 'postgres://agents@db.internal:5432/agents'; ⟪- url no password⟫
const EXAMPLE_URL = 'postgresql://user:password@localhost:5432/mydb'; ⟪- placeholder documentation URL⟫

async function main() {
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  await mongoose.connect(MONGO_URI);
  const db = await mysql.createConnection({
    host: 'mysql.internal',
    user: 'seed',
    password: '⟦password⟧', ⟪+ generic:password mysql2 password option⟫
    database: 'agents',
  });
  const broker = await amqp.connect('amqps://worker:⟦db-password⟧@rabbit.acme.internal:5671/agents'); ⟪+ conn:amqp AMQP URL with password⟫
  const readonly = await mysql.createConnection('mysql://readonly:⟦db-password⟧@mysql.internal:3306/agents'); ⟪+ conn:mysql MySQL URL with password⟫
  return { db, broker, readonly, LOCAL_URL, TEMPLATE_URL, NO_PASSWORD_URL, EXAMPLE_URL };
}

main();
