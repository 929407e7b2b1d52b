/**
 * Parses the other platforms' search syntaxes into the X query tree (query-parser.ts), so that one matcher
 * (query-matcher.ts) decides what every platform finds. Each dialect is a subset of X's syntax: bare words
 * (AND-ed), "quoted phrases", and per platform: -exclusion, OR, NOT, parentheses, #hashtags and a few
 * operators. Like the real services, parsing is lenient: a stray parenthesis, a dangling OR or an unclosed quote
 * is not an error. An empty query (or one made only of exclusions) matches every post but the excluded ones.
 */
import type { QueryNode } from './query-parser';
import { tokenize } from './tokens';

export interface Dialect {
  /** OR (upper case) between terms */
  or: boolean;
  /** NOT before a term, and AND as a no-op (Reddit) */
  booleanWords: boolean;
  parens: boolean;
  /** -term excludes */
  minus: boolean;
  /** #tag matches the hashtag */
  hashtags: boolean;
  /** name:value operators; null when the value is unusable (the term is then dropped) */
  operators: Readonly<Record<string, (value: string) => QueryNode | null>>;
}

/** matches nothing (an operator naming a user that does not exist, say) */
export const NOTHING: QueryNode = { kind: 'or', children: [] };

type Tok =
  | { t: 'open'; negated: boolean }
  | { t: 'close' }
  | { t: 'or' }
  | { t: 'not' }
  | { t: 'leaf'; node: QueryNode; negated: boolean };

function leaf(word: string, dialect: Dialect): QueryNode | null {
  const op = /^([A-Za-z_]+):(.+)$/.exec(word);
  if (op) {
    const handler = dialect.operators[op[1].toLowerCase()];
    if (handler) return handler(op[2]);
  }
  if (dialect.hashtags && (word.startsWith('#') || word.startsWith('＃'))) {
    const tag = word.slice(1);
    if (/^[\p{L}\p{M}\p{N}_]+$/u.test(tag)) return { kind: 'hashtag', tag: tag.toLowerCase() };
  }
  const tokens = tokenize(word);
  return tokens.length > 0 ? { kind: 'keyword', tokens } : null;
}

function lex(query: string, dialect: Dialect): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (dialect.minus && query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      negated = true;
      i++;
    }
    const c = query[i];
    if (c === '(' || c === ')') {
      if (dialect.parens) out.push(c === '(' ? { t: 'open', negated } : { t: 'close' });
      i++;
    } else if (c === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? query.length : close;
      const tokens = tokenize(query.slice(i + 1, end));
      if (tokens.length > 0) out.push({ t: 'leaf', node: { kind: 'phrase', tokens }, negated });
      i = end + 1;
    } else {
      let end = i;
      while (end < query.length && !/[\s"]/.test(query[end]) && !(dialect.parens && /[()]/.test(query[end])))
        end++;
      const word = query.slice(i, end);
      i = end;
      if (!negated && dialect.or && word === 'OR') out.push({ t: 'or' });
      else if (!negated && dialect.booleanWords && word === 'AND') continue;
      else if (!negated && dialect.booleanWords && word === 'NOT') out.push({ t: 'not' });
      else {
        const node = leaf(word, dialect);
        if (node) out.push({ t: 'leaf', node, negated });
      }
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): QueryNode {
    const parts = [this.orExpr()];
    // what stops a top-level expression early is a stray ")": skip it and go on
    while (this.i < this.toks.length) {
      this.i++;
      parts.push(this.orExpr());
    }
    const terms = parts.filter((p) => !isEmptyQuery(p));
    if (terms.length === 0) return { kind: 'and', children: [] };
    return terms.length === 1 ? terms[0] : { kind: 'and', children: terms };
  }

  private orExpr(): QueryNode {
    const children: QueryNode[] = [];
    let current = this.andExpr();
    for (;;) {
      if (this.toks[this.i]?.t !== 'or') break;
      this.i++;
      if (current) children.push(current);
      current = this.andExpr();
    }
    if (current) children.push(current);
    if (children.length === 0) return { kind: 'and', children: [] };
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  /** null when there is no term at all (a dangling OR) */
  private andExpr(): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.toks[this.i];
      if (!t || t.t === 'close' || t.t === 'or') break;
      const node = this.unary();
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private unary(): QueryNode | null {
    const t = this.toks[this.i++];
    if (t.t === 'not') {
      const next = this.toks[this.i];
      if (!next || next.t === 'close' || next.t === 'or') return null;
      const inner = this.unary();
      return inner ? { kind: 'not', child: inner } : null;
    }
    if (t.t === 'leaf') return t.negated ? { kind: 'not', child: t.node } : t.node;
    if (t.t === 'open') {
      const inner = this.orExpr();
      if (this.toks[this.i]?.t === 'close') this.i++;
      return t.negated ? { kind: 'not', child: inner } : inner;
    }
    return null;
  }
}

export function parseDialectQuery(query: string, dialect: Dialect): QueryNode {
  return new Parser(lex(query, dialect)).parse();
}

/** whether a query has no positive term: it matches everything but its exclusions */
export function isEmptyQuery(node: QueryNode): boolean {
  return node.kind === 'and' && node.children.length === 0;
}

const lang = (value: string): QueryNode | null =>
  /^[a-z]{2,3}$/i.test(value) ? { kind: 'lang', lang: value.toLowerCase() } : null;

/** a username as the store knows it, from `@name`, `name@instance` or `name` */
const from = (value: string): QueryNode | null => {
  const user = value.replace(/^@/, '').split('@')[0];
  return /^[A-Za-z0-9_]{1,30}$/.test(user) ? { kind: 'from', user: user.toLowerCase() } : NOTHING;
};

/** Mastodon full-text search: words, "phrases", -exclusion, #tags, language:, from: */
export const MASTODON_DIALECT: Dialect = {
  or: false,
  booleanWords: false,
  parens: false,
  minus: true,
  hashtags: true,
  operators: { language: lang, from },
};

/** Reddit (Lucene): words, "phrases", OR, AND, NOT, -exclusion, parentheses, author:, title: */
export const REDDIT_DIALECT: Dialect = {
  or: true,
  booleanWords: true,
  parens: true,
  minus: true,
  hashtags: false,
  operators: {
    author: from,
    title: (value) => {
      const tokens = tokenize(value);
      return tokens.length > 0 ? { kind: 'keyword', tokens } : null;
    },
  },
};

/** Algolia (advanced syntax): words, "phrases", -exclusion */
export const HACKERNEWS_DIALECT: Dialect = {
  or: false,
  booleanWords: false,
  parens: false,
  minus: true,
  hashtags: false,
  operators: {},
};

/** Bluesky: words, "phrases", -exclusion, #tags, lang:, from: (a handle, resolved by `resolveHandle`) */
export function blueskyDialect(resolveHandle: (handle: string) => string | null): Dialect {
  return {
    or: false,
    booleanWords: false,
    parens: false,
    minus: true,
    hashtags: true,
    operators: {
      lang,
      from: (value) => {
        const user = resolveHandle(value.replace(/^@/, '').toLowerCase());
        return user === null ? NOTHING : { kind: 'from', user };
      },
    },
  };
}
