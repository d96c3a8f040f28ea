import type { ts as TsNamespace } from 'ts-morph';
import type { Ts } from './typescript-api';

type Node = TsNamespace.Node;

/** One collector's view of a walk of a syntax tree, in source order (pre-order). */
export interface SyntaxVisitor {
  /** Called before the node's children. Returning false: this visitor does not see the node's subtree. */
  enter(node: Node): boolean | void;
  /** Called after the node's children, for nodes whose subtree the visitor took. */
  leave?(node: Node): void;
  /**
   * The node kinds `enter` looks at (a table by kind, from kindTable). Any other node is taken as though `enter` had
   * returned nothing, without a call, and gets no `leave`. Absent: every kind. Most nodes are identifiers, keywords
   * and other kinds no collector reads, so the walk calls no one for them.
   */
  readonly kinds?: Uint8Array;
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

/** A table of node kinds for SyntaxVisitor.kinds: these kinds, and with `types` every type node, interface and type alias. */
export function kindTable(ts: Ts, kinds: readonly TsNamespace.SyntaxKind[], types: boolean): Uint8Array {
  const K = ts.SyntaxKind;
  const table = new Uint8Array(K.Count);
  for (const kind of kinds) table[kind] = 1;
  if (types) {
    for (let kind = K.FirstTypeNode; kind <= K.LastTypeNode; kind++) table[kind] = 1;
    table[K.InterfaceDeclaration] = table[K.TypeAliasDeclaration] = 1;
  }
  return table;
}

/** Visitors of one walk, at most (one bit each). */
const MAX_VISITORS = 30;

/**
 * Walk `root`'s descendants once for several visitors. A subtree is descended only while some visitor wants it;
 * a visitor that declines a node sees none of its descendants (and no `leave` for it). A visitor sees only the kinds
 * it names (SyntaxVisitor.kinds), in source order, with the other visitors' calls for the same node in the order of
 * `visitors` (leaves in reverse).
 */
export function walkSyntax(ts: Ts, root: Node, visitors: readonly SyntaxVisitor[]): void {
  if (!visitors.length) return;
  if (visitors.length > MAX_VISITORS) throw new Error(`walkSyntax: at most ${MAX_VISITORS} visitors`);
  const lastToken = ts.SyntaxKind.LastToken;
  /** Per kind, a bit for each visitor that looks at it. */
  const looking = new Uint32Array(ts.SyntaxKind.Count);
  visitors.forEach((visitor, index) => {
    const kinds = visitor.kinds;
    for (let kind = 0; kind < looking.length; kind++) if (!kinds || kinds[kind]) looking[kind]! |= 1 << index;
  });
  /** A bit for each visitor that takes the current subtree. */
  let active = 2 ** visitors.length - 1;
  const visit = (node: Node): void => {
    const kind = node.kind;
    const asked = looking[kind]! & active;
    if (asked === 0) {
      // Nobody looks at this node: go on below it (tokens have nothing below).
      if (kind > lastToken) ts.forEachChild(node, visit);
      return;
    }
    let taking = active;
    for (let rest = asked; rest !== 0; rest &= rest - 1) {
      const bit = rest & -rest;
      if (visitors[31 - Math.clz32(bit)]!.enter(node) === false) taking &= ~bit;
    }
    if (taking === 0) return;
    if (kind > lastToken) {
      const outer = active;
      active = taking;
      ts.forEachChild(node, visit);
      active = outer;
    }
    for (let rest = asked & taking; rest !== 0; ) {
      const index = 31 - Math.clz32(rest);
      rest &= ~(1 << index);
      visitors[index]!.leave?.(node);
    }
  };
  ts.forEachChild(root, visit);
}
