import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from './typescript-api';

type Node = TsNamespace.Node;

/** One collector's view of a walk of a syntax tree, in source order (pre-order). */
export interface SyntaxVisitor {
  /** Called before the node's children. Returning false: this visitor does not see the node's subtree. */
  enter(node: Node): boolean | void;
  /** Called after the node's children, for nodes whose subtree the visitor took. */
  leave?(node: Node): void;
}

/**
 * Something that reads a code file's syntax tree. All collectors of a file ride one walk of its tree (see
 * src/core/syntax.ts), so adding one costs its own work, not another traversal.
 */
export interface SyntaxCollector<T> {
  readonly id: string;
  /**
   * Can this text hold anything for the collector? A cheap look at the text, before any parse: a file no collector
   * wants is not parsed at all. It must never say no to a text whose walk would collect something.
   */
  wants(text: string, options: CollectorOptions): boolean;
  /** What the collector yields for a file it did not want (undefined when nothing is the same as no result). */
  skipped?(): T;
  /** The visitor for this file. */
  create(ts: Ts, sourceFile: TsNamespace.SourceFile): SyntaxVisitor & { result(): T };
}

/** What a collector's `wants` may need from the configuration. */
export interface CollectorOptions {
  /** Names the configuration adds to the secret-like ones (`secrets.names`). */
  extraSecretNames: readonly string[];
}

/**
 * Walk `root`'s descendants once for several visitors. A subtree is descended only while some visitor wants it;
 * a visitor that declines a node sees none of its descendants (and no `leave` for it).
 */
export function walkSyntax(ts: Ts, root: Node, visitors: readonly SyntaxVisitor[]): void {
  let active: readonly SyntaxVisitor[] = visitors;
  const visit = (node: Node): void => {
    const outer = active;
    // Shares the outer list while every visitor takes the subtree (the common case: no allocation).
    let taking: SyntaxVisitor[] | readonly SyntaxVisitor[] = outer;
    for (let i = 0; i < outer.length; i++) {
      const visitor = outer[i]!;
      if (visitor.enter(node) === false) {
        if (taking === outer) taking = outer.slice(0, i);
      } else if (taking !== outer) {
        (taking as SyntaxVisitor[]).push(visitor);
      }
    }
    if (!taking.length) return;
    active = taking;
    ts.forEachChild(node, visit);
    active = outer;
    for (let i = taking.length - 1; i >= 0; i--) taking[i]!.leave?.(node);
  };
  if (visitors.length) ts.forEachChild(root, visit);
}
