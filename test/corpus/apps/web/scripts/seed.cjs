const { Client } = require('pg');
const mongoose = require('mongoose');
const mysql = require('mysql2/promise');
const amqp = require('amqplib');

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://agents:LfugpuietVVTnPmok8FF4v@prod-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com:5432/agents';
const MONGO_URI = 'mongodb+srv://research:1BMCQ9PR9Y3tQrXn4UTw2Bj2@cluster0.ab1cd.mongodb.net/notes?retryWrites=true&w=majority';
const LOCAL_URL = 'postgres://postgres:postgres@localhost:5432/agents_dev';
const TEMPLATE_URL = 'postgres://agents:${DB_PASSWORD}@db:5432/agents';
const NO_PASSWORD_URL = 'postgres://agents@db.internal:5432/agents';
const EXAMPLE_URL = 'postgresql://user:password@localhost:5432/mydb';

async function main() {
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  await mongoose.connect(MONGO_URI);
  const db = await mysql.createConnection({
    host: 'mysql.internal',
    user: 'seed',
    password: '+7e#WZ-Q%+qKoCmiMNU',
    database: 'agents',
  });
  const broker = await amqp.connect('amqps://worker:NDUQDuLGJG3xxk0tJ7i9WuWX@rabbit.acme.internal:5671/agents');
  const readonly = await mysql.createConnection('mysql://readonly:vvpkLEq4myH3vljUQY7LaK@mysql.internal:3306/agents');
  return { db, broker, readonly, LOCAL_URL, TEMPLATE_URL, NO_PASSWORD_URL, EXAMPLE_URL };
}

main();
