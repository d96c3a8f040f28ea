import type { ts as TsNamespace } from 'ts-morph';
import type { Broker } from '../config';
import { createSourceFileSafely, loadTypeScript } from '../languages/typescript';
import { credentialsModuleSource, JAVASCRIPT_MODULES } from './brokers';
import { dirnameOf, eolOf, relativePath } from './text';
import type { FileEdit } from './types';
import { fileExists, nearestPackageJson, type FixWorkspace } from './workspace';

type SourceFile = TsNamespace.SourceFile;

/** How a TS/JS file writes its imports, which decides how a fix adds one. */
export interface ModuleStyle {
  /** `import …` (true) or `require(…)` (false). */
  esm: boolean;
  typescript: boolean;
  /** Relative imports carry a file extension (`./x.js`): node16/nodenext, or native ESM. */
  explicitExtensions: boolean;
  /** `await` is allowed at the top level (native ES module). */
  topLevelAwait: boolean;
  quote: "'" | '"';
  semicolons: boolean;
}

function extensionOf(path: string): string {
  const match = /\.[A-Za-z]+$/.exec(path);
  return match ? match[0].toLowerCase() : '';
}

function moduleSpecifiers(sourceFile: SourceFile): { text: string; quote: string; semicolon: boolean }[] {
  const ts = loadTypeScript();
  const found: { text: string; quote: string; semicolon: boolean }[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier as TsNamespace.StringLiteral;
      found.push({ text: specifier.text, quote: sourceFile.text[specifier.getStart(sourceFile)]!, semicolon: sourceFile.text[statement.end - 1] === ';' });
    }
  }
  return found;
}

function requireCalls(sourceFile: SourceFile): { statement: TsNamespace.Statement; specifier: TsNamespace.StringLiteral }[] {
  const ts = loadTypeScript();
  const calls: { statement: TsNamespace.Statement; specifier: TsNamespace.StringLiteral }[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let initializer = declaration.initializer;
      while (initializer && (ts.isPropertyAccessExpression(initializer) || ts.isCallExpression(initializer)) && !isRequire(initializer)) {
        initializer = ts.isPropertyAccessExpression(initializer) ? initializer.expression : undefined;
      }
      if (initializer && isRequire(initializer)) calls.push({ statement, specifier: (initializer as TsNamespace.CallExpression).arguments[0] as TsNamespace.StringLiteral });
    }
  }
  return calls;
}

function isRequire(node: TsNamespace.Node): boolean {
  const ts = loadTypeScript();
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!);
}

function hasEsmSyntax(sourceFile: SourceFile): boolean {
  const ts = loadTypeScript();
  return sourceFile.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)),
  );
}

export function moduleStyle(path: string, sourceFile: SourceFile, workspace: FixWorkspace): ModuleStyle {
  const extension = extensionOf(path);
  const typescript = ['.ts', '.tsx', '.mts', '.cts'].includes(extension);
  const packageType = nearestPackageJson(workspace, dirnameOf(path))?.type;
  const requires = requireCalls(sourceFile);
  let esm: boolean;
  if (extension === '.mjs' || extension === '.mts') esm = true;
  else if (extension === '.cjs' || extension === '.cts') esm = false;
  else if (hasEsmSyntax(sourceFile)) esm = true;
  else if (requires.length || /\bmodule\.exports\b|\bexports\.[A-Za-z_$]/.test(sourceFile.text)) esm = false;
  else esm = typescript || packageType === 'module';
  const specifiers = moduleSpecifiers(sourceFile);
  const relative = [...specifiers.map((entry) => entry.text), ...requires.map((entry) => entry.specifier.text)].filter((text) => text.startsWith('.'));
  const nativeEsm = extension === '.mjs' || extension === '.mts' || (packageType === 'module' && (extension === '.js' || extension === '.ts'));
  const explicitExtensions = relative.length ? relative.some((text) => /\.(?:[mc]?js|[mc]?ts|jsx|tsx)$/.test(text)) : nativeEsm && esm;
  const firstQuote = specifiers[0]?.quote ?? (requires[0] ? sourceFile.text[requires[0].specifier.getStart(sourceFile)] : undefined);
  const quote = firstQuote === '"' ? '"' : "'";
  const semicolons = specifiers.length ? specifiers.some((entry) => entry.semicolon) : requires.length ? sourceFile.text[requires[0]!.statement.end - 1] === ';' : /;\r?$/m.test(sourceFile.text.slice(0, 20_000));
  return { esm, typescript, explicitExtensions, topLevelAwait: esm && nativeEsm, quote, semicolons };
}

export const MODULE_MARKER = 'agent-guardrail:credentials-module';

/** Where the workspace's credentials module is (or will be scaffolded) for a file, and how to import it. */
export interface CredentialsModule {
  path: string;
  exists: boolean;
  specifier: string;
}

const MODULE_NAME = /(?:^|\/)(?:agent-)?credentials\.(?:ts|mts|cts|js|mjs|cjs)$/;

export function locateCredentialsModule(path: string, style: ModuleStyle, workspace: FixWorkspace): CredentialsModule {
  const folder = dirnameOf(path);
  const existing = workspace.files
    .filter((file) => MODULE_NAME.test(file) && (style.typescript || /\.[mc]?js$/.test(file)))
    .filter((file) => (workspace.readText(file) ?? '').includes(MODULE_MARKER))
    .map((file) => ({ file, folder: dirnameOf(file) }))
    .filter((entry) => entry.folder === '' || folder === entry.folder || folder.startsWith(`${entry.folder}/`))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
  let modulePath: string;
  if (existing) modulePath = existing.file;
  else {
    const parts = folder ? folder.split('/') : [];
    const src = parts.lastIndexOf('src');
    const packageFolder = nearestPackageJson(workspace, folder)?.folder;
    const target = src >= 0 ? parts.slice(0, src + 1).join('/') : packageFolder !== undefined ? packageFolder : 'src';
    const extension = extensionOf(path);
    const moduleExtension = style.typescript ? '.ts' : extension === '.mjs' || extension === '.cjs' ? extension : '.js';
    modulePath = `${target ? `${target}/` : ''}credentials${moduleExtension}`;
    // A module of the project's own under that name: ours goes next to it under another name.
    const own = workspace.readText(modulePath);
    if (own !== undefined && !own.includes(MODULE_MARKER)) modulePath = `${target ? `${target}/` : ''}agent-credentials${moduleExtension}`;
  }
  const relative = relativePath(folder, modulePath);
  const moduleExtension = extensionOf(modulePath);
  let specifier = relative.slice(0, relative.length - moduleExtension.length);
  if (style.explicitExtensions) specifier += { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' }[moduleExtension] ?? moduleExtension;
  return { path: modulePath, exists: Boolean(existing) || fileExists(workspace, modulePath), specifier };
}

/** The edit that creates the credentials module for a broker (TypeScript, or JavaScript compiled by `npm run generate`). */
export function scaffoldEdit(module: CredentialsModule, broker: Broker, esm: boolean, eol: string): FileEdit {
  let text = credentialsModuleSource(broker);
  if (/\.[mc]?js$/.test(module.path)) {
    const commonJs = module.path.endsWith('.cjs') || (!module.path.endsWith('.mjs') && !esm);
    text = JAVASCRIPT_MODULES[broker][commonJs ? 'commonjs' : 'esm'];
  }
  return { path: module.path, startOffset: 0, endOffset: 0, newText: eol === '\n' ? text : text.replace(/\n/g, eol), create: true };
}

/** Is `name` bound anywhere in the file (a declaration, parameter or import)? */
export function declaresName(sourceFile: SourceFile, name: string): boolean {
  const ts = loadTypeScript();
  let found = false;
  const visit = (node: TsNamespace.Node): void => {
    if (found) return;
    if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name) &&
      node.name.text === name
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * An edit that adds `import { names } from 'specifier'` (or the `require` form) after the file's imports, or
 * nothing when the file already imports them from there. `names` may carry aliases (`credentials as c`).
 */
export function importEdit(path: string, sourceFile: SourceFile, style: ModuleStyle, specifier: string, names: string[]): FileEdit | undefined {
  const ts = loadTypeScript();
  const text = sourceFile.text;
  const eol = eolOf(text);
  const semicolon = style.semicolons ? ';' : '';
  const quoted = `${style.quote}${specifier}${style.quote}`;
  if (style.esm) {
    const imports = sourceFile.statements.filter(ts.isImportDeclaration);
    const already = imports.find((statement) => (statement.moduleSpecifier as TsNamespace.StringLiteral).text === specifier);
    const bound = already?.importClause?.namedBindings;
    if (bound && ts.isNamedImports(bound) && names.every((name) => bound.elements.some((element) => element.getText(sourceFile) === name))) return undefined;
    const line = `import { ${names.join(', ')} } from ${quoted}${semicolon}`;
    const last = imports[imports.length - 1];
    if (last) return { path, startOffset: last.end, endOffset: last.end, newText: `${eol}${line}` };
    return { path, ...prologueInsertion(sourceFile), newText: `${line}${eol}${eol}` };
  }
  const requires = requireCalls(sourceFile);
  if (requires.some((entry) => entry.specifier.text === specifier && names.every((name) => entry.statement.getText(sourceFile).includes(name.split(' as ')[0]!)))) return undefined;
  const bindings = names.map((name) => name.replace(' as ', ': ')).join(', ');
  const line = `const { ${bindings} } = require(${quoted})${semicolon}`;
  const last = requires[requires.length - 1];
  if (last) return { path, startOffset: last.statement.end, endOffset: last.statement.end, newText: `${eol}${line}` };
  return { path, ...prologueInsertion(sourceFile), newText: `${line}${eol}${eol}` };
}

/** After a shebang, leading comments and directives (`'use strict'`, `'use client'`), at the start of a line. */
function prologueInsertion(sourceFile: SourceFile): { startOffset: number; endOffset: number } {
  const ts = loadTypeScript();
  const text = sourceFile.text;
  let offset = 0;
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) offset = statement.end;
    else break;
  }
  if (offset === 0) {
    const first = sourceFile.statements[0];
    // Keep a file's header comment (licence, JSDoc) above the import: insert where the first statement starts.
    offset = first ? first.getStart(sourceFile) : text.length;
    if (text.startsWith('#!') && offset === 0) offset = text.indexOf('\n') + 1;
    return { startOffset: offset, endOffset: offset };
  }
  const newline = text.indexOf('\n', offset);
  const start = newline < 0 ? text.length : newline + 1;
  return { startOffset: start, endOffset: start };
}

/** Parse with parent pointers (the analysis parse leaves them out; fixes walk upwards). */
export function parseForFix(path: string, text: string): SourceFile {
  return createSourceFileSafely(path, text, true);
}
