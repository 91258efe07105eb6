/**
 * The flow filter language: a small tokenizer and recursive-descent parser producing an AST.
 *
 * Pure (no Vue, no DOM) so it is tested on its own and reused by any view. Errors carry the
 * 1-based column where the problem starts, so the UI can say exactly what to fix while the table
 * keeps its last good filter.
 *
 * Grammar (informal; keywords are case-insensitive):
 *
 * ```text
 * expression := or
 * or         := and ( "OR" and )*
 * and        := unary ( ["AND"] unary )*            -- terms side by side are ANDed
 * unary      := "-" unary | "NOT" unary | primary
 * primary    := "(" or ")" | term
 * term       := field op value | word | "quoted words"
 * op         := ":" | ">" | ">=" | "<" | "<=" | "="
 * value      := word | "quoted words"              -- \" and \\ escape inside quotes
 * ```
 *
 * - Text fields (`app proto sni host device ip mac agent iface type`) take `:` and match a
 *   case-insensitive substring; a value with `*` is a glob matched against the whole text
 *   (`sni:*.google.com`).
 * - Numeric fields (`risk bytes rate port`) take any op; `:` means `=`. Numbers may end in
 *   `k`, `M` or `G` (powers of 1000): `bytes>10M`.
 * - `closed:yes` / `closed:no`.
 * - A bare word matches any text field. Quote anything containing spaces, `:` or parentheses.
 */
import { isBooleanField, isNumericField, resolveField, type BooleanField, type NumericField, type TextField } from './filter-fields'

export type CompareOp = '>' | '>=' | '<' | '<=' | '='

export type FilterNode =
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  /** `field` absent: a bare word matched against every text field. */
  | { kind: 'text'; field?: TextField; value: string }
  | { kind: 'compare'; field: NumericField; op: CompareOp; value: number }
  | { kind: 'bool'; field: BooleanField; value: boolean }

export interface FilterParseError {
  message: string
  /** 0-based offset into the input, for a caret. */
  offset: number
  /** 1-based column, as shown to the user. */
  column: number
}

/** `ast` is null for an empty expression, which matches every flow. */
export type FilterParseResult = { ok: true; ast: FilterNode | null } | { ok: false; error: FilterParseError }

type Token =
  | { type: 'lparen' | 'rparen' | 'neg'; pos: number }
  | { type: 'keyword'; word: 'OR' | 'AND' | 'NOT'; pos: number }
  | { type: 'term'; node: FilterNode; pos: number }

class SyntaxFault extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at column ${offset + 1}`)
  }
}

const MAX_DEPTH = 64
const TERM_RE = /^([A-Za-z_][A-Za-z0-9_]*)(>=|<=|:|>|<|=)([\s\S]*)$/
const NUMBER_RE = /^(\d+(?:\.\d+)?)([kKmMgG])?$/
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9 }
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r'
const isBreak = (c: string): boolean => isSpace(c) || c === '(' || c === ')' || c === '"'

/** Parses a filter expression; never throws. */
export function parseFilter(input: string): FilterParseResult {
  try {
    const tokens = tokenize(input)
    if (tokens.length === 0) return { ok: true, ast: null }
    return { ok: true, ast: new Parser(tokens, input.length).parseExpression() }
  } catch (e) {
    if (!(e instanceof SyntaxFault)) throw e
    return { ok: false, error: { message: e.message, offset: e.offset, column: e.offset + 1 } }
  }
}

function readQuoted(input: string, start: number): { value: string; end: number } {
  let value = ''
  for (let i = start + 1; i < input.length; i++) {
    const c = input[i]
    if (c === '\\' && i + 1 < input.length) {
      value += input[++i]
    } else if (c === '"') {
      return { value, end: i + 1 }
    } else {
      value += c
    }
  }
  throw new SyntaxFault('unterminated quote', start)
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i]
    if (isSpace(c)) {
      i++
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', pos: i++ })
    } else if (c === '-') {
      if (i + 1 >= input.length || isSpace(input[i + 1]) || input[i + 1] === ')') {
        throw new SyntaxFault('expected a term after "-"', i)
      }
      tokens.push({ type: 'neg', pos: i++ })
    } else if (c === '"') {
      const q = readQuoted(input, i)
      tokens.push({ type: 'term', node: { kind: 'text', value: q.value }, pos: i })
      i = q.end
    } else {
      i = readWord(input, i, tokens)
    }
  }
  return tokens
}

/** Reads an unquoted run: a keyword, a bare word or a `field op value` term. Returns the end. */
function readWord(input: string, start: number, tokens: Token[]): number {
  let end = start
  while (end < input.length && !isBreak(input[end])) end++
  const run = input.slice(start, end)
  const keyword = run.toUpperCase()
  if (keyword === 'OR' || keyword === 'AND' || keyword === 'NOT') {
    tokens.push({ type: 'keyword', word: keyword, pos: start })
    return end
  }
  if (/^[<>=:]/.test(run)) {
    const op = /^[<>=:]+/.exec(run)?.[0] ?? run
    throw new SyntaxFault(`unexpected "${op}": write a comparison without spaces, e.g. risk>=50`, start)
  }
  const m = TERM_RE.exec(run)
  if (!m) {
    tokens.push({ type: 'term', node: { kind: 'text', value: run }, pos: start })
    return end
  }
  const [, name, op, rawValue] = m
  const valuePos = start + name.length + op.length
  let value = rawValue
  const quoted = value === '' && input[end] === '"'
  if (quoted) {
    const q = readQuoted(input, end)
    value = q.value
    end = q.end
  }
  tokens.push({ type: 'term', node: buildTerm(name, op, value, start, valuePos, quoted), pos: start })
  return end
}

function buildTerm(name: string, op: string, value: string, pos: number, valuePos: number, quoted: boolean): FilterNode {
  const field = resolveField(name)
  if (!field) throw new SyntaxFault(`unknown field "${name}" (quote text that contains ":")`, pos)
  const head = `"${name}${op}"`
  if (isNumericField(field)) {
    const m = NUMBER_RE.exec(value)
    if (!m) throw new SyntaxFault(`expected a number after ${head}`, valuePos)
    const n = Number(m[1]) * (m[2] ? SUFFIX[m[2].toLowerCase()] : 1)
    return { kind: 'compare', field, op: op === ':' ? '=' : (op as CompareOp), value: n }
  }
  if (op !== ':') throw new SyntaxFault(`"${name}" is text: write ${name}:value ("${op}" compares numbers)`, pos + name.length)
  if (isBooleanField(field)) {
    const v = value.toLowerCase()
    if (v === 'yes' || v === 'true') return { kind: 'bool', field, value: true }
    if (v === 'no' || v === 'false') return { kind: 'bool', field, value: false }
    throw new SyntaxFault(`expected yes or no after ${head}`, valuePos)
  }
  if (value === '' && !quoted) throw new SyntaxFault(`expected a value after ${head}`, valuePos)
  return { kind: 'text', field, value }
}

class Parser {
  private at = 0
  private depth = 0

  constructor(private readonly tokens: Token[], private readonly inputLength: number) {}

  parseExpression(): FilterNode {
    const node = this.parseOr()
    const extra = this.tokens[this.at]
    if (extra) throw new SyntaxFault(extra.type === 'rparen' ? 'unexpected ")" with no matching "("' : 'unexpected text', extra.pos)
    return node
  }

  private peek(): Token | undefined {
    return this.tokens[this.at]
  }

  private isKeyword(t: Token | undefined, word: 'OR' | 'AND' | 'NOT'): boolean {
    return t?.type === 'keyword' && t.word === word
  }

  private parseOr(): FilterNode {
    const children = [this.parseAnd()]
    while (this.isKeyword(this.peek(), 'OR')) {
      const or = this.tokens[this.at++]
      this.requireTerm('OR', or.pos)
      children.push(this.parseAnd())
    }
    return children.length === 1 ? children[0] : { kind: 'or', children }
  }

  private parseAnd(): FilterNode {
    const children = [this.parseUnary()]
    for (let t = this.peek(); t && t.type !== 'rparen' && !this.isKeyword(t, 'OR'); t = this.peek()) {
      if (this.isKeyword(t, 'AND')) {
        this.at++
        this.requireTerm('AND', t.pos)
      }
      children.push(this.parseUnary())
    }
    return children.length === 1 ? children[0] : { kind: 'and', children }
  }

  private parseUnary(): FilterNode {
    const t = this.peek()
    if (t && (t.type === 'neg' || this.isKeyword(t, 'NOT'))) {
      this.at++
      this.requireTerm(t.type === 'neg' ? '-' : 'NOT', t.pos)
      return { kind: 'not', child: this.nested(() => this.parseUnary(), t.pos) }
    }
    return this.parsePrimary()
  }

  private parsePrimary(): FilterNode {
    const t = this.peek()
    if (!t) throw new SyntaxFault('expected a term', this.inputLength)
    if (t.type === 'term') {
      this.at++
      return t.node
    }
    if (t.type === 'lparen') {
      this.at++
      this.requireTerm('(', t.pos)
      const inner = this.nested(() => this.parseOr(), t.pos)
      if (this.peek()?.type !== 'rparen') throw new SyntaxFault('missing ")" for this "("', t.pos)
      this.at++
      return inner
    }
    if (t.type === 'rparen') throw new SyntaxFault('unexpected ")" with no matching "("', t.pos)
    throw new SyntaxFault(`expected a term before "${t.type === 'keyword' ? t.word : '-'}"`, t.pos)
  }

  /** After an operator, the next token must start a term. */
  private requireTerm(after: string, pos: number): void {
    const next = this.peek()
    if (!next || next.type === 'rparen' || this.isKeyword(next, 'OR') || this.isKeyword(next, 'AND')) {
      throw new SyntaxFault(`expected a term after "${after}"`, pos)
    }
  }

  private nested<T>(fn: () => T, pos: number): T {
    if (++this.depth > MAX_DEPTH) throw new SyntaxFault('expression nested too deeply', pos)
    try {
      return fn()
    } finally {
      this.depth--
    }
  }
}
