/**
 * Multi-pattern matcher: an Aho–Corasick automaton stored as a double-array trie in flat
 * typed arrays over UTF-16 code units. Built once per term list (a rule-pack version, a
 * monitor's keywords, a spam list) and shared; scanning allocates nothing but the matches.
 *
 * compileMatcher(terms).findAll(text) → every occurrence of every term, overlapping ones
 * included, as { term: index into `terms`, start, end } with UTF-16 offsets into `text`
 * (end exclusive), ordered by end then by length (longest first).
 *
 * With { normalize: true } terms and text are compared through the kernel fold table
 * (case, full-width, traditional → simplified) and filler characters in the text are
 * skipped, while offsets still point into the original text.
 */
import { FILLER, getFoldTable, normalizeTerm } from './normalize.js';

export interface MatcherMatch {
  term: number;
  start: number;
  end: number;
}

export interface MatcherOptions {
  /** Fold case, width and traditional characters; skip fillers. Default false (exact). */
  normalize?: boolean;
}

export type MatchVisitor = (term: number, start: number, end: number) => void;

export interface Matcher {
  readonly terms: readonly string[];
  readonly normalize: boolean;
  /** Number of automaton states (trie nodes including the root). */
  readonly stateCount: number;
  findAll(text: string): MatcherMatch[];
  /** Same matches as findAll, delivered to a callback (no array, no objects). */
  forEachMatch(text: string, visit: MatchVisitor): void;
  /** True when any term occurs (stops at the first one). */
  test(text: string): boolean;
}

const SKIP = 0xffff;

interface Automaton {
  /** code unit → alphabet code (0: not in any term; SKIP: filler in normalize mode). */
  codeOf: Uint16Array;
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  /** Nearest state on the failure chain (self included) that ends a term; 0 = none. */
  out: Int32Array;
  /** out[fail[state]] for a state that ends a term: the next output in the chain. */
  outNext: Int32Array;
  /** First term index ending exactly at a state; -1 = none. */
  termAt: Int32Array;
  /** Next term index with the same key (duplicates); -1 = none. */
  sameNext: Int32Array;
  /** Key length of each term in (folded) code units. */
  keyLen: Int32Array;
  maxKeyLen: number;
  states: number;
  /** Power-of-two ring ≥ maxKeyLen for normalize-mode offsets. */
  ring: Int32Array;
  ringBusy: boolean;
}

export function compileMatcher(terms: readonly string[], options: MatcherOptions = {}): Matcher {
  const normalize = options.normalize === true;
  const keys = terms.map((t) => (normalize ? normalizeTerm(t) : t));
  const automaton = buildAutomaton(keys, normalize);
  const scan = normalize ? scanFolded : scanExact;
  return {
    terms: [...terms],
    normalize,
    stateCount: automaton.states,
    findAll(text) {
      const found: MatcherMatch[] = [];
      scan(automaton, text, (term, start, end) => {
        found.push({ term, start, end });
      });
      return found;
    },
    forEachMatch(text, visit) {
      scan(automaton, text, visit);
    },
    test(text) {
      let hit = false;
      try {
        scan(automaton, text, () => {
          hit = true;
          throw STOP;
        });
      } catch (error) {
        if (error !== STOP) throw error;
      }
      return hit;
    },
  };
}

const STOP = Symbol('stop');

function buildAutomaton(keys: string[], normalize: boolean): Automaton {
  // Alphabet: code units used by the keys, most frequent first (keeps the arrays dense).
  const freq = new Map<number, number>();
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      freq.set(c, (freq.get(c) ?? 0) + 1);
    }
  }
  if (freq.size >= SKIP - 1) throw new Error('matcher: alphabet too large');
  const alphabet = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const codeOfUnit = new Uint16Array(0x10000);
  alphabet.forEach((unit, i) => (codeOfUnit[unit] = i + 1));
  const alphabetSize = alphabet.length;

  // Plain trie first: children per node, keyed by alphabet code.
  const children: Array<Map<number, number>> = [new Map()];
  const nodeTerm: number[] = [-1];
  const sameNext = new Int32Array(keys.length).fill(-1);
  const keyLen = new Int32Array(keys.length);
  let maxKeyLen = 1;
  keys.forEach((key, termIndex) => {
    keyLen[termIndex] = key.length;
    if (key.length === 0) return;
    maxKeyLen = Math.max(maxKeyLen, key.length);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = codeOfUnit[key.charCodeAt(i)];
      let next = children[node].get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        nodeTerm.push(-1);
        children[node].set(code, next);
      }
      node = next;
    }
    // Chain duplicates in input order.
    if (nodeTerm[node] < 0) nodeTerm[node] = termIndex;
    else {
      let last = nodeTerm[node];
      while (sameNext[last] >= 0) last = sameNext[last];
      sameNext[last] = termIndex;
    }
  });

  const placed = placeDoubleArray(children, alphabetSize);
  const { base, check, index } = placed;
  const size = base.length;
  const fail = new Int32Array(size);
  const out = new Int32Array(size);
  const outNext = new Int32Array(size);
  const termAt = new Int32Array(size).fill(-1);

  // Breadth-first: failure links and output chains.
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const s = index[node];
    for (const [code, child] of children[node]) {
      const t = base[s] + code;
      termAt[t] = nodeTerm[child];
      if (s === 0) fail[t] = 0;
      else {
        let f = fail[s];
        while (f !== 0 && check[base[f] + code] !== f) f = fail[f];
        const g = base[f] + code;
        fail[t] = check[g] === f && g !== t ? g : 0;
      }
      out[t] = termAt[t] >= 0 ? t : out[fail[t]];
      queue.push(child);
    }
  }
  for (let t = 0; t < size; t++) if (termAt[t] >= 0) outNext[t] = out[fail[t]];

  let codeOf = codeOfUnit;
  if (normalize) {
    const fold = getFoldTable();
    codeOf = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const f = fold[c];
      codeOf[c] = f === FILLER ? SKIP : codeOfUnit[f];
    }
  }
  return {
    codeOf,
    base,
    check,
    fail,
    out,
    outNext,
    termAt,
    sameNext,
    keyLen,
    maxKeyLen,
    states: children.length,
    ring: new Int32Array(ringSizeFor(maxKeyLen)),
    ringBusy: false,
  };
}

/**
 * Places trie nodes into base/check arrays: child `c` of the node at slot s sits at
 * base[s] + c and has check = s. Free slots are found through a "next free slot"
 * union-find, so placement stays near-linear for tens of thousands of terms.
 */
function placeDoubleArray(children: Array<Map<number, number>>, alphabetSize: number) {
  let capacity = Math.max(1024, children.length * 2 + alphabetSize + 1);
  let base = new Int32Array(capacity);
  let check = new Int32Array(capacity).fill(-1);
  let nextFree = new Int32Array(capacity + 1).map((_, i) => i);
  const index = new Int32Array(children.length); // trie node → slot
  check[0] = -2; // the root occupies slot 0
  nextFree[0] = 1;

  const grow = (needed: number) => {
    if (needed < capacity) return;
    const old = capacity;
    while (capacity <= needed) capacity *= 2;
    const b = new Int32Array(capacity);
    b.set(base);
    const k = new Int32Array(capacity).fill(-1);
    k.set(check);
    const n = new Int32Array(capacity + 1);
    n.set(nextFree.subarray(0, old + 1));
    for (let i = old + 1; i <= capacity; i++) n[i] = i;
    base = b;
    check = k;
    nextFree = n;
  };
  const findFree = (from: number): number => {
    grow(from);
    let root = from;
    while (nextFree[root] !== root) {
      root = nextFree[root];
      grow(root);
    }
    while (nextFree[from] !== root) {
      const up = nextFree[from];
      nextFree[from] = root;
      from = up;
    }
    return root;
  };

  const queue: number[] = [0];
  let maxSlot = 0;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const s = index[node];
    const kids = [...children[node].entries()].sort((a, b) => a[0] - b[0]);
    if (kids.length === 0) continue;
    const first = kids[0][0];
    let p = findFree(first);
    for (;;) {
      const b = p - first;
      grow(b + kids[kids.length - 1][0] + 1);
      let fits = true;
      for (let i = 1; i < kids.length; i++) {
        if (check[b + kids[i][0]] !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      p = findFree(p + 1);
    }
    const b = p - first;
    base[s] = b;
    for (const [code, child] of kids) {
      const t = b + code;
      check[t] = s;
      nextFree[t] = t + 1;
      index[child] = t;
      if (t > maxSlot) maxSlot = t;
      queue.push(child);
    }
  }
  // Every lookup base[s] + code (code ≤ alphabetSize) stays inside the arrays.
  let maxBase = 0;
  for (let i = 0; i <= maxSlot; i++) if (base[i] > maxBase) maxBase = base[i];
  const length = Math.max(maxSlot, maxBase + alphabetSize) + 1;
  grow(length);
  const finalCheck = check.slice(0, length);
  return { base: base.slice(0, length), check: finalCheck, index };
}

function ringSizeFor(maxKeyLen: number): number {
  let size = 1;
  while (size < maxKeyLen) size <<= 1;
  return size;
}

function scanExact(a: Automaton, text: string, visit: MatchVisitor): void {
  const { codeOf, base, check, fail, out, outNext, termAt, sameNext, keyLen } = a;
  const n = text.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const c = codeOf[text.charCodeAt(i)];
    if (c === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      const t = base[s] + c;
      if (check[t] === s) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = fail[s];
    }
    let o = out[s];
    while (o !== 0) {
      for (let k = termAt[o]; k >= 0; k = sameNext[k]) visit(k, i + 1 - keyLen[k], i + 1);
      o = outNext[o];
    }
  }
}

function scanFolded(a: Automaton, text: string, visit: MatchVisitor): void {
  // Ring of the original offsets of the last maxKeyLen non-filler code units; shared by
  // the scans of one automaton unless a visitor starts a nested scan.
  let ring = a.ring;
  if (a.ringBusy) ring = new Int32Array(ring.length);
  else a.ringBusy = true;
  try {
    scanFoldedWith(a, text, visit, ring);
  } finally {
    if (ring === a.ring) a.ringBusy = false;
  }
}

function scanFoldedWith(a: Automaton, text: string, visit: MatchVisitor, ring: Int32Array): void {
  const { codeOf, base, check, fail, out, outNext, termAt, sameNext, keyLen } = a;
  const mask = ring.length - 1;
  const n = text.length;
  let s = 0;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const c = codeOf[text.charCodeAt(i)];
    if (c === SKIP) continue;
    ring[seen & mask] = i;
    seen++;
    if (c === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      const t = base[s] + c;
      if (check[t] === s) {
        s = t;
        break;
      }
      if (s === 0) break;
      s = fail[s];
    }
    let o = out[s];
    while (o !== 0) {
      for (let k = termAt[o]; k >= 0; k = sameNext[k]) visit(k, ring[(seen - keyLen[k]) & mask], i + 1);
      o = outNext[o];
    }
  }
}
