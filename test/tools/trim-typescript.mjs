// TypeScript cut down to the API the analysis uses (src/core/languages/typescript-api.ts), for dist/typescript.js.
//
// TypeScript ships as one 9 MB script: the scanner and parser, but also the binder, the type checker, the emitter,
// the language service and tsserver. Loading it costs each CLI run, worker and language server about 0.2 s, though
// we parse only. esbuild drops a top-level declaration that nothing uses, but TypeScript's script keeps almost
// everything alive through statements that run at load: the namespace export lists (`__export(ns, {...})`), the
// namespace IIFEs, the code-fix and refactor registrations, class declarations, and the services' object allocator.
//
// So: split the script into its top-level statements (with TypeScript's own parser); drop the registrations (nothing
// of the parser reads them); make every statement that only defines a name (an export list, a namespace IIFE, a
// class, an alias, and the property assignments on them) optional; and add the optional statements back, round by
// round, for each name that the bundle still mentions, until none is missing. A name the kept code uses is thus
// never dropped (a dropped one would be a ReferenceError at run time): the same words test that keeps it is run on
// the final bundle. The services' object allocator is kept for syntax nodes only (identifier `.text`, `getStart`,
// `getText`), not for symbols, types and signatures, which need the checker's services.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SERVICES_ALLOCATOR = 'setObjectAllocator(getServicesObjectAllocator());';
const SYNTAX_ALLOCATOR =
  'setObjectAllocator({ getNodeConstructor: () => NodeObject, getTokenConstructor: () => TokenObject, getIdentifierConstructor: () => IdentifierObject, getPrivateIdentifierConstructor: () => PrivateIdentifierObject, getSourceFileConstructor: () => SourceFileObject });';
const REGISTRATIONS = /^register(CodeFix|Refactor)$/;

/**
 * The source of an ES module that exports `ts`, an object with the given names of the TypeScript at `file` (a
 * typescript.js of TypeScript 5), and only the code they reach.
 */
export async function trimmedTypeScript(file, names) {
  const ts = require(file);
  const text = readFileSync(file, 'utf8');
  const opening = text.indexOf('var ts = {}; ((module) => {');
  const start = text.indexOf('"use strict";\n', opening) + '"use strict";\n'.length;
  const end = text.indexOf('\n0 && (module.exports = {');
  if (opening < 0 || end < start) throw new Error(`${file}: not the shape of TypeScript 5's typescript.js`);
  const body = text.slice(start, end);
  if (!body.includes(SERVICES_ALLOCATOR)) throw new Error(`${file}: the services' object allocator is not set where expected`);

  const statements = splitStatements(ts, body);
  const exported = statements.exports;
  for (const name of names) {
    if (ts[name] === undefined) throw new Error(`TypeScript has no ${name}`);
    if (exported.get(name) === undefined) throw new Error(`${name} is not a plain export of TypeScript`);
  }
  const exportObject = `\nexport const ts = { ${names.map((name) => (exported.get(name) === name ? name : `${name}: ${exported.get(name)}`)).join(', ')} };\n`;
  const optional = new Set(statements.pieces.flatMap((piece) => piece.defines ?? []));
  const keep = new Set();
  for (;;) {
    const source = statements.pieces.filter((piece) => included(piece, keep)).map((piece) => piece.text).join('') + exportObject;
    // The words of the tree-shaken bundle: a superset of the names it refers to.
    const shaken = await build({ stdin: { contents: source, loader: 'js' }, bundle: true, format: 'esm', write: false, treeShaking: true, platform: 'node', logLevel: 'error' });
    const words = new Set(shaken.outputFiles[0].text.match(/[A-Za-z_$][\w$]*/g));
    const missing = [...optional].filter((name) => !keep.has(name) && words.has(name));
    if (!missing.length) return source;
    for (const name of missing) keep.add(name);
  }
}

function included(piece, keep) {
  if (piece.drop) return false;
  if (piece.defines && !piece.defines.some((name) => keep.has(name))) return false;
  return !piece.attachedTo || keep.has(piece.attachedTo);
}

/** The body's top-level statements, each with the names it defines when it is optional, and the export list. */
function splitStatements(ts, body) {
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const pieces = [];
  let exports;
  for (const statement of file.statements) {
    const piece = { text: body.slice(statement.pos, statement.end).replace(SERVICES_ALLOCATOR, SYNTAX_ALLOCATOR) };
    if (ts.isExpressionStatement(statement)) {
      const expression = statement.expression;
      if (ts.isCallExpression(expression)) {
        const callee = expression.expression;
        const [first, second] = expression.arguments;
        if (ts.isIdentifier(callee) && callee.text === '__export' && first && ts.isIdentifier(first)) {
          // The package's own export list: kept aside; the names asked for are exported by the object instead.
          if (first.text === 'typescript_exports') {
            exports = new Map(second.properties.map((property) => [property.name.text, ts.isArrowFunction(property.initializer) && ts.isIdentifier(property.initializer.body) ? property.initializer.body.text : undefined]));
            continue;
          }
          piece.defines = [first.text];
        } else if (ts.isIdentifier(callee) && REGISTRATIONS.test(callee.text)) {
          piece.drop = true;
        } else if (ts.isParenthesizedExpression(callee) && ts.isArrowFunction(callee.expression) && first && ts.isBinaryExpression(first) && ts.isIdentifier(first.left)) {
          piece.defines = [first.left.text]; // ((Name2) => { … })(Name || (Name = {}))
        }
      } else if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const target = expression.left;
        if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
          if (target.expression.text === 'module') continue; // module.exports = …: the object below exports instead
          piece.attachedTo = target.expression.text;
        }
      }
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.initializer && (ts.isClassExpression(d.initializer) || ts.isIdentifier(d.initializer)))) {
      piece.defines = statement.declarationList.declarations.map((d) => d.name.text);
    }
    pieces.push(piece);
  }
  // A property assignment stays with its object only where that object's statement is optional.
  const definedNames = new Set(pieces.flatMap((piece) => piece.defines ?? []));
  for (const piece of pieces) if (piece.attachedTo && !definedNames.has(piece.attachedTo)) delete piece.attachedTo;
  if (!exports) throw new Error('TypeScript export list not found');
  return { pieces, exports };
}
