import type { FileKind } from '../files';
import { loadTypeScript } from '../languages/typescript';
import { parseForFix } from './code-style';
import { pythonCommentLineAllowed } from './python';
import type { Finding } from '../types';
import type { FileEdit } from './types';

/** How a line comment is written in a file, or undefined where comments do not exist (JSON). */
export function commentSyntax(path: string, kind: FileKind): { open: string; close: string } | undefined {
  if (kind === 'code') return { open: '//', close: '' };
  if (kind === 'notebook') return undefined;
  if (kind === 'json') return /\.jsonc$/i.test(path) || /(^|\/)\.vscode\/[^/]+\.json$/.test(path) || /tsconfig[^/]*\.json$/.test(path) ? { open: '//', close: '' } : undefined;
  if (/\.(?:md|markdown|html?|xml|svg|vue)$/i.test(path)) return { open: '<!--', close: ' -->' };
  if (/\.(?:sql|lua)$/i.test(path)) return { open: '--', close: '' };
  if (/\.(?:c|h|cc|cpp|hpp|cs|java|kt|kts|go|rs|swift|scala|php|dart|groovy|gradle|css|scss|less)$/i.test(path)) return { open: '//', close: '' };
  return { open: '#', close: '' };
}

/** The reason text the inserted comment carries until a person writes one (it does not count as a reason). */
export const REASON_PLACEHOLDER = '<why this is acceptable>';

/**
 * Insert `agent-guardrail-ignore-next-line <rule> -- <reason>` on its own line above the finding, indented like
 * that line. Undefined for files without comments (JSON): those are suppressed by fingerprint in the config.
 */
export function suppressionEdit(path: string, kind: FileKind, text: string, finding: Finding, reason = REASON_PLACEHOLDER): FileEdit | undefined {
  const syntax = commentSyntax(path, kind);
  if (!syntax) return undefined;
  const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  // A line of JSX children: `//` there is text, not a comment (and `{/* … */}` is not read as a suppression yet).
  if (kind === 'code' && inJsxChildren(path, text, lineStart)) return undefined;
  // Python: not inside a string that spans lines, nor after a backslash continuation.
  if (kind === 'python' && !pythonCommentLineAllowed(text, lineStart)) return undefined;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const cleanReason = reason.replace(/[\r\n]+/g, ' ').replace(/-->/g, '').trim();
  return {
    path,
    startOffset: lineStart,
    endOffset: lineStart,
    newText: `${indent}${syntax.open} agent-guardrail-ignore-next-line ${finding.ruleId} -- ${cleanReason}${syntax.close}${eol}`,
  };
}

/** Does the line starting at `lineStart` begin among the children of a JSX element (where `//` is text)? */
function inJsxChildren(path: string, text: string, lineStart: number): boolean {
  if (!/\.(?:[jt]sx|[mc]?js)$/i.test(path) || !text.includes('<')) return false;
  let first = lineStart;
  while (first < text.length && (text[first] === ' ' || text[first] === '\t')) first++;
  try {
    const ts = loadTypeScript();
    const sourceFile = parseForFix(path, text);
    let inChildren = false;
    const visit = (node: import('ts-morph').ts.Node): void => {
      if (node.pos > first || node.end <= first) return;
      const parent = node.parent;
      if (parent && (ts.isJsxElement(parent) || ts.isJsxFragment(parent)) && parent.children.some((child) => child === node)) inChildren = node.getStart(sourceFile) >= first || ts.isJsxText(node);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sourceFile, visit);
    return inChildren;
  } catch {
    return false;
  }
}
