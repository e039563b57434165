// `text::query()`, which groq-js leaves unimplemented, for the shapes a Studio and a frontend send:
// `L match text::query($q)` inside `*[…]` filters and `score(…)` arguments, where `L` reads only the
// element (`title`, `[@, _id]`, `claims[].content`, `pt::text(body)`). The search string's syntax:
//   - words, every one required (`ali vaez`), each split into tokens as GROQ's `match` splits text;
//     a word that splits into several tokens (`e-mail`) needs them adjacent, like a phrase;
//   - `"quoted phrases"`: the tokens adjacent and in order;
//   - `-word` and `-"a phrase"`: the text must not match it;
//   - `*` in a word: any run of characters (`vae*`, `*ez`), case-insensitively as `match`.
// Text is gathered from `L`'s value: strings, arrays of them, and objects (`@`) with every string
// inside them except attributes whose name starts with `_` (`_id`, `_type`, `_key`, `_ref`), which is
// why the Studio matches `[@, _id]`.
//
// Each match is rewritten into `tokens match $pattern`, where `tokens` comes back through the
// dereference hook (the one place groq-js calls into JavaScript) keyed by the element's `_id`: the
// element's tokens when it satisfies the text query, else none. groq-js then evaluates `match` and
// `score()` over those as it always does (a term-frequency score per positive term), so the filter's
// truth value is exact and the ranking is groq-js's own. The matching documents are computed once per
// view and query string, narrowed by a token index of `L` (lake/text-index.ts) when the query has a
// positive term; `QueryEngine`'s `textIndex: false` computes them by scanning, for the differential
// test.
import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import {readsOnlyTheElement} from './ordered.ts'
import {tokensOf} from './text-index.ts'
import type {SanityDocument} from './types.ts'

export const TEXT_PREFIX = '\u0000lake:text:'
export const TEXT_PATTERN_PARAM = '\u0000lake:text-pattern:'
const SEPARATOR = '\u0002'
/** The characters of a query word that are neither a separator nor a wildcard (GROQ's `match`). */
const WORD_TERM = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const EDGE_DOTS = /(\b\.+|\.+\b)/g
/** Words and quoted phrases, as the Studio splits a search (a quote may sit inside a word). */
const QUERY_TOKEN = /(?:[^\s"]+|"[^"]*")+/g

interface Clause {
  negated: boolean
  /** One pattern per token; several must match adjacent tokens, in order. */
  patterns: RegExp[]
  /** The same terms as text, for the token index and groq-js's score. */
  terms: string[]
}

export interface TextQuery {
  clauses: Clause[]
}

const termPattern = (term: string) =>
  new RegExp(`^${term.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i')

/** Parses a search string (never fails: what is not syntax is words). */
export function parseTextQuery(query: string): TextQuery {
  const clauses: Clause[] = []
  for (const raw of query.match(QUERY_TOKEN) ?? []) {
    const negated = raw.startsWith('-')
    const text = (negated ? raw.slice(1) : raw).replace(/"/g, ' ')
    const terms = text.replace(EDGE_DOTS, '').match(WORD_TERM) ?? []
    if (terms.length) clauses.push({negated, terms, patterns: terms.map(termPattern)})
  }
  return {clauses}
}

function clauseMatches(tokens: string[], {patterns}: Clause): boolean {
  for (let start = 0; start + patterns.length <= tokens.length; start++)
    if (patterns.every((pattern, k) => pattern.test(tokens[start + k]!))) return true
  return false
}

/** Every positive clause found and no negated one; a text without tokens matches nothing. */
export function matchesTextQuery(tokens: string[], query: TextQuery): boolean {
  if (tokens.length === 0 || query.clauses.length === 0) return false
  return query.clauses.every((clause) => clauseMatches(tokens, clause) !== clause.negated)
}

/** The positive terms as a `match` pattern (a superset for the token index); null when none. */
export function positiveTerms(query: TextQuery): string | null {
  const terms = query.clauses.filter((clause) => !clause.negated).flatMap((clause) => clause.terms)
  return terms.length ? terms.join(' ') : null
}

/** What groq-js scores the tokens of a matching element against: its positive terms, or any token. */
export function scorePattern(query: TextQuery): string {
  return query.clauses.length ? (positiveTerms(query) ?? '*') : ''
}

/** The strings of a value: itself, an array's items, an object's attributes except `_…` ones. */
export function textsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value)
  else if (Array.isArray(value)) for (const item of value) textsOf(item, found)
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (!key.startsWith('_')) textsOf(item, found)
  return found
}

/** The tokens `match` sees in `L`'s value for a document. */
export function textTokens(value: unknown): string[] {
  return tokensOf(textsOf(value))
}

/** `L`'s value for a document: attribute paths and `@` read directly, anything else by groq-js. */
export function readerFor(node: ExprNode): (doc: SanityDocument) => unknown {
  if (node.type === 'This') return (doc) => doc
  if (node.type === 'AccessAttribute') {
    const base = node.base ? readerFor(node.base) : (doc: SanityDocument) => doc
    return (doc) => {
      const value = base(doc)
      return value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.hasOwn(value, node.name)
        ? (value as Record<string, unknown>)[node.name]
        : null
    }
  }
  if (node.type === 'Array' && node.elements.every((element) => !element.isSplat)) {
    const readers = node.elements.map((element) => readerFor(element.value))
    return (doc) => readers.map((read) => read(doc))
  }
  return (doc) => toJS(evaluateSync(node, {root: doc}))
}

/** A text match the rewrite can take over: `L` reads the element, the query is a constant. */
interface TextMatchShape {
  left: ExprNode
  query: ExprNode
}

function textMatchShape(node: ExprNode): TextMatchShape | null {
  if (node.type !== 'OpCall' || node.op !== 'match') return null
  const right = node.right
  if (right.type !== 'FuncCall' || right.namespace !== 'text' || right.name !== 'query') return null
  const query = right.args[0]
  if (right.args.length !== 1 || !query || (query.type !== 'Value' && query.type !== 'Parameter'))
    return null
  return readsOnlyTheElement(node.left) ? {left: node.left, query} : null
}

/** One text match of a prepared query, numbered by its place in `TextClause[]`. */
export interface TextClause {
  left: ExprNode
  query: ExprNode
}

/** The node that stands for clause `index`: `tokens(@) match $pattern`. */
function textMatchNode(index: number): ExprNode {
  const id: ExprNode = {type: 'AccessAttribute', name: '_id'}
  const key: ExprNode = {
    type: 'OpCall',
    op: '+',
    left: {type: 'Value', value: `${TEXT_PREFIX}${index}${SEPARATOR}`},
    right: id,
  }
  return {
    type: 'OpCall',
    op: 'match',
    left: {
      type: 'Deref',
      base: {
        type: 'Object',
        attributes: [{type: 'ObjectAttributeValue', name: '_ref', value: key}],
      },
    },
    right: {type: 'Parameter', name: `${TEXT_PATTERN_PARAM}${index}`},
  }
}

/** The clause a rewritten node stands for, or null (query.ts narrows `*[…]` by it). */
export function textClauseOf(node: ExprNode): number | null {
  if (node.type !== 'OpCall' || node.op !== 'match' || node.left.type !== 'Deref') return null
  const base = node.left.base
  if (base.type !== 'Object' || base.attributes.length !== 1) return null
  const attribute = base.attributes[0]!
  if (attribute.type !== 'ObjectAttributeValue' || attribute.value.type !== 'OpCall') return null
  const prefix = attribute.value.left
  if (prefix.type !== 'Value' || typeof prefix.value !== 'string') return null
  if (!prefix.value.startsWith(TEXT_PREFIX)) return null
  return Number.parseInt(prefix.value.slice(TEXT_PREFIX.length), 10)
}

/** Splits a hook key back into its clause and the element's id. */
export function parseTextKey(ref: string): {clause: number; id: string} | null {
  if (!ref.startsWith(TEXT_PREFIX)) return null
  const rest = ref.slice(TEXT_PREFIX.length)
  const cut = rest.indexOf(SEPARATOR)
  return cut < 0 ? null : {clause: Number(rest.slice(0, cut)), id: rest.slice(cut + 1)}
}

/** Elements of these are the view's documents (or `score()`'s copies of them, with `_score`). */
function yieldsDocuments(node: ExprNode): boolean {
  switch (node.type) {
    case 'Everything':
      return true
    case 'Filter':
    case 'Slice':
    case 'Group':
      return yieldsDocuments(node.base)
    case 'PipeFuncCall':
      return (node.name === 'order' || node.name === 'score') && yieldsDocuments(node.base)
    default:
      return false
  }
}

/** `_score > c` (or `>=`) with c ≥ 0 (resp. > 0): elements scoring 0 or less are dropped. */
function keepsPositiveScores(expr: ExprNode): boolean {
  if (expr.type !== 'OpCall' || (expr.op !== '>' && expr.op !== '>=')) return false
  const {left, right} = expr
  return (
    left.type === 'AccessAttribute' &&
    left.base === undefined &&
    left.name === '_score' &&
    right.type === 'Value' &&
    typeof right.value === 'number' &&
    (expr.op === '>' ? right.value >= 0 : right.value > 0)
  )
}

const or = (left: ExprNode, right: ExprNode): ExprNode => ({type: 'Or', left, right})

/**
 * A condition that holds wherever `arg` can score other than 0 in groq-js's `score()` (a superset):
 * a text match where it matches, `boost(x, w)` where `x` does, `a && b` where both do, `a || b`
 * where either does, any other expression (scored 1 when true) where it is true. Null for a plain
 * `match`, whose score is not its truth.
 */
function scoreCondition(arg: ExprNode): ExprNode | null {
  if (textClauseOf(arg) !== null) return arg
  if (arg.type === 'OpCall' && arg.op === 'match') return null
  if (arg.type === 'FuncCall' && arg.name === 'boost')
    return arg.args[0] ? scoreCondition(arg.args[0]) : null
  if (arg.type === 'And' || arg.type === 'Or') {
    const left = scoreCondition(arg.left)
    const right = scoreCondition(arg.right)
    return left && right ? {type: arg.type, left, right} : null
  }
  if (arg.type === 'Group') return scoreCondition(arg.base)
  return arg
}

/**
 * `*[F] | score(args…) [_score > 0]` → `*[F && (c₁ || … || _score > 0)] | score(args…) [_score > 0]`:
 * the elements the slice keeps are those with a positive score (a stored numeric `_score` counts),
 * so the scan can be narrowed to where some argument scores; score() is a stable sort, so dropping
 * the others first changes no order. The text matches in the conditions are then looked up rather
 * than evaluated for every document (query.ts narrows by them).
 */
function narrowScored(score: ExprNode): ExprNode {
  if (score.type !== 'PipeFuncCall' || score.name !== 'score' || score.args.length === 0)
    return score
  const conditions = score.args.map(scoreCondition)
  if (conditions.some((condition) => condition === null)) return score
  const stored: ExprNode = {
    type: 'OpCall',
    op: '>',
    left: {type: 'AccessAttribute', name: '_score'},
    right: {type: 'Value', value: 0},
  }
  const condition: ExprNode = {
    type: 'Group',
    base: [...(conditions as ExprNode[]), stored].reduce(or),
  }
  const base = score.base
  if (base.type === 'Everything') return {...score, base: {type: 'Filter', base, expr: condition}}
  if (base.type === 'Filter' && base.base.type === 'Everything')
    return {...score, base: {...base, expr: {type: 'And', left: base.expr, right: condition}}}
  return score
}

/**
 * `tree` with every text match it can take over replaced, the clauses appended to `clauses`. Only
 * where the element is a document of the view (a filter or `score()` over `*`), since the hook
 * finds the element's text by its `_id`; elsewhere `text::query` stays, and groq-js refuses it.
 */
export function rewriteTextQueries(tree: ExprNode, clauses: TextClause[]): ExprNode {
  // Within one element's scope: logic and boosts, not a nested filter or projection.
  const inScope = (node: ExprNode): ExprNode => {
    const shape = textMatchShape(node)
    if (shape) return textMatchNode(clauses.push(shape) - 1)
    switch (node.type) {
      case 'And':
      case 'Or':
        return {...node, left: inScope(node.left), right: inScope(node.right)}
      case 'Not':
      case 'Group':
        return {...node, base: inScope(node.base)}
      case 'FuncCall':
        return node.namespace === 'global' && node.name === 'boost'
          ? ({...node, args: node.args.map((arg, i) => (i === 0 ? inScope(arg) : arg))} as ExprNode)
          : node
      default:
        return node
    }
  }
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (!node || typeof node !== 'object') return node
    const record = node as ExprNode
    if (record.type === 'Value') return record
    const copy = Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, walk(value)]),
    ) as unknown as ExprNode
    if (
      copy.type === 'Filter' &&
      copy.base.type === 'PipeFuncCall' &&
      keepsPositiveScores(copy.expr)
    )
      return {...copy, base: narrowScored(copy.base)}
    if (copy.type === 'Filter' && yieldsDocuments(copy.base))
      return {...copy, expr: inScope(copy.expr)}
    if (copy.type === 'PipeFuncCall' && copy.name === 'score' && yieldsDocuments(copy.base))
      return {...copy, args: copy.args.map(inScope)}
    return copy
  }
  return walk(tree) as ExprNode
}
