import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from '../../languages/typescript-api';
import { isProsePath } from '../../configs/kind';
import { isTestFile } from '../../files';
import { forEachActiveLine } from '../../configs/lines';
import {
  callsCloudPlatformOnlyApi,
  declaresAcceptedScopes,
  distinctiveScopes,
  githubScopesInList,
  githubScopesInUrl,
  isCloudPlatformScope,
  isScopeKey,
  mightHoldBroadScope,
  scopeCandidates,
  type ScopeHit,
} from '../../configs/scopes';
import { configTrees, escapesPrintableCharacters, forEachString, partRange } from '../../configs/tree';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { loadTypeScript } from '../../languages/typescript';
import { isManifestContext } from '../../manifest/collect';
import { defineRule, OWASP } from '../rule';
import { isWildcardGrant } from './wildcards';
import { appendAll } from '../../arrays';

const RULE = 'grants/broad-oauth-scope';

export const broadOauthScope = defineRule({
  id: RULE,
  description:
    'An OAuth scope grants far more than an agent task needs: Google drive, cloud-platform or full Gmail, GitHub repo, workflow, delete_repo or admin:org and its kin, Microsoft Graph *.ReadWrite.All or Sites.FullControl.All.',
  defaultSeverity: 'warning',
  owasp: [OWASP.NHI5, OWASP.ASI03],
  check(context: AnalysisContext) {
    // Scopes in tests are what the code under test asks for: the request itself is reported in that code.
    if (isProsePath(context.path) || isTestFile(context.path) || declaresAcceptedScopes(context.path, context.text)) return;
    // JSON and YAML are read as trees of decoded strings: an escaped character can hide a scope from the text test.
    if (!mightHoldBroadScope(context.text) && !escapesPrintableCharacters(context)) return;
    switch (context.kind) {
      case 'json':
      case 'yaml':
        checkTrees(context);
        return;
      case 'code':
        checkCode(context);
        return;
      default:
        checkLines(context);
    }
  },
});

/** A string (token offsets, quotes included) and the value it holds. */
interface Located {
  value: string;
  start: number;
  end: number;
}

/** cloud-platform is reported only where the API called has a narrower scope to ask for. */
function needlessHits(context: AnalysisContext, hits: ScopeHit[]): ScopeHit[] {
  if (!hits.some((hit) => isCloudPlatformScope(hit.scope))) return hits;
  const onlyScope = context.memo('cloud-platform-only', () => callsCloudPlatformOnlyApi(context.path, context.text));
  return onlyScope ? hits.filter((hit) => !isCloudPlatformScope(hit.scope)) : hits;
}

function reportHits(context: AnalysisContext, node: Located, hits: ScopeHit[]): void {
  for (const hit of needlessHits(context, hits)) {
    const [start, end] = partRange(context.text, node, hit.from, hit.to);
    reportCapped(context, RULE, start, end, hit.message);
  }
}

/** Scopes in one string value: distinctive ones anywhere, GitHub ones in a scope list or an authorize URL. */
function scopesIn(value: string, inScopeList: boolean, skip?: (word: string) => boolean): ScopeHit[] {
  const hits = distinctiveScopes(value);
  if (inScopeList) appendAll(hits, githubScopesInList(value, skip));
  else appendAll(hits, githubScopesInUrl(value));
  return hits;
}

function checkTrees(context: AnalysisContext): void {
  // In a manifest, `admin:*` and friends are already grants/wildcard-scope findings.
  const skip = isManifestContext(context) ? isWildcardGrant : undefined;
  for (const tree of configTrees(context)) {
    forEachString(tree, (node, key) => {
      if (key === 'permissions' && node.value.trim() === 'write-all') {
        reportCapped(
          context,
          RULE,
          node.start,
          node.end,
          'permissions: write-all gives the workflow token (and any agent step in the job) write access to everything in the repository. Set only the permissions the jobs need, for example contents: read.',
        );
        return;
      }
      reportHits(context, node, scopesIn(node.value, key !== undefined && isScopeKey(key), skip));
    });
  }
}

/** `.env` and other text: `GITHUB_SCOPES=repo,workflow`, `scopes = ["repo"]` (Terraform), distinctive scopes anywhere. */
function checkLines(context: AnalysisContext): void {
  forEachActiveLine(context.text, (line, lineStart) => {
    const node = { value: line, start: lineStart, end: lineStart + line.length };
    const hits = distinctiveScopes(line);
    const assignment = /^\s{0,40}(?:export\s{1,10})?([A-Za-z_][\w.-]{0,100})["']?\s{0,10}[=:]/.exec(line);
    if (assignment && isScopeKey(assignment[1]!)) {
      const from = assignment[0].length;
      appendAll(hits, githubScopesInList(line.slice(from)).map((hit) => ({ ...hit, from: hit.from + from, to: hit.to + from })));
    } else {
      appendAll(hits, githubScopesInUrl(line));
    }
    for (const hit of needlessHits(context, hits)) reportCapped(context, RULE, node.start + hit.from, node.start + hit.to, hit.message);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// TypeScript / JavaScript: string literals, with "is this a scope list" decided by where they sit.

type Node = TsNamespace.Node;

/**
 * Code is not walked whole: candidate offsets come from a text scan (most files have none), and for each the syntax
 * tree is descended to the string literal there, deciding on the way down whether it sits in a scope list.
 */
function checkCode(context: AnalysisContext): void {
  const candidates = scopeCandidates(context.text);
  if (!candidates.length) return;
  const sourceFile = context.sourceFile();
  if (!sourceFile) return;
  const ts = loadTypeScript();
  let lastString = -1;
  for (const offset of candidates) {
    if (offset < lastString) continue;
    const found = stringAt(ts, sourceFile, offset);
    if (!found) continue;
    const { node, scope, declaration } = found;
    lastString = node.end;
    if (declaration) continue;
    reportHits(context, { value: node.text, start: node.getStart(sourceFile), end: node.end }, scopesIn(node.text, scope));
  }
}

type StringNode = TsNamespace.StringLiteral | TsNamespace.NoSubstitutionTemplateLiteral | TsNamespace.TemplateLiteralLikeNode;

/**
 * The string literal (or template part) containing `offset`, whether it is in a scope list, and whether it is in
 * a generated API client's `static get scopes()` (the scopes the API accepts, not a grant). Iterative.
 */
function stringAt(ts: Ts, sourceFile: TsNamespace.SourceFile, offset: number): { node: StringNode; scope: boolean; declaration: boolean } | undefined {
  let node: Node = sourceFile;
  let scope = false;
  let declaration = false;
  for (;;) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      return { node, scope, declaration };
    }
    if (ts.isGetAccessorDeclaration(node) && nameOf(ts, node.name) === 'scopes') declaration = true;
    let next: Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= offset && offset < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return undefined;
    scope = childInScope(ts, node, next, scope);
    node = next;
  }
}

function nameOf(ts: Ts, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return nameOf(ts, node.argumentExpression);
  if (ts.isJsxNamespacedName?.(node)) return node.name.text;
  return undefined;
}

/** Whether `child` of `parent` holds a scope list: `scopes: [...]`, `const SCOPES = ...`, `x.scope = ...`, `set('scope', ...)`. */
function childInScope(ts: Ts, parent: Node, child: Node, scope: boolean): boolean {
  if (ts.isPropertyAssignment(parent)) return child === parent.initializer && isScopeKey(nameOf(ts, parent.name) ?? '');
  if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent)) {
    return child === parent.initializer && isScopeKey(nameOf(ts, parent.name) ?? '');
  }
  if (ts.isJsxAttribute(parent)) return child === parent.initializer && isScopeKey(nameOf(ts, parent.name) ?? '');
  if (ts.isJsxExpression(parent)) return scope;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken) return child === parent.right && isScopeKey(nameOf(ts, parent.left) ?? '');
    if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return scope;
    return false;
  }
  if (ts.isCallExpression(parent)) {
    // `['repo', 'workflow'].join(' ')` keeps the list; `params.set('scope', 'repo')` / `append('scope', …)` makes one.
    if (child === parent.expression) return scope;
    const [first, second] = parent.arguments;
    return child === second && first !== undefined && isScopeKey(nameOf(ts, first) ?? '') && ts.isStringLiteralLike(first);
  }
  if (ts.isPropertyAccessExpression(parent)) return child === parent.expression && scope;
  if (ts.isConditionalExpression(parent)) return child !== parent.condition && scope;
  if (
    ts.isArrayLiteralExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isTypeAssertionExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isTemplateExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isSpreadElement(parent)
  ) {
    return scope;
  }
  return false;
}
