import { strict as assert } from 'node:assert';
import { analyze, describe1 } from '../helpers';
import { loadPythonParser } from '../../src/node/python-parser';
import { MappedText, readNotebook } from '../../src/core/languages/notebook';
import { parseTree } from 'jsonc-parser';

/*
 * Jupyter notebooks: code cells are analysed as Python, Markdown cells and outputs as text, and every finding
 * points at the exact place in the notebook's JSON. The values are random strings made for these tests.
 */

const OPENAI = 'sk-proj-NBMgDRXNF9ZWfYXuxYUF-JScJT3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN';
const GITHUB = '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';
const TOKEN = 'VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3';
const MISTRAL = 's0QxNToLRH7d6WsM4Adq0rA7O4d19qKI';

/** A notebook as Jupyter writes it: one JSON string per source line, one-space indentation. */
function notebook(cells: object[]): string {
  return `${JSON.stringify({ cells, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}
const lines = (text: string) => text.split(/(?<=\n)/);
const code = (source: string, outputs: object[] = []) => ({ cell_type: 'code', execution_count: 1, metadata: {}, outputs, source: lines(source) });
const markdown = (source: string) => ({ cell_type: 'markdown', metadata: {}, source: lines(source) });

function secrets(text: string): [string, string, string][] {
  return analyze('notebooks/agent.ipynb', text)
    .filter((finding) => finding.ruleId.startsWith('secrets/'))
    .map((finding) => [describe1(finding), text.slice(finding.startOffset, finding.endOffset), finding.message.split(' (')[0]!]);
}

describe('Jupyter notebooks', () => {
  before(async () => {
    await loadPythonParser();
  });

  it('analyses code cells as Python, with positions in the notebook file', () => {
    const text = notebook([
      code('!pip install openai\n%matplotlib inline\nimport os\n'),
      code(`os.environ["MISTRAL_API_KEY"] = "${MISTRAL}"\nclient = OpenAI(api_key="${OPENAI}")\n`),
      code('request_id = "VdPGQ9ENcrieoUG0EmF7GwSj11ondSp3"\n'),
    ]);
    assert.deepEqual(secrets(text), [
      ['secrets/provider-key 20:42-20:74', MISTRAL, 'Hardcoded Mistral AI API key'],
      ['secrets/provider-key 21:32-21:98', OPENAI, 'Hardcoded OpenAI API key'],
    ]);
  });

  it('reports a key printed into a cell output, and one in a Markdown cell', () => {
    const text = notebook([
      markdown(`# Setup\nUse the token ${GITHUB} for the demo.\n`),
      code('print(os.environ)\n', [{ output_type: 'stream', name: 'stdout', text: [`environ({'OPENAI_API_KEY': '${OPENAI}', 'HOME': '/root'})\n`] }]),
      code('settings\n', [{ output_type: 'execute_result', execution_count: 2, metadata: {}, data: { 'text/plain': [`Settings(api_key='${TOKEN}')`] } }]),
    ]);
    assert.deepEqual(secrets(text), [
      ['secrets/provider-key 8:20-8:60', GITHUB, 'Hardcoded GitHub token'],
      ['secrets/provider-key 20:36-20:102', OPENAI, 'Hardcoded OpenAI API key in a cell output'],
      ['secrets/generic-secret 39:27-39:59', TOKEN, 'Hardcoded secret in `api_key` in a cell output'],
    ]);
  });

  it('maps positions across JSON escapes', () => {
    const text = notebook([code(`headers = {\n    "Authorization": "Bearer ${TOKEN}",\n}\napi_key = "${TOKEN}"\n`)]);
    assert.deepEqual(secrets(text), [
      ['secrets/generic-secret 10:38-10:70', TOKEN, 'Hardcoded credential in an HTTP auth header'],
      ['secrets/generic-secret 12:18-12:50', TOKEN, 'Hardcoded secret in `api_key`'],
    ]);
  });

  it('reads a cell with a non-Python cell magic as text', () => {
    const text = notebook([code(`%%bash\nexport GITHUB_TOKEN=${GITHUB}\n`)]);
    assert.deepEqual(secrets(text), [['secrets/provider-key 10:26-10:66', GITHUB, 'Hardcoded GitHub token']]);
  });

  it('maps every character of a JSON string with escapes back to the file', () => {
    const file = '["a\\"b\\u00e9c\\n", "d"]';
    const root = parseTree(file)!;
    const mapped = new MappedText();
    mapped.appendJsonString(file, root.children![0]!);
    mapped.appendSynthetic('\n');
    mapped.appendJsonString(file, root.children![1]!);
    assert.equal(mapped.text, 'a"béc\n\nd');
    assert.deepEqual([...mapped.text].map((_, i) => mapped.toFile(i)), [2, 3, 5, 6, 12, 13, 15, 19]);
    assert.equal(mapped.toFileEnd(6), 15, 'the end of "\\n" is after the escape');
    assert.equal(mapped.toFileEnd(8), 20);
    // Escapes first, side by side and last; a string with none.
    const edges = '["\\\\\\tx\\n", "plain"]';
    const list = parseTree(edges)!;
    const both = new MappedText();
    both.appendJsonString(edges, list.children![0]!);
    both.appendJsonString(edges, list.children![1]!);
    assert.equal(both.text, '\\\tx\nplain');
    assert.deepEqual([...both.text].map((_, i) => both.toFile(i)), [2, 4, 6, 7, 13, 14, 15, 16, 17]);
  });

  it('notes a file that is not a notebook and still scans it', () => {
    const analysis = analyze('broken.ipynb', `{"cells": 3, "token": "${GITHUB}"}`);
    assert.deepEqual(analysis.map(describe1), ['secrets/provider-key 1:24-1:64']);
    assert.equal(readNotebook('{"cells": 3}').error, 'not a notebook (no cells array)');
  });
});
