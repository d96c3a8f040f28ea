#!/usr/bin/env node
// Writes the labelled secret-detection corpus, test/corpus/**, and its labels, test/corpus/labels.json, from the
// annotated templates in test/eval/corpus-src/**.
//
//   node test/eval/generate-corpus.mjs           rewrite test/corpus from the templates
//   node test/eval/generate-corpus.mjs --check   exit 1 if test/corpus differs from what the templates give
//
// Template syntax (see test/eval/README.md):
//   ⟦kind⟧              a fresh, format-valid random value of that kind (test/eval/values.mjs)
//   ⟦kind@name⟧         the same, remembered as `name` for this file
//   ⟦@name⟧ ⟦@name[a:b]⟧ a remembered value, or a slice of it (to write `'sk-proj-' + '…'` concatenations)
//   ⟦…|json⟧            newlines escaped as \n (private keys inside JSON or JS strings)
//   ⟦…|indent=N⟧        continuation lines indented by N spaces (private keys in YAML block scalars)
//   ⟦kind@name|hide⟧    define a named value without writing it
//   ⟦…|base64⟧          base64 of the value (Kubernetes Secret `data:` fields)
//   ⟪+ rule:provider[/kind] note⟫  at the end of a line: a true secret on that line.
//                       rule is key (secrets/provider-key), generic (secrets/generic-secret),
//                       conn (secrets/connection-string), pk (secrets/private-key), or fmt / url for a
//                       credential format's detector under secrets/generic-secret / secrets/connection-string.
//   ⟪- category note⟫   at the end of a line: a hard negative on that line (nothing must be reported there).
// Annotations and the whitespace before them are removed from the output. Values are deterministic per file.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, makeGenerators, seedOf } from './values.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_ROOT = join(here, 'corpus-src');
export const CORPUS_ROOT = join(here, '..', 'corpus');

const RULES = {
  key: 'secrets/provider-key',
  generic: 'secrets/generic-secret',
  conn: 'secrets/connection-string',
  pk: 'secrets/private-key',
  // a credential format's own detector: `fmt:netrc` (generic-secret), `url:url-password` (connection-string)
  fmt: 'secrets/generic-secret',
  url: 'secrets/connection-string',
};
const PROVIDER_FOR_RULE = { generic: 'generic', conn: 'connection-string', pk: 'private-key' };

function listTemplates(directory) {
  const out = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) out.push(...listTemplates(path));
    else out.push(path);
  }
  return out;
}

const SLOT = /⟦([^⟧]*)⟧/g;
const ANNOTATION = /[ \t]*⟪([+-])[ \t]*([^⟫]*)⟫/g;

function renderFile(file, template) {
  const generators = makeGenerators(createRng(seedOf(file)));
  const named = new Map();
  const positives = [];
  const negatives = [];
  const out = [];
  let nextLine = 1;
  const lines = template.split('\n');
  lines.forEach((rawLine, index) => {
    const annotations = [...rawLine.matchAll(ANNOTATION)];
    let line = rawLine.replace(ANNOTATION, '');
    line = line.replace(SLOT, (_, body) => renderSlot(body, generators, named, file, index + 1));
    const outputLine = nextLine;
    nextLine += line.split('\n').length;
    for (const [, sign, text] of annotations) {
      const where = `${file}:${index + 1}`;
      if (sign === '+') {
        const match = /^(key|generic|conn|pk|fmt|url):([a-z0-9-]+)(?:\/([a-z0-9-]+))?(?:\s+(.*))?$/.exec(text.trim());
        if (!match) throw new Error(`${where}: bad positive annotation ⟪+ ${text}⟫`);
        const [, rule, a, b, note] = match;
        const provider = PROVIDER_FOR_RULE[rule] ?? a;
        const kind = PROVIDER_FOR_RULE[rule] ? a : b ?? a;
        positives.push({ file, line: outputLine, rule: RULES[rule], provider, kind, ...(note && { note }) });
      } else {
        const match = /^([a-z0-9-]+)(?:\s+(.*))?$/.exec(text.trim());
        if (!match) throw new Error(`${where}: bad negative annotation ⟪- ${text}⟫`);
        negatives.push({ file, line: outputLine, category: match[1], ...(match[2] && { what: match[2] }) });
      }
    }
    out.push(line);
  });
  return { text: out.join('\n'), positives, negatives };
}

function renderSlot(body, generators, named, file, line) {
  const [spec, ...modifiers] = body.split('|');
  let value;
  const reuse = /^@([A-Za-z0-9_-]+)(?:\[(\d*):(\d*)\])?$/.exec(spec);
  if (reuse) {
    const [, name, from, to] = reuse;
    if (!named.has(name)) throw new Error(`${file}:${line}: ⟦@${name}⟧ used before it is defined`);
    const full = named.get(name);
    value = from !== undefined ? full.slice(from ? Number(from) : 0, to ? Number(to) : undefined) : full;
  } else {
    const [kind, name] = spec.split('@');
    const generate = generators[kind];
    if (!generate) throw new Error(`${file}:${line}: unknown value kind "${kind}"`);
    value = generate();
    if (name) named.set(name, value);
  }
  for (const modifier of modifiers) {
    if (modifier === 'json') value = value.replace(/\n/g, '\\n');
    else if (modifier.startsWith('indent=')) value = value.replace(/\n/g, '\n' + ' '.repeat(Number(modifier.slice(7))));
    else if (modifier === 'hide') value = '';
    else if (modifier === 'base64') value = Buffer.from(value, 'utf8').toString('base64');
    else throw new Error(`${file}:${line}: unknown modifier "${modifier}"`);
  }
  return value;
}

/** One label object per line: diffs stay readable and a label is easy to find. */
function formatLabels(positives, negatives) {
  const row = (object) => '    ' + JSON.stringify(object);
  return [
    '{',
    '  "about": "Labels for the secret-detection corpus, generated by test/eval/generate-corpus.mjs from test/eval/corpus-src (edit the templates, not this file). Lines are 1-based. A finding on a positive line with the expected rule is a true positive (a secret labelled secrets/generic-secret may also be reported as secrets/provider-key); any other finding is a false positive; an unreported positive is a false negative. Negatives name the kind of look-alike on that line; nothing may be reported there.",',
    '  "positives": [',
    positives.map(row).join(',\n'),
    '  ],',
    '  "negatives": [',
    negatives.map(row).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

export function generate() {
  const positives = [];
  const negatives = [];
  const files = [];
  for (const path of listTemplates(TEMPLATE_ROOT)) {
    const file = relative(TEMPLATE_ROOT, path).split(sep).join('/');
    const rendered = renderFile(file, readFileSync(path, 'utf8'));
    files.push({ file, text: rendered.text });
    positives.push(...rendered.positives);
    negatives.push(...rendered.negatives);
  }
  return { files, positives, negatives };
}

/** Every file under a directory, relative, with forward slashes. */
function listFiles(directory, prefix = '') {
  const out = [];
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

/** Differences between the checked-in corpus and what the templates generate. */
export function checkCorpus() {
  const { files, positives, negatives } = generate();
  const expected = new Map(files.map(({ file, text }) => [file, text]));
  expected.set('labels.json', formatLabels(positives, negatives));
  const problems = [];
  let actual = [];
  try {
    actual = listFiles(CORPUS_ROOT);
  } catch {
    return ['test/corpus is missing'];
  }
  for (const file of actual) if (!expected.has(file)) problems.push(`${file}: not generated by any template`);
  for (const [file, text] of expected) {
    let current;
    try {
      current = readFileSync(join(CORPUS_ROOT, file), 'utf8');
    } catch {
      problems.push(`${file}: missing`);
      continue;
    }
    if (current !== text) problems.push(`${file}: differs from its template`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--check')) {
  const problems = checkCorpus();
  if (problems.length) {
    console.error(`test/corpus is out of date; run node test/eval/generate-corpus.mjs\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('test/corpus matches its templates');
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, positives, negatives } = generate();
  rmSync(CORPUS_ROOT, { recursive: true, force: true });
  for (const { file, text } of files) {
    const target = join(CORPUS_ROOT, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  writeFileSync(join(CORPUS_ROOT, 'labels.json'), formatLabels(positives, negatives));
  const providers = new Set(positives.map((p) => p.provider));
  console.log(`corpus: ${files.length} files, ${positives.length} positives (${providers.size} providers/kinds), ${negatives.length} hard negatives`);
}
