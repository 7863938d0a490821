/**
 * The monitor query language, as a pure model: a parser that says where a query breaks, and a
 * matcher over folded text.
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          juxtaposition is AND
 *   unary   := ("NOT" | "-") unary | near
 *   near    := primary ("NEAR/" n primary)*    both sides a word or a phrase
 *   primary := word | "quoted phrase" | "(" query ")"
 *
 * Operators are upper case (a lower-case "and" is a word). Words and phrases are folded like the
 * compliance matcher folds text (full width → half width, case, traditional → simplified, spaces and
 * decoration skipped), so "iPhone 15" matches "ＩＰＨＯＮＥ15". Chinese has no spaces, so `NEAR/n`
 * counts characters of folded text between the two terms.
 */
import { normalizeTerm } from '../../kernel/normalize.js';

export type QueryNode =
  | { type: 'term'; value: string; phrase: boolean }
  | { type: 'and' | 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'near'; distance: number; left: QueryTerm; right: QueryTerm };

export type QueryTerm = Extract<QueryNode, { type: 'term' }>;

export class QuerySyntaxError extends Error {
  /** 0-based offset in the query where it breaks. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} at position ${position + 1}`);
    this.name = 'QuerySyntaxError';
    this.position = position;
  }
}

type Token =
  | { kind: 'word' | 'phrase'; value: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'minus'; at: number }
  | { kind: 'near'; distance: number; at: number }
  | { kind: 'end'; at: number };

const MAX_QUERY = 2000;
const MAX_NEAR = 200;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { out.push({ kind: 'lparen', at: i++ }); continue; }
    if (c === ')') { out.push({ kind: 'rparen', at: i++ }); continue; }
    if (c === '"' || c === '“' || c === '”') {
      const end = src.slice(i + 1).search(/["“”]/);
      if (end < 0) throw new QuerySyntaxError('unclosed quote', i);
      out.push({ kind: 'phrase', value: src.slice(i + 1, i + 1 + end), at: i });
      i += end + 2;
      continue;
    }
    if (c === '-' && i + 1 < src.length && !/[\s()]/.test(src[i + 1]!)) { out.push({ kind: 'minus', at: i++ }); continue; }
    const m = /^[^\s()"“”]+/.exec(src.slice(i))!;
    const word = m[0];
    if (word === 'AND') out.push({ kind: 'and', at: i });
    else if (word === 'OR') out.push({ kind: 'or', at: i });
    else if (word === 'NOT') out.push({ kind: 'not', at: i });
    else if (word.startsWith('NEAR/')) {
      const n = word.slice(5);
      if (!/^\d{1,3}$/.test(n) || Number(n) < 1 || Number(n) > MAX_NEAR) throw new QuerySyntaxError(`NEAR needs a distance from 1 to ${MAX_NEAR}, like NEAR/5`, i);
      out.push({ kind: 'near', distance: Number(n), at: i });
    } else if (word === 'NEAR') throw new QuerySyntaxError('NEAR needs a distance, like NEAR/5', i);
    else out.push({ kind: 'word', value: word, at: i });
    i += word.length;
  }
  out.push({ kind: 'end', at: src.length });
  return out;
}

const describe = (t: Token) => (t.kind === 'end' ? 'end of query' : t.kind === 'rparen' ? "')'" : t.kind === 'near' ? 'NEAR' : t.kind.toUpperCase());

/** Parses a query; throws QuerySyntaxError with the position where it breaks. */
export function parseQuery(src: string): QueryNode {
  if (src.length > MAX_QUERY) throw new QuerySyntaxError(`the query is longer than ${MAX_QUERY} characters`, MAX_QUERY);
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p]!;
  const next = () => tokens[p++]!;

  const term = (t: Token): QueryTerm => {
    if (t.kind !== 'word' && t.kind !== 'phrase') throw new QuerySyntaxError(`expected a word or a phrase, found ${describe(t)}`, t.at);
    const value = normalizeTerm(t.value);
    if (!value) throw new QuerySyntaxError(t.kind === 'phrase' ? 'empty phrase' : 'a word without letters or digits', t.at);
    return { type: 'term', value, phrase: t.kind === 'phrase' };
  };

  function primary(): QueryNode {
    const t = next();
    if (t.kind === 'lparen') {
      if (peek().kind === 'rparen') throw new QuerySyntaxError('empty parentheses', t.at);
      const inner = or();
      const close = next();
      if (close.kind !== 'rparen') throw new QuerySyntaxError(`missing ')' for the '(' at position ${t.at + 1}, found ${describe(close)}`, close.at);
      return inner;
    }
    return term(t);
  }

  function near(): QueryNode {
    let left = primary();
    while (peek().kind === 'near') {
      const op = next() as Extract<Token, { kind: 'near' }>;
      if (left.type !== 'term') throw new QuerySyntaxError('NEAR needs a word or a phrase on its left', op.at);
      const right = primary();
      if (right.type !== 'term') throw new QuerySyntaxError('NEAR needs a word or a phrase on its right', op.at);
      left = { type: 'near', distance: op.distance, left, right };
      if (peek().kind === 'near') throw new QuerySyntaxError('chain NEAR with AND: a NEAR/3 b AND b NEAR/3 c', peek().at);
    }
    return left;
  }

  function unary(): QueryNode {
    const t = peek();
    if (t.kind === 'not' || t.kind === 'minus') {
      next();
      return { type: 'not', child: unary() };
    }
    return near();
  }

  const startsOperand = (t: Token) => t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not' || t.kind === 'minus';

  function and(): QueryNode {
    const children = [unary()];
    for (;;) {
      const t = peek();
      if (t.kind === 'and') {
        next();
        if (!startsOperand(peek())) throw new QuerySyntaxError(`AND needs something on its right, found ${describe(peek())}`, peek().at);
        children.push(unary());
      } else if (startsOperand(t)) children.push(unary());
      else break;
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  function or(): QueryNode {
    const first = peek();
    if (first.kind === 'or' || first.kind === 'and' || first.kind === 'near') throw new QuerySyntaxError(`${describe(first)} needs something on its left`, first.at);
    if (first.kind === 'end') throw new QuerySyntaxError('the query is empty', first.at);
    if (first.kind === 'rparen') throw new QuerySyntaxError("unexpected ')'", first.at);
    const children = [and()];
    while (peek().kind === 'or') {
      next();
      if (!startsOperand(peek())) throw new QuerySyntaxError(`OR needs something on its right, found ${describe(peek())}`, peek().at);
      children.push(and());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  const tree = or();
  const rest = peek();
  if (rest.kind !== 'end') throw new QuerySyntaxError(rest.kind === 'rparen' ? "unexpected ')' without a matching '('" : `unexpected ${describe(rest)}`, rest.at);
  if (!hasPositive(tree)) throw new QuerySyntaxError('the query only excludes: add a word it must contain', 0);
  return tree;
}

function hasPositive(n: QueryNode): boolean {
  switch (n.type) {
    case 'term': case 'near': return true;
    case 'not': return false;
    case 'and': return n.children.some(hasPositive);
    case 'or': return n.children.every(hasPositive);
  }
}

/** Text prepared once per mention and shared by every monitor's query. */
export interface PreparedText { folded: string }

export const prepareText = (text: string): PreparedText => ({ folded: normalizeTerm(text) });

function occurrences(hay: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function nearMatch(hay: string, a: string, b: string, distance: number): boolean {
  const as = occurrences(hay, a);
  if (as.length === 0) return false;
  const bs = occurrences(hay, b);
  for (const x of as) {
    for (const y of bs) {
      const gap = y >= x ? y - (x + a.length) : x - (y + b.length);
      if (gap <= distance) return true;
    }
  }
  return false;
}

export function evaluate(node: QueryNode, text: PreparedText): boolean {
  switch (node.type) {
    case 'term': return text.folded.includes(node.value);
    case 'and': return node.children.every((c) => evaluate(c, text));
    case 'or': return node.children.some((c) => evaluate(c, text));
    case 'not': return !evaluate(node.child, text);
    case 'near': return nearMatch(text.folded, node.left.value, node.right.value, node.distance);
  }
}

/** The words a query looks for (not the excluded ones): for highlighting and share of voice. */
export function positiveTerms(node: QueryNode, negated = false): string[] {
  switch (node.type) {
    case 'term': return negated ? [] : [node.value];
    case 'near': return negated ? [] : [node.left.value, node.right.value];
    case 'not': return positiveTerms(node.child, !negated);
    case 'and': case 'or': return node.children.flatMap((c) => positiveTerms(c, negated));
  }
}
