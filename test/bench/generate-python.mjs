// Deterministic generator of realistic Python agent modules for the benchmark: imports, clients read from the
// environment, tools of several frameworks (OpenAI Agents SDK, LangChain, CrewAI, FastMCP), agents, pydantic
// models, prompts, helpers and tests. Seeded like generate.mjs; a few files get one key-shaped value made at run
// time (none is written here).
//
//   node test/bench/generate-python.mjs <dir> [files]   writes a Python tree (for profiling by hand)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom, secretMaker } from './generate.mjs';

const NOUNS = ['invoice', 'ticket', 'customer', 'order', 'report', 'document', 'issue', 'repo', 'calendar', 'email', 'weather', 'account'];
const VERBS = ['get', 'list', 'create', 'update', 'search', 'summarize', 'fetch', 'classify', 'route', 'draft'];
const WORDS = ['the', 'agent', 'answers', 'questions', 'about', 'a', 'customer', 'with', 'short', 'and', 'precise', 'replies', 'when', 'asked', 'politely'];
const PACKAGES = ['support', 'research', 'billing', 'triage', 'ops', 'sales'];
const FOLDERS = ['agents', 'tools', 'services', 'prompts', 'workflows', 'tests'];

const sentence = (r, n = r.int(6, 14)) => Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
const name = (r) => `${r.pick(VERBS)}_${r.pick(NOUNS)}`;

const IMPORTS = [
  'import json',
  'import logging',
  'import os',
  'from dataclasses import dataclass, field',
  'from typing import Any',
  '',
  'import httpx',
  'from agents import Agent, Runner, function_tool',
  'from crewai.tools import tool as crew_tool',
  'from langchain_core.tools import tool',
  'from mcp.server.fastmcp import FastMCP',
  'from openai import OpenAI',
  'from pydantic import BaseModel, Field',
  '',
  'logger = logging.getLogger(__name__)',
  'mcp = FastMCP("bench")',
  'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])',
  '',
];

const BLOCKS = [
  // an OpenAI Agents SDK tool and agent
  (r, ctx) => {
    const fn = `${name(r)}_${ctx.n++}`;
    return [
      '@function_tool',
      `def ${fn}(query: str, limit: int = ${r.int(5, 50)}) -> str:`,
      `    """${sentence(r)}."""`,
      `    response = httpx.get(f"https://api.example.com/${r.pick(NOUNS)}s", params={"q": query, "limit": limit}, timeout=${r.int(5, 30)})`,
      '    response.raise_for_status()',
      '    return json.dumps(response.json()[:limit])',
      '',
      '',
      `${fn}_agent = Agent(name="${fn.replace(/_/g, '-')}", instructions="${sentence(r)}", tools=[${fn}], model="gpt-4.1-mini")`,
      '',
      '',
    ];
  },
  // a LangChain tool
  (r, ctx) => [
    '@tool',
    `def ${name(r)}_lc_${ctx.n++}(identifier: str) -> dict[str, Any]:`,
    `    """${sentence(r)}."""`,
    `    record = {"id": identifier, "status": "${r.pick(['open', 'closed', 'pending'])}", "owner": "${r.pick(NOUNS)}-team"}`,
    `    logger.info("looked up %s", identifier)`,
    '    return record',
    '',
    '',
  ],
  // a CrewAI tool and an MCP tool
  (r, ctx) => [
    `@crew_tool("${r.pick(VERBS)} ${r.pick(NOUNS)} ${ctx.n}")`,
    `def crew_${name(r)}_${ctx.n++}(text: str) -> str:`,
    `    """${sentence(r)}."""`,
    '    return text.strip().lower()',
    '',
    '',
    '@mcp.tool()',
    `def mcp_${name(r)}_${ctx.n++}(path: str) -> str:`,
    `    """${sentence(r)}."""`,
    '    with open(os.path.join("/srv/data", os.path.basename(path)), encoding="utf-8") as handle:',
    '        return handle.read()',
    '',
    '',
  ],
  // a pydantic model and a dataclass
  (r, ctx) => [
    `class ${r.pick(NOUNS)[0].toUpperCase()}Record${ctx.n++}(BaseModel):`,
    `    id: str = Field(description="${sentence(r, 5)}")`,
    `    title: str = ""`,
    `    tags: list[str] = Field(default_factory=list)`,
    `    score: float = ${r.int(0, 100) / 10}`,
    '',
    '',
    '@dataclass',
    `class Settings${ctx.n++}:`,
    `    base_url: str = "https://${r.pick(NOUNS)}.example.com/v${r.int(1, 3)}"`,
    `    timeout: int = ${r.int(5, 60)}`,
    '    retries: int = 3',
    '    headers: dict[str, str] = field(default_factory=dict)',
    '',
    '',
  ],
  // a prompt and a helper with loops and comprehensions
  (r, ctx) => [
    `PROMPT_${ctx.n++} = """`,
    ...Array.from({ length: r.int(3, 8) }, () => `${sentence(r)}.`),
    '"""',
    '',
    '',
    `def summarize_${ctx.n++}(items: list[dict[str, Any]]) -> str:`,
    '    lines = []',
    '    for index, item in enumerate(items):',
    '        if not item.get("title"):',
    '            continue',
    `        lines.append(f"{index + 1}. {item['title']} ({item.get('status', 'unknown')})")`,
    `    counts = {key: sum(1 for item in items if item.get("status") == key) for key in ("open", "closed")}`,
    '    return "\\n".join(lines) + json.dumps(counts)',
    '',
    '',
  ],
  // a test
  (r, ctx) => [
    `def test_${name(r)}_${ctx.n++}() -> None:`,
    `    payload = {"id": "${r.pick(NOUNS)}-${r.int(1, 999)}", "title": "${sentence(r, 4)}", "status": "open"}`,
    '    assert payload["status"] == "open"',
    '    assert json.loads(json.dumps(payload)) == payload',
    '',
    '',
  ],
];

/** One Python module of about `lines` lines; `secret` (a value) is assigned to a key-named constant if given. */
export function pythonFile(r, { lines: target, secret }) {
  const ctx = { n: 0 };
  const out = [`"""${sentence(r)}."""`, ...IMPORTS];
  if (secret) out.push(`${r.pick(['SERVICE_API_KEY', 'ACCESS_TOKEN', 'OPENAI_API_KEY'])} = "${secret}"`, '');
  while (out.length < target) out.push(...r.pick(BLOCKS)(r, ctx));
  return out.join('\n') + '\n';
}

/** The single large Python agent module of benchmark (a). */
export function bigPythonFile(lines = 2000, seed = 5) {
  const r = createRandom(seed);
  return pythonFile(r, { lines, secret: secretMaker(r).openai() });
}

/** Write a tree of Python modules (one in 100 with a secret); returns { files, lines, bytes }. */
export function writePythonTree(dir, { files, seed = 9 }) {
  const r = createRandom(seed);
  const s = secretMaker(r);
  const stats = { files: 0, lines: 0, bytes: 0 };
  for (let i = 0; i < files; i++) {
    const path = join(dir, r.pick(PACKAGES), r.pick(FOLDERS), `${name(r)}_${i}.py`);
    const text = pythonFile(r, { lines: r.int(40, 400), secret: i % 100 === 50 ? s.openai() : undefined });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    stats.files++;
    stats.lines += text.split('\n').length - 1;
    stats.bytes += Buffer.byteLength(text);
  }
  return stats;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, files = '1000'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node test/bench/generate-python.mjs <dir> [files]');
    process.exit(2);
  }
  console.log(JSON.stringify(writePythonTree(dir, { files: Number(files) })));
}
