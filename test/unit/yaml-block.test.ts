import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlDocuments, yamlTrees, type YamlTree } from '../../src/core/languages/yaml';
import { readBlockYaml } from '../../src/core/languages/yaml-block';
import { expectSecrets, REPO_ROOT } from '../helpers';

/*
 * The block YAML reader (src/core/languages/yaml-block.ts) against the `yaml` library. For every text the reader
 * reads, the library finds no error and builds the same tree (yamlTrees): the same keys, the same string values
 * at the same offsets, the same non-strings. The texts it leaves to the library are listed too, so that a change
 * which makes it read them is checked against the library here.
 */

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

/** Documents with content (an empty one is no tree to the reader, and no value to the scan either). */
const withContent = (trees: YamlTree[]): YamlTree[] => trees.filter((tree) => tree.root !== undefined);

/** 'read' when the reader read `text` (and then asserts it read it as the library does), 'left' when it gave up. */
function readOrLeft(text: string): 'read' | 'left' {
  const trees = readBlockYaml(text);
  if (!trees) return 'left';
  const library = yamlTrees(text, parseYamlDocuments(text));
  const context = JSON.stringify(text.slice(0, 300));
  assert.deepEqual(
    library.flatMap((tree) => tree.errors),
    [],
    `the reader read a text the library finds errors in: ${context}`,
  );
  assert.deepEqual(withContent(trees), withContent(library), context);
  return 'read';
}

/** A recorded HTTP interaction as VCR.py and pydantic-ai write them (values made up for this test). */
const CASSETTE = lines(
  '---',
  'interactions:',
  '- request:',
  "    body: '{\"messages\":[{\"content\":\"What is the capital of France?\",\"role\":\"user\"}],\"model\":\"gpt-4o\",",
  '      "stream\":false}\'',
  '    headers:',
  '      accept:',
  '      - application/json',
  '      content-length:',
  "      - '118'",
  '    method: POST',
  '    uri: https://api.openai.com/v1/chat/completions',
  '    parsed_body:',
  '      messages:',
  '      - content: Use the get_file tool now to retrieve a file, then describe',
  '          what you received.',
  '        role: user',
  '      temperature: 0.7',
  '      seed: null',
  '      tools: []',
  '      tool_choice: {}',
  '  response:',
  '    body:',
  '      string: |+',
  '        data: {"id":"chatcmpl-1","choices":[{"delta":{"content":"Paris"}}]}',
  '',
  '        data: [DONE]',
  '',
  '    raw: !!binary |',
  '      CloKVgpUVXNlIHRoZSBnZXRfZmlsZSB0b29sIG5vdyB0byByZXRyaWV2ZSBh',
  '    headers:',
  '      content-type:',
  '      - text/event-stream',
  '    embeddings:',
  '    - - -0.0123',
  '      - 0.5e-3',
  '    - - 1',
  '    status:',
  '      code: 200',
  '      message: OK',
  'version: 1',
  '...',
);

const READ: [string, string][] = [
  ['a recorded HTTP interaction (cassette)', CASSETTE],
  ['plain scalars folded over lines, blank lines kept as newlines', lines('note: one', '  two', '', '  three # comment', 'next: x')],
  ['continuation lines that start with indicators', lines('text: first', '  - second', '  *   **third**', '  [fourth', '  #hash-less? no: x#y', 'k: v')],
  ['double-quoted escapes', lines('s: "tab\\there \\x41\\u00e9\\U0001F600 \\"q\\" \\\\ \\/ \\0 \\_"')],
  ['double-quoted folding and escaped line breaks', lines('s: "one   ', '  two\\', '    three', '', '  four \\', '  five"', 'k: v')],
  ['single-quoted quotes and folding', lines("s: 'it''s", "  folded   ", '', "  here '", 'k: v')],
  ['literal and folded block scalars with every chomping', lines('a: |', '  one', '    indented', '', '  two', 'b: >-', '  folded', '  line', '', '    more', '  back', 'c: |+', '  kept', '', '', 'd: >', '', '  after a blank', 'e: end')],
  ['kept empty lines at the end of the text, the last without a line break', 'a: |+\n  kept\n\n  '],
  ['block scalars with an explicit indentation', lines('a: |2-', '     leading spaces', '    x', 'list:', '- |1', '  one', '- k: >2', '     deeper', 'z: 1')],
  ['block scalars under sequence entries and compact mappings', lines('- |', '  in a sequence', '- name: x', '  value: |', '    in a mapping', '  other: y')],
  ['non-string values', lines('i: 12', 'n: -3', 'f: 1.5', 'e: 1e3', 'h: 0x1F', 'o: 0o17', 'inf: -.inf', 'nan: .NaN', 'b: true', 'B: FALSE', 'z: ~', 'nul: null', 'empty:', 'next: 1')],
  ['strings that look almost like numbers', lines('a: 1.2.3', 'b: 0x', 'c: yes', 'd: "12"', "e: '~'", 'f: +-1', 'g: 1_000')],
  ['quoted keys and keys with blanks', lines('"api key": one', "'x-api-key': two", 'with space : three', '"esc\\x41ped": four')],
  ['a sequence at its key\'s indentation', lines('env:', '- A=1', '- B=2', 'args:', '- --api-key', '- value', 'after: x')],
  ['comments everywhere', lines('# head', 'a: # after a key', '  # inside', '  b: c # trailing', '# between', '  d: e#not-a-comment', '# tail')],
  ['a SealedSecret', lines('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'spec:', '  encryptedData:', '    token: AgBy8hCi', '')],
  ['a top-level sequence of mappings', lines('- name: OPENAI_API_KEY', '  value: abc', '- name: other', '  value: def')],
  ['values with colons and hashes that are not separators', lines('url: http://example.com:8080/a#frag', 'time: 12:30', 'tag: a#b', 'k: "x: y # z"')],
  ['an empty document', lines('# only a comment', '')],
];

const LEFT: [string, string][] = [
  ['a flow sequence with content', lines('branches: [main, dev]')],
  ['a flow mapping with content', lines('with: {a: 1}')],
  ['an anchor and an alias', lines('base: &b x', 'other: *b')],
  ['a tag other than !!binary', lines('value: !Ref Name')],
  ['a complex key', lines('? key', ': value')],
  ['a directive', lines('%YAML 1.2', '---', 'a: b')],
  ['several documents', lines('a: 1', '---', 'b: 2')],
  ['a tab in indentation', 'a:\n\tb: c\n'],
  ['carriage returns', 'a: b\r\nc: d\r\n'],
  ['a non-string key', lines('200: ok')],
  ['a document that is a block scalar', lines('--- |', '  text')],
  ['a mapping inside a plain value (invalid)', lines('a: b: c')],
  ['a key below a complete value (invalid)', lines('a: b', '  c: d')],
  ['an unclosed quote (invalid)', lines('a: "open', 'b: c')],
  ['an unknown escape (invalid)', lines('a: "\\q"')],
  ['a block scalar line less indented than its first (invalid)', lines('a:', '  b: |', '      one', '     two')],
  ['a more-indented empty line before a block scalar\'s content', lines('a: |', '      ', '    text')],
  ['text after a quoted value (invalid)', lines('a: "b" c')],
  ['a nested sequence in a value line (invalid)', lines('a: - b')],
];

describe('block YAML reader', () => {
  for (const [title, text] of READ) {
    it(`reads ${title} as the yaml library does`, () => assert.equal(readOrLeft(text), 'read'));
  }
  for (const [title, text] of LEFT) {
    it(`leaves ${title} to the yaml library`, () => assert.equal(readOrLeft(text), 'left'));
  }

  it('reads the YAML files of this repository as the library does, and random edits of them', () => {
    const texts = yamlFilesUnder(REPO_ROOT).map((file) => readFileSync(file, 'utf8'));
    assert.ok(texts.length >= 20, `found ${texts.length} YAML files`);
    const seeds = [...texts, ...READ.map(([, text]) => text)];
    let read = seeds.filter((text) => readOrLeft(text) === 'read').length;
    assert.ok(read >= 25, `read ${read} of ${seeds.length} files`);
    // Edits that make YAML invalid or change its structure: the reader must give up or agree with the library.
    const random = seededRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const pieces = [':', ': ', '-', '- ', ' ', '  ', '\n', '\n  ', '"', "'", '#', ' #', '|', '>', '|-', '|2', '{}', '[]', '[', '!!binary ', '\\', '...', '---', '\t', '0', '~', "''", '\n- '];
    const edits: ((text: string, at: number) => string)[] = [
      (text, at) => text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3)),
      (text, at) => text.slice(0, at) + pick(pieces) + text.slice(at),
      // A line indented one or two columns more, or one less.
      (text, at) => {
        const line = text.lastIndexOf('\n', at) + 1;
        if (random() < 0.5) return text.slice(0, line) + ' '.repeat(1 + Math.floor(random() * 2)) + text.slice(line);
        return text[line] === ' ' ? text.slice(0, line) + text.slice(line + 1) : text;
      },
      // Two lines swapped.
      (text) => {
        const rows = text.split('\n');
        const [i, j] = [Math.floor(random() * rows.length), Math.floor(random() * rows.length)];
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
        return rows.join('\n');
      },
    ];
    read = 0;
    for (let round = 0; round < 4000; round++) {
      let text = pick(seeds);
      for (let edit = 1 + Math.floor(random() * 3); edit > 0; edit--) {
        let at = Math.floor(random() * text.length);
        if (random() < 0.5) at = text.lastIndexOf('\n', at) + 1 + Math.floor(random() * 6);
        text = pick(edits)(text, at);
      }
      if (readOrLeft(text) === 'read') read++;
    }
    assert.ok(read >= 500, `read ${read} of 4000 edited texts`);
  });

  it('gives the secret scan the same findings as the library: a token under a header and in a folded JSON body', () => {
    const token = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
    const text = lines(
      'interactions:',
      '- request:',
      '    headers:',
      `      x-api-key: ${token}`,
      "    body: '{\"model\":\"gpt-4o\",",
      `      "api_key":"${token}"}'`,
    );
    assert.ok(readBlockYaml(text));
    // A value folded over lines is not the file's text: the finding covers the whole scalar.
    const expected: [string, string][] = [
      ['secrets/generic-secret 4:18-4:50', token],
      ['secrets/generic-secret 5:12-6:52', `{"model":"gpt-4o",\n      "api_key":"${token}"}`],
    ];
    expectSecrets('tests/cassettes/test_chat.yaml', text, expected);
    // The same file as the library reads it (carriage returns make the reader give up).
    assert.equal(readBlockYaml(text.replace(/\n/g, '\r\n')), undefined);
    expectSecrets(
      'tests/cassettes/test_chat.yaml',
      text.replace(/\n/g, '\r\n'),
      expected.map(([finding, covered]) => [finding, covered.replace(/\n/g, '\r\n')]),
    );
  });

  it('takes a document for a SealedSecret by its kind as YAML resolves it, on both paths', () => {
    const password = 'EZYBuohLBi!F40';
    // A literal block keeps its line break ("SealedSecret\n"): not that kind, so the password is reported.
    const text = lines('kind: |', '  SealedSecret', 'spec:', `  password: "${password}"`);
    assert.ok(readBlockYaml(text));
    expectSecrets('deploy/secret.yaml', text, [['secrets/generic-secret 4:14-4:28', password]]);
    expectSecrets('deploy/secret.yaml', text.replace(/\n/g, '\r\n'), [['secrets/generic-secret 4:14-4:28', password]]);
    // Stripped of it, the kind is SealedSecret on both paths, and the document's values are ciphertext.
    const sealed = text.replace('kind: |', 'kind: |-');
    assert.ok(readBlockYaml(sealed));
    expectSecrets('deploy/secret.yaml', sealed, []);
    expectSecrets('deploy/secret.yaml', sealed.replace(/\n/g, '\r\n'), []);
  });
});

function yamlFilesUnder(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'out' || entry.name === 'dist' || entry.name === '.tmp') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** A small deterministic generator (a linear congruential one): the same edits on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}
