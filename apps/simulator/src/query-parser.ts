/**
 * A parser for the subset of X search syntax the simulator understands: bare terms (AND), OR, parentheses,
 * "quoted phrases", #hashtag, @handle, `-` negation of any of these, and the operators lang:, is:retweet,
 * is:reply, is:quote, is:verified, has:hashtags|mentions|links|media, conversation_id:, from:, to:.
 * As on X, AND binds tighter than OR: `a b OR c` is `(a b) OR c`.
 */
import { tokenize } from './tokens';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** one or more keyword tokens, consecutive (a bare term like coca-cola is two tokens) */
  | { kind: 'keyword'; tokens: string[] }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'mention'; handle: string }
  | { kind: 'from'; user: string }
  | { kind: 'to'; user: string }
  | { kind: 'lang'; lang: string }
  | { kind: 'is'; what: IsWhat }
  | { kind: 'has'; what: HasWhat }
  | { kind: 'conversation'; id: string };

export const IS_VALUES = ['retweet', 'reply', 'quote', 'verified'] as const;
export type IsWhat = (typeof IS_VALUES)[number];
export const HAS_VALUES = ['hashtags', 'mentions', 'links', 'media', 'images', 'videos', 'geo'] as const;
export type HasWhat = (typeof HAS_VALUES)[number];

export const MAX_QUERY_LENGTH = 512;

export class QuerySyntaxError extends Error {
  constructor(
    readonly detail: string,
    /** 1-based, like X's messages */
    readonly position: number,
  ) {
    super(`There were errors processing your request: ${detail} (at position ${position})`);
    this.name = 'QuerySyntaxError';
  }
}

type Token =
  | { type: 'lparen'; negated: boolean; pos: number }
  | { type: 'rparen'; pos: number }
  | { type: 'or'; pos: number }
  | { type: 'leaf'; node: QueryNode; negated: boolean; pos: number };

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

function operator(name: string, value: string, pos: number): QueryNode {
  const bad = (): never => {
    throw new QuerySyntaxError(`Reference to invalid operator '${name}:${value}'`, pos);
  };
  if (value === '') throw new QuerySyntaxError(`Operator '${name}' requires a value`, pos);
  switch (name) {
    case 'from':
    case 'to': {
      const user = value.replace(/^@/, '');
      if (!HANDLE.test(user) && !/^[0-9]{1,19}$/.test(user)) return bad();
      return { kind: name, user: user.toLowerCase() };
    }
    case 'lang':
      if (!/^[a-z]{2,3}$/i.test(value)) return bad();
      return { kind: 'lang', lang: value.toLowerCase() };
    case 'is': {
      const what = IS_VALUES.find((v) => v === value.toLowerCase());
      return what ? { kind: 'is', what } : bad();
    }
    case 'has': {
      const what = HAS_VALUES.find((v) => v === value.toLowerCase());
      return what ? { kind: 'has', what } : bad();
    }
    case 'conversation_id':
      if (!/^[0-9]{1,19}$/.test(value)) return bad();
      return { kind: 'conversation', id: value };
    default:
      throw new QuerySyntaxError(`Reference to invalid operator '${name}'`, pos);
  }
}

function leafFor(word: string, pos: number): QueryNode {
  const op = /^([A-Za-z_.]+):(.*)$/.exec(word);
  if (op) return operator(op[1].toLowerCase(), op[2], pos);
  if (word.startsWith('#') || word.startsWith('＃')) {
    const tag = word.slice(1);
    if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(tag)) throw new QuerySyntaxError(`Invalid hashtag '${word}'`, pos);
    return { kind: 'hashtag', tag: tag.toLowerCase() };
  }
  if (word.startsWith('@')) {
    const handle = word.slice(1);
    if (!HANDLE.test(handle)) throw new QuerySyntaxError(`Invalid username '${word}'`, pos);
    return { kind: 'mention', handle: handle.toLowerCase() };
  }
  const tokens = tokenize(word);
  if (tokens.length === 0) throw new QuerySyntaxError(`The term '${word}' has no searchable characters`, pos);
  return { kind: 'keyword', tokens };
}

function lex(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (ch === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      negated = true;
      i++;
    }
    const c = query[i];
    if (c === '(') {
      out.push({ type: 'lparen', negated, pos: start + 1 });
      i++;
    } else if (c === ')') {
      if (negated) throw new QuerySyntaxError("Unexpected '-' before ')'", start + 1);
      out.push({ type: 'rparen', pos: start + 1 });
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError('Missing closing quote', start + 1);
      const tokens = tokenize(query.slice(i + 1, end));
      if (tokens.length === 0) throw new QuerySyntaxError('Empty quoted phrase', start + 1);
      out.push({ type: 'leaf', node: { kind: 'phrase', tokens }, negated, pos: start + 1 });
      i = end + 1;
    } else {
      let end = i;
      while (end < query.length && !/[\s()"]/.test(query[end])) end++;
      const word = query.slice(i, end);
      if (word === 'OR' && !negated) out.push({ type: 'or', pos: start + 1 });
      else out.push({ type: 'leaf', node: leafFor(word, start + 1), negated, pos: start + 1 });
      i = end;
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): QueryNode {
    const node = this.orExpr();
    const rest = this.tokens[this.i];
    if (rest)
      throw new QuerySyntaxError(rest.type === 'rparen' ? "Unexpected ')'" : 'Unexpected token', rest.pos);
    return node;
  }

  private orExpr(): QueryNode {
    const children = [this.andExpr()];
    while (this.tokens[this.i]?.type === 'or') {
      this.i++;
      children.push(this.andExpr());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  private andExpr(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t || t.type === 'rparen' || t.type === 'or') break;
      children.push(this.unary());
    }
    if (children.length === 0) {
      const t = this.tokens[this.i];
      if (t?.type === 'or') throw new QuerySyntaxError('Ambiguous use of OR', t.pos);
      if (t?.type === 'rparen') throw new QuerySyntaxError('Empty parentheses or misplaced OR', t.pos);
      throw new QuerySyntaxError('Ambiguous use of OR', this.length);
    }
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private unary(): QueryNode {
    const t = this.tokens[this.i++];
    if (t.type === 'leaf') return t.negated ? { kind: 'not', child: t.node } : t.node;
    if (t.type === 'lparen') {
      const inner = this.orExpr();
      const close = this.tokens[this.i];
      if (close?.type !== 'rparen') throw new QuerySyntaxError('Missing closing parenthesis', t.pos);
      this.i++;
      return t.negated ? { kind: 'not', child: inner } : inner;
    }
    throw new QuerySyntaxError('Unexpected token', t.pos);
  }
}

/** whether the query has a clause that is not negated (X refuses queries made only of exclusions) */
function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'not':
      return false;
    case 'and':
    case 'or':
      return node.children.some(hasPositive);
    default:
      return true;
  }
}

export function parseQuery(query: string): QueryNode {
  if (query.trim() === '') throw new QuerySyntaxError('The query is empty', 1);
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(
      `Query is ${query.length} characters long; the maximum is ${MAX_QUERY_LENGTH}`,
      MAX_QUERY_LENGTH + 1,
    );
  }
  const node = new Parser(lex(query), query.length).parse();
  if (!hasPositive(node)) throw new QuerySyntaxError('Rules must contain a non-negation term', 1);
  return node;
}
