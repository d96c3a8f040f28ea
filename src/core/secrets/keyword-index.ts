/**
 * Case-insensitive search for many ASCII keywords at once (Aho-Corasick): one pass over the text reports every
 * keyword that occurs, at a cost per character that does not depend on how many keywords there are. The secret
 * scanner uses it as its prefilter, so that the catalog can grow without making every file slower to scan.
 *
 * The automaton is compiled to a dense transition table over the characters that occur in keywords (folded to
 * lower case); every other character leads back to the start state. The inner loop is what every file pays, so the
 * table is laid out for it: a column for each of the 65,536 UTF-16 code units (no branch on non-ASCII), and
 * transitions that hold the next state's row offset, complemented (negative) where the state ends a keyword.
 */
export class KeywordIndex {
  /** UTF-16 code unit → column of the transition table; 0 for characters in no keyword. */
  private readonly column = new Uint8Array(65536);
  private readonly columns: number;
  /**
   * `delta[state * columns + column]`: the next state's row offset (`state * columns`), or its complement (`~row`)
   * when keywords end in that state.
   */
  private readonly delta: Int32Array;
  /** Per state, the ids of the keywords that end there (its own and those of its suffixes), or undefined. */
  private readonly outputs: (readonly number[] | undefined)[];
  /** Per state and per keyword, the search in which it was last seen (so each keyword is reported once per search). */
  private readonly stateSeenIn: Uint32Array;
  private readonly keywordSeenIn: Uint32Array;
  private search = 0;

  /** `keywords[i]` gets id `i`. Keywords must be non-empty ASCII. */
  constructor(keywords: readonly string[]) {
    const folded = keywords.map((keyword) => {
      if (!keyword || !/^[\x20-\x7e]+$/.test(keyword)) throw new Error(`keyword must be non-empty printable ASCII: ${JSON.stringify(keyword)}`);
      return keyword.toLowerCase();
    });
    let columns = 1;
    for (const keyword of folded) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (this.column[code] === 0) {
          this.column[code] = columns++;
          const upper = keyword[i]!.toUpperCase().charCodeAt(0);
          if (upper !== code) this.column[upper] = this.column[code]!;
        }
      }
    }
    if (columns > 255) throw new Error('too many distinct keyword characters');
    this.columns = columns;

    // The trie: `trie[state * columns + column]` is the child, 0 where there is none (the start state is nobody's
    // child). Each state's children are also listed (a linked list through `sibling`), so that the breadth-first pass
    // below visits only the trie's edges: it runs once per process, cold, in the interpreter, where a loop over every
    // cell of the table cost more than 10 ms.
    const maxStates = folded.reduce((total, keyword) => total + keyword.length, 1);
    const trie = new Int32Array(maxStates * columns);
    const firstChild = new Int32Array(maxStates);
    const sibling = new Int32Array(maxStates);
    const columnOf = new Uint8Array(maxStates);
    const own: number[][] = [[]];
    let states = 1;
    folded.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const slot = state * columns + this.column[keyword.charCodeAt(i)]!;
        if (trie[slot] === 0) {
          const child = states++;
          trie[slot] = child;
          columnOf[child] = this.column[keyword.charCodeAt(i)]!;
          sibling[child] = firstChild[state]!;
          firstChild[state] = child;
          own.push([]);
        }
        state = trie[slot]!;
      }
      own[state]!.push(id);
    });

    // Breadth-first, each row written in its final form: a state's missing transitions are its failure state's
    // (the longest proper suffix that is also a trie path, shallower, so its row is complete), copied natively;
    // then its own children. A transition holds the next state's row offset, complemented where keywords end there.
    const delta = new Int32Array(states * columns);
    const fail = new Int32Array(states);
    const outputs: (number[] | undefined)[] = new Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    const stateAt = (transition: number) => (transition >= 0 ? transition : ~transition) / columns;
    const addChildren = (state: number) => {
      const row = state * columns;
      const failRow = fail[state]! * columns;
      for (let child = firstChild[state]!; child !== 0; child = sibling[child]!) {
        const failure = state === 0 ? 0 : stateAt(delta[failRow + columnOf[child]!]!);
        fail[child] = failure;
        const inherited = outputs[failure];
        const mine = own[child]!;
        outputs[child] = mine.length ? [...mine, ...(inherited ?? [])] : inherited;
        delta[row + columnOf[child]!] = outputs[child] === undefined ? child * columns : ~(child * columns);
        queue[tail++] = child;
      }
    };
    outputs[0] = undefined;
    addChildren(0);
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const failRow = fail[state]! * columns;
      delta.copyWithin(state * columns, failRow, failRow + columns);
      addChildren(state);
    }
    this.delta = delta;
    this.outputs = outputs;
    this.stateSeenIn = new Uint32Array(states);
    this.keywordSeenIn = new Uint32Array(keywords.length);
  }

  /** Calls `found(id, end)` for every occurrence of every keyword (`end`: the offset after its last character). */
  scanEvery(text: string, found: (id: number, end: number) => void): void {
    const { outputs } = this;
    this.run(text, (state, end) => {
      const ids = outputs[state]!;
      for (let k = 0; k < ids.length; k++) found(ids[k]!, end);
    });
  }

  /**
   * Calls `found(id)` once for each keyword that occurs in the text. Stops early when `found` returns true
   * (the caller has all it needs).
   */
  scan(text: string, found: (id: number) => boolean | void): void {
    const { outputs, stateSeenIn, keywordSeenIn } = this;
    const search = (this.search = (this.search + 1) >>> 0 || 1);
    this.run(text, (state) => {
      if (stateSeenIn[state] === search) return false;
      stateSeenIn[state] = search;
      for (const id of outputs[state]!) {
        if (keywordSeenIn[id] === search) continue;
        keywordSeenIn[id] = search;
        if (found(id)) return true;
      }
      return false;
    });
  }

  /** The automaton over the text: `ended(state, end)` where keywords end; stops when it returns true. */
  private run(text: string, ended: (state: number, end: number) => boolean | void): void {
    const { column, columns, delta } = this;
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const next = delta[row + column[text.charCodeAt(i)]!]!;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = ~next;
      if (ended(row / columns, i + 1)) return;
    }
  }
}
