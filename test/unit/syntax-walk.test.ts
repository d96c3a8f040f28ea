import { strict as assert } from 'node:assert';
import type { ts as TsNamespace } from 'ts-morph';
import { analyzeFile } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { loadTypeScript, parseSourceFile } from '../../src/core/languages/typescript';
import { kindTable, walkSyntax, type SyntaxVisitor } from '../../src/core/languages/syntax-walk';

const ts = loadTypeScript();

/** A visitor that logs what it sees as `+Kind` / `-Kind`, declining the subtrees of the kinds in `decline`. */
function recorder(log: string[], name: string, decline: TsNamespace.SyntaxKind[] = [], kinds?: Uint8Array): SyntaxVisitor {
  return {
    kinds,
    enter(node) {
      log.push(`${name}+${ts.SyntaxKind[node.kind]}`);
      return !decline.includes(node.kind);
    },
    leave(node) {
      log.push(`${name}-${ts.SyntaxKind[node.kind]}`);
    },
  };
}

describe('one syntax walk for every collector', () => {
  const sourceFile = parseSourceFile('a.ts', 'type T = { a: string };\nf(1);\n');

  it('shows each node to every visitor in source order, leaving in reverse', () => {
    const log: string[] = [];
    walkSyntax(ts, sourceFile, [recorder(log, 'a'), recorder(log, 'b')]);
    assert.deepEqual(log.slice(0, 4), ['a+TypeAliasDeclaration', 'b+TypeAliasDeclaration', 'a+Identifier', 'b+Identifier']);
    assert.deepEqual(log.slice(-6), ['b-ExpressionStatement', 'a-ExpressionStatement', 'a+EndOfFileToken', 'b+EndOfFileToken', 'b-EndOfFileToken', 'a-EndOfFileToken']);
    assert.equal(log.filter((entry) => entry.startsWith('a+')).length, log.filter((entry) => entry.startsWith('b+')).length);
  });

  it('hides a declined subtree from the visitor that declined it only, and sends it no leave', () => {
    const log: string[] = [];
    walkSyntax(ts, sourceFile, [recorder(log, 'a', [ts.SyntaxKind.TypeAliasDeclaration]), recorder(log, 'b')]);
    const typeAlias = log.slice(0, log.indexOf('b-TypeAliasDeclaration') + 1);
    assert.deepEqual(
      typeAlias.filter((entry) => entry.startsWith('a')),
      ['a+TypeAliasDeclaration'],
    );
    assert.ok(typeAlias.includes('b+TypeLiteral') && typeAlias.includes('b-TypeLiteral'));
    assert.ok(log.includes('a+CallExpression') && log.includes('a-CallExpression'));
  });

  it('does not descend where every visitor declined', () => {
    const seen: string[] = [];
    const decliner: SyntaxVisitor = {
      enter(node) {
        seen.push(ts.SyntaxKind[node.kind]);
        return false;
      },
    };
    walkSyntax(ts, sourceFile, [decliner, { enter: () => false }]);
    assert.deepEqual(seen, ['TypeAliasDeclaration', 'ExpressionStatement', 'EndOfFileToken']);
  });

  it('calls a visitor only for the kinds it names, below nodes nobody looks at, and leaves them in reverse order', () => {
    const nested = parseSourceFile('b.ts', 'function outer() { return g(h(1), { k: f(2) }); }\n');
    const calls = kindTable(ts, [ts.SyntaxKind.CallExpression], false);
    const log: string[] = [];
    walkSyntax(ts, nested, [recorder(log, 'a', [], calls), recorder(log, 'b', [], kindTable(ts, [ts.SyntaxKind.CallExpression, ts.SyntaxKind.ObjectLiteralExpression], false))]);
    assert.deepEqual(log, [
      'a+CallExpression', 'b+CallExpression',
      'a+CallExpression', 'b+CallExpression', 'b-CallExpression', 'a-CallExpression',
      'b+ObjectLiteralExpression',
      'a+CallExpression', 'b+CallExpression', 'b-CallExpression', 'a-CallExpression',
      'b-ObjectLiteralExpression',
      'b-CallExpression', 'a-CallExpression',
    ]);
  });

  it('hides a declined subtree from a visitor with kinds, and still shows it to the others', () => {
    const nested = parseSourceFile('c.ts', 'type T = ReturnType<typeof f>;\nconst x = { a: f(1) };\n');
    const log: string[] = [];
    const typesAndCalls = kindTable(ts, [ts.SyntaxKind.CallExpression], true);
    walkSyntax(ts, nested, [
      recorder(log, 'a', [ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ObjectLiteralExpression], kindTable(ts, [ts.SyntaxKind.ObjectLiteralExpression, ts.SyntaxKind.CallExpression], true)),
      recorder(log, 'b', [], typesAndCalls),
    ]);
    assert.deepEqual(log, [
      'a+TypeAliasDeclaration', 'b+TypeAliasDeclaration', 'b+TypeReference', 'b+TypeQuery', 'b-TypeQuery', 'b-TypeReference', 'b-TypeAliasDeclaration',
      'a+ObjectLiteralExpression', 'b+CallExpression', 'b-CallExpression',
    ]);
  });

  it('keeps a declined subtree from a visitor with kinds, and walks on after it', () => {
    const log: string[] = [];
    const kinds = kindTable(ts, [ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.TypeLiteral, ts.SyntaxKind.CallExpression], false);
    walkSyntax(ts, sourceFile, [recorder(log, 'a', [ts.SyntaxKind.TypeAliasDeclaration], kinds)]);
    assert.deepEqual(log, ['a+TypeAliasDeclaration', 'a+CallExpression', 'a-CallExpression']);
  });

  it('gives the secret scan and the agent analysis of one file the same results as before they shared a walk', () => {
    // A folded concatenation inside a call argument of a tool's implementation, in an agent file: both collectors
    // see the same nodes; the folded parts are not visited again (one finding).
    const key = ['sk-proj-', 'NBMgDRXNF9ZWfYXuxYUF-JScJ', 'T3BlbkFJI5_SIULVqjkVfIbiZGpGKVKnN'];
    const text = [
      "import { Agent, tool } from '@openai/agents';",
      "import { execSync } from 'node:child_process';",
      'const run = tool({ name: "run", execute: async (input: { command: string }) => execSync(input.command) });',
      `export const agent = new Agent({ name: 'ops', tools: [run], instructions: go('${key[0]}' + '${key[1]}' + ('${key[2]}')) });`,
      '',
    ].join('\n');
    const analysis = analyzeFile({ path: 'src/agent.ts', text }, defaultConfig(), { now: new Date('2026-01-15T00:00:00Z') });
    assert.deepEqual(
      analysis.findings.map((finding) => `${finding.ruleId} ${finding.range.start.line + 1}:${finding.range.start.column + 1}`).sort(),
      ['grants/unrestricted-shell 3:80', 'secrets/provider-key 4:78'],
    );
    assert.deepEqual(analysis.facts.agents.map((agent) => `${agent.name} ${agent.tools.map((item) => `${item.name}:${item.kind}`).join(',')}`), ['ops run:shell']);
  });
});
