// GROQ over a perspective's view with groq-js. groq-js scans the whole dataset for every `*`; here
// each `*[filter]` whose filter pins something indexable is handed only the candidate documents:
//   - a constant: `_id == $id`, `_type == "claim"`, `slug.current == $slug`, `_id in $ids`,
//     `references($id)` → looked up before evaluation and passed in as a parameter;
//   - a value of the enclosing document: `article._ref == ^._id`, `_id in ^.mentionRefs`,
//     `references(^._id)` → looked up during evaluation through the `dereference` hook, the one
//     place groq-js calls back into JavaScript.
// groq-js still applies the whole filter to the candidates, so a candidate set only needs to be a
// superset of the matches; whenever a lookup cannot be made, the filter falls back to a full scan.
// Parsed queries are cached (without their parameters when the query allows it).
import {evaluateSync, GroqSyntaxError, parse, toJS, type ExprNode} from 'groq-js'
import {LakeError} from './errors.ts'
import {foldParameters, nullTestedParameters} from './fold.ts'
import {
  keepUp,
  limitOrdered,
  ORDERED_PARAM,
  orderedBase,
  sortCandidates,
  type Ordering,
  type Upkeep,
} from './ordered.ts'
import {
  buildView,
  placeInSorted,
  updateView,
  type View,
  type ViewChange,
  type ViewKind,
} from './perspective.ts'
import type {CommitEvent} from './store.ts'

/** What queries read: the store itself, or a copy of it in a query worker. */
export interface DocumentSource {
  /** Bumped on every change. */
  readonly version: number
  documents(): Iterable<SanityDocument>
  get(id: string): SanityDocument | undefined
  subscribe(listener: (event: CommitEvent) => void): () => void
}
import {TextIndex} from './text-index.ts'
import {
  matchesTextQuery,
  parseTextKey,
  parseTextQuery,
  positiveTerms,
  readerFor,
  rewriteTextQueries,
  scorePattern,
  TEXT_PATTERN_PARAM,
  textClauseOf,
  textTokens,
  type TextClause,
} from './text-query.ts'
import type {SanityDocument} from './types.ts'

const CANDIDATES_PARAM = '\u0000lake:candidates:'
const LOOKUP_PREFIX = '\u0000lake:lookup:'
const SEGMENT = '\u0002'
const ITEM = '\u0001'
const CACHE_LIMIT = 500
/** Sorted candidate lists kept per view (each holds at most the view's documents, by reference). */
const SORTED_LIMIT = 32
/** Transactions touching more documents than this rebuild the views rather than patch them. */
const INCREMENTAL_LIMIT = 2000
/** Kept sorted lists and token indexes follow transactions up to this size, else are rebuilt. */
const UPKEEP_LIMIT = 50

/** Where the values of a lookup come from: the query's constants/parameters, or the enclosing scope. */
type Source = {
  kind: 'constant' | 'outer'
  node: ExprNode
  /** A list of values (`in`, `references`) rather than one (`==`). */
  many: boolean
  /** Nulls in the list cannot match (ids, references), so they may be dropped. */
  dropsNulls?: boolean
  /** `references` takes one id or a list of them. */
  scalarOrList?: boolean
}

type Narrowing =
  /** `path == v`, `path in [...]`; negated, `path != v`: the documents where it is not equal. */
  | {kind: 'attribute'; path: string[]; source: Source; node: ExprNode; negated?: boolean}
  | {kind: 'references'; source: Source}
  /** `path match pattern`: a superset from the token index (lake/text-index.ts). */
  | {kind: 'match'; path: string[]; source: Source}
  /** `L match text::query(q)` (lake/text-query.ts): exactly the documents that match. */
  | {kind: 'text'; left: ExprNode; node: ExprNode; source: Source}
  /** `path > 0`, `path <= "m"`: only values of the constant's type compare (`_score > 0`). */
  | {kind: 'typed'; path: string[]; type: 'number' | 'string'; source: Source}
  | {kind: 'union'; parts: Narrowing[]}
  /** Every part holds (`a == 1 && b == 2`): the documents in all of their lookups. */
  | {kind: 'intersection'; parts: Exact[]}

type Exact = Extract<Narrowing, {kind: 'attribute'}>

interface PreparedQuery {
  tree: ExprNode
  narrowings: Narrowing[]
  orderings: Ordering[]
  texts: TextClause[]
  parameters: Set<string>
}

/** What rewriting a query collects: the lookups to make before evaluating it. */
interface Rewriting {
  narrowings: Narrowing[]
  orderings: Ordering[]
  texts: TextClause[]
}

/** A parsed query before folding: what does not depend on the parameters' values. */
interface ParsedQuery {
  /** The query, or the query and its parameters when parsing needed them (slices). */
  key: string
  tree: ExprNode
  parameters: Set<string>
  nullTested: string[]
}

// ---------------------------------------------------------------------------------------------
// Reading filters

function attributePath(node: ExprNode): string[] | null {
  const path: string[] = []
  let current: ExprNode | undefined = node
  while (current && current.type === 'AccessAttribute') {
    path.unshift(current.name)
    current = current.base
  }
  return path.length && (current === undefined || current.type === 'This') ? path : null
}

function isConstant(node: ExprNode): boolean {
  if (node.type === 'Value' || node.type === 'Parameter') return true
  return (
    node.type === 'Array' &&
    node.elements.every((element) => !element.isSplat && isConstant(element.value))
  )
}

/** Reads only enclosing scopes (`^`, `^.a.b`): evaluable where the `*` stands, one level up. */
function isOuter(node: ExprNode): boolean {
  if (node.type === 'Parent') return true
  if (node.type === 'AccessAttribute') return node.base !== undefined && isOuter(node.base)
  return false
}

/** The same expression, evaluated one scope further out (where the `*` was). */
function shiftOut(node: ExprNode): ExprNode {
  if (node.type === 'Parent') return node.n === 1 ? {type: 'This'} : {...node, n: node.n - 1}
  if (node.type === 'AccessAttribute') return {...node, base: node.base && shiftOut(node.base)}
  if (node.type === 'OpCall')
    return {...node, left: shiftOut(node.left), right: shiftOut(node.right)}
  if (node.type === 'Group') return {...node, base: shiftOut(node.base)}
  return node
}

/** A match pattern built from the enclosing scope, as the search query does: `^.term + "*"`. */
function isOuterPattern(node: ExprNode): boolean {
  if (isOuter(node)) return true
  if (node.type === 'Group') return isOuterPattern(node.base)
  if (node.type !== 'OpCall' || node.op !== '+') return false
  const part = (side: ExprNode) => isOuterPattern(side) || side.type === 'Value'
  return (
    part(node.left) && part(node.right) && (isOuterPattern(node.left) || isOuterPattern(node.right))
  )
}

function source(node: ExprNode, many: boolean): Source | null {
  if (isConstant(node)) return {kind: 'constant', node, many}
  if (isOuter(node)) return {kind: 'outer', node: shiftOut(node), many}
  return null
}

/** Lower is more selective. */
function rank(narrowing: Narrowing): number {
  if (narrowing.kind === 'union') return Math.max(...narrowing.parts.map(rank)) + 0.5
  if (narrowing.kind === 'intersection') return Math.min(...narrowing.parts.map(rank)) - 0.5
  if (narrowing.kind === 'references') return 1
  if (narrowing.kind === 'match') return 3
  if (narrowing.kind === 'text') return 0.5
  if (narrowing.kind === 'typed') return 4
  // Nearly every document, usually: worth it only to answer its term inside an intersection.
  if (narrowing.negated) return 10
  if (narrowing.path.length === 1 && narrowing.path[0] === '_id') return 0
  if (narrowing.path.length === 1 && narrowing.path[0] === '_type') return 5
  return 2
}

const byRank = (a: Narrowing, b: Narrowing) => rank(a) - rank(b)

/** Every narrowing the filter guarantees (each alone yields a superset of the matches). */
function narrowingsOf(expr: ExprNode, texts: TextClause[]): Narrowing[] {
  switch (expr.type) {
    case 'Group':
      return narrowingsOf(expr.base, texts)
    case 'And':
      return [...narrowingsOf(expr.left, texts), ...narrowingsOf(expr.right, texts)]
    case 'Or': {
      // A union needs a narrowing on both sides: take each side's best, and its best constant one.
      const left = narrowingsOf(expr.left, texts).sort(byRank)
      const right = narrowingsOf(expr.right, texts).sort(byRank)
      if (!left.length || !right.length) return []
      const unions: Narrowing[] = [{kind: 'union', parts: [left[0]!, right[0]!]}]
      const leftConstant = left.find((n) => !isDynamic(n))
      const rightConstant = right.find((n) => !isDynamic(n))
      if (
        leftConstant &&
        rightConstant &&
        (leftConstant !== left[0] || rightConstant !== right[0])
      ) {
        unions.push({kind: 'union', parts: [leftConstant, rightConstant]})
      }
      return unions
    }
    case 'OpCall': {
      if (expr.op === '>' || expr.op === '>=' || expr.op === '<' || expr.op === '<=') {
        for (const [pathSide, valueSide] of [
          [expr.left, expr.right],
          [expr.right, expr.left],
        ] as const) {
          const path = attributePath(pathSide)
          const type = valueSide.type === 'Value' ? typeof valueSide.value : null
          if (path && (type === 'number' || type === 'string'))
            return [
              {kind: 'typed', path, type, source: {kind: 'constant', node: valueSide, many: false}},
            ]
        }
        return []
      }
      if (expr.op === '==' || expr.op === '!=') {
        const negated = expr.op === '!='
        for (const [pathSide, valueSide] of [
          [expr.left, expr.right],
          [expr.right, expr.left],
        ] as const) {
          const path = attributePath(pathSide)
          const from = path && source(valueSide, false)
          // A negated lookup is the complement of a constant one; an outer value has none.
          if (path && from && (!negated || from.kind === 'constant'))
            return [{kind: 'attribute', path, source: from, node: expr, ...(negated && {negated})}]
        }
        return []
      }
      if (expr.op === 'in') {
        const path = attributePath(expr.left)
        // `x in 1..5` is a range, not a list.
        const from = path && expr.right.type !== 'InRange' ? source(expr.right, true) : null
        if (from && path!.length === 1 && path![0] === '_id') from.dropsNulls = true
        return path && from ? [{kind: 'attribute', path, source: from, node: expr}] : []
      }
      if (expr.op === 'match') {
        const clause = texts[textClauseOf(expr) ?? -1]
        if (clause)
          return [
            {
              kind: 'text',
              left: clause.left,
              node: expr,
              source: {kind: 'constant', node: clause.query, many: false},
            },
          ]
        const path = attributePath(expr.left)
        if (!path) return []
        let right = expr.right
        while (right.type === 'Group') right = right.base
        const from: Source | null =
          right.type === 'Value' || right.type === 'Parameter'
            ? {kind: 'constant', node: right, many: false}
            : isOuterPattern(right)
              ? {kind: 'outer', node: shiftOut(right), many: false}
              : null
        return from ? [{kind: 'match', path, source: from}] : []
      }
      return []
    }
    case 'FuncCall': {
      if (expr.namespace !== 'global' || expr.name !== 'references' || expr.args.length !== 1)
        return []
      const from = source(expr.args[0]!, true)
      if (from) Object.assign(from, {dropsNulls: true, scalarOrList: true})
      return from ? [{kind: 'references', source: from}] : []
    }
    default:
      return []
  }
}

/**
 * A constant comparison of an attribute is looked up exactly (the candidates are precisely the
 * documents it holds for: the index reads the attribute as GROQ does, and only scalars and null can
 * be equal), so groq-js need not evaluate it again for each candidate: that made `_id in $ids`
 * quadratic (every candidate compared with every id). The differential test holds it to that.
 */
function isExact(narrowing: Narrowing): narrowing is Exact {
  return narrowing.kind === 'attribute' && narrowing.source.kind === 'constant'
}

/**
 * `expr` with one of its top-level `&&` terms (`term`) replaced by `true`, and `true && x` then
 * read as `x` (in a filter only true counts, so that is exact), so that a filter answered wholly by
 * its lookups becomes the literal `true`.
 */
function withoutTerm(expr: ExprNode, term: ExprNode): ExprNode {
  const isTrue = (node: ExprNode) => node.type === 'Value' && node.value === true
  if (expr === term) return {type: 'Value', value: true}
  if (expr.type === 'Group') {
    const base = withoutTerm(expr.base, term)
    return isTrue(base) ? base : {...expr, base}
  }
  if (expr.type === 'And') {
    const left = withoutTerm(expr.left, term)
    const right = withoutTerm(expr.right, term)
    return isTrue(left) ? right : isTrue(right) ? left : {...expr, left, right}
  }
  return expr
}

const isDynamic = (narrowing: Narrowing): boolean =>
  narrowing.kind === 'union' || narrowing.kind === 'intersection'
    ? narrowing.parts.some(isDynamic)
    : narrowing.source.kind === 'outer'

function outerSources(narrowing: Narrowing): Source[] {
  if (narrowing.kind === 'union' || narrowing.kind === 'intersection')
    return narrowing.parts.flatMap(outerSources)
  return narrowing.source.kind === 'outer' ? [narrowing.source] : []
}

// ---------------------------------------------------------------------------------------------
// Rewriting `*[filter]`

/** Function-call nodes come from parsing (they carry the implementation), so build them that way. */
const templates = new Map<string, ExprNode>()
function call(name: string, args: ExprNode[]): ExprNode {
  const signature = `${name}(${args.map((_, i) => `$a${i}`).join(', ')})`
  let template = templates.get(signature)
  if (!template) templates.set(signature, (template = parse(signature)))
  return {...template, args} as unknown as ExprNode
}
const text = (value: string): ExprNode => ({type: 'Value', value})
const plus = (left: ExprNode, right: ExprNode): ExprNode => ({type: 'OpCall', op: '+', left, right})

/** A string naming the lookup and carrying the outer values (null when one cannot be encoded). */
function lookupKey(index: number, narrowing: Narrowing): ExprNode {
  let key: ExprNode = text(`${LOOKUP_PREFIX}${index}`)
  for (const from of outerSources(narrowing)) {
    // Ids and references are never null, so nulls in their lists can be dropped; for any other
    // attribute a null would match documents without it, so it must force the fallback scan.
    const list = from.many && from.dropsNulls ? call('array::compact', [from.node]) : from.node
    const single = plus(
      text('1:'),
      call('array::join', [
        {type: 'Array', elements: [{type: 'ArrayElement', value: from.node, isSplat: false}]},
        text(ITEM),
      ]),
    )
    const several = plus(
      plus(call('string', [call('count', [list])]), text(':')),
      call('array::join', [list, text(ITEM)]),
    )
    // count() of a lone string is null, so `references(^._id)` falls through to the single form.
    const encoded = !from.many
      ? single
      : from.scalarOrList
        ? call('coalesce', [several, single])
        : several
    key = plus(plus(key, text(SEGMENT)), encoded)
  }
  return key
}

function rewrite(node: ExprNode, context: Rewriting): ExprNode {
  const {narrowings, orderings, texts} = context
  // A Value node's payload is data, not syntax.
  if (node === null || typeof node !== 'object' || node.type === 'Value') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value))
      copy[key] = value.map((item) =>
        item && typeof item === 'object' ? rewrite(item, context) : item,
      )
    else if (value && typeof value === 'object') copy[key] = rewrite(value as ExprNode, context)
    else copy[key] = value
  }
  const rewritten = copy as unknown as ExprNode
  if (rewritten.type === 'PipeFuncCall')
    return orderedBase(rewritten, CANDIDATES_PARAM, orderings) ?? rewritten
  if (rewritten.type === 'Slice') return limitOrdered(rewritten, orderings) ?? rewritten
  if (rewritten.type === 'FuncCall') return countedCandidates(rewritten) ?? rewritten
  if (rewritten.type !== 'Filter' || rewritten.base.type !== 'Everything') return rewritten
  const options = narrowingsOf(rewritten.expr, texts).sort(byRank)
  const best = options[0]
  if (!best) return rewritten
  const constant = options.find((option) => !isDynamic(option))
  const constantBase = (narrowing: Narrowing): ExprNode => ({
    type: 'Parameter',
    name: `${CANDIDATES_PARAM}${narrowings.push(narrowing) - 1}`,
  })
  if (!isDynamic(best)) {
    // Several exact terms (`_type == "claim" && source.kind == $kind`): their intersection answers
    // all of them, so none is evaluated again and an ordered slice can read just its prefix.
    const exact = options.filter(isExact)
    const chosen: Narrowing = exact.length >= 2 ? {kind: 'intersection', parts: exact} : best
    // A text narrowing is exact too: its candidates are the documents that match.
    const answered: {node: ExprNode}[] =
      chosen.kind === 'intersection'
        ? exact
        : isExact(chosen) || chosen.kind === 'text'
          ? [chosen]
          : []
    return {
      ...rewritten,
      base: constantBase(chosen),
      expr: answered.reduce((expr, part) => withoutTerm(expr, part.node), rewritten.expr),
    }
  }
  const index = narrowings.push(best) - 1
  const lookup: ExprNode = {
    type: 'Deref',
    base: {
      type: 'Object',
      attributes: [{type: 'ObjectAttributeValue', name: '_ref', value: lookupKey(index, best)}],
    },
  }
  // When the outer values cannot be encoded, scan what the constant part allows (or everything).
  const fallback = constant ? constantBase(constant) : {type: 'Everything' as const}
  return {...rewritten, base: call('coalesce', [lookup, fallback])}
}

/**
 * `count($candidates[true])` → `count($candidates)`: when the lookups answered the whole filter, the
 * count is the candidate list's length, and groq-js need not evaluate `true` per document.
 */
function countedCandidates(node: ExprNode): ExprNode | null {
  if (node.type !== 'FuncCall' || node.namespace !== 'global' || node.name !== 'count') return null
  const [filter] = node.args
  if (node.args.length !== 1 || filter?.type !== 'Filter') return null
  const {base, expr} = filter
  if (base.type !== 'Parameter' || !base.name.startsWith(CANDIDATES_PARAM)) return null
  return expr.type === 'Value' && expr.value === true ? {...node, args: [base]} : null
}

function parameterNames(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) parameterNames(item, found)
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Value') return found
    if (
      record.type === 'Parameter' &&
      typeof record.name === 'string' &&
      !record.name.startsWith('\u0000')
    )
      found.add(record.name)
    for (const value of Object.values(record)) parameterNames(value, found)
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// Looking candidates up

/** Where a document without the attribute (or with null) is kept in an attribute index. */
const MISSING = Symbol('missing')

/** An attribute value's key in an index: itself for a scalar, MISSING for null; objects have none. */
const indexKey = (value: unknown): unknown =>
  value === null || value === undefined ? MISSING : isScalar(value) ? value : undefined

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

function byId(a: SanityDocument, b: SanityDocument): number {
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

interface TextMatches {
  documents: SanityDocument[]
  tokens: Map<string, string[]>
  /** A document's tokens when it matches, else null: how the matches follow a commit. */
  test: (doc: SanityDocument) => string[] | null
}

/** Lazily built indexes over one view. */
class ViewIndexes {
  /** Keyed by the JSON of the path, so `@["a.b"]` and `a.b` stay apart. */
  private readonly attributes = new Map<
    string,
    {path: string[]; index: Map<unknown, SanityDocument[]>}
  >()
  private referencesIndex: Map<string, SanityDocument[]> | null = null
  /** Token indexes (`match`, text queries), updated in place by small commits, else dropped. */
  private readonly textIndexes = new Map<string, TextIndex>()
  /** Sorted and merged candidate lists, kept up to date commit by commit where they can be. */
  private readonly sortedLists = new Map<string, {list: SanityDocument[]; upkeep: Upkeep | null}>()
  /** Documents matching a text query, by its left side and string; kept up to date as the lists. */
  private readonly textResults = new Map<string, TextMatches>()

  readonly view: View
  private readonly useTextIndex: boolean

  constructor(view: View, useTextIndex: boolean) {
    this.view = view
    this.useTextIndex = useTextIndex
  }

  /** The token index of what `read` gives for each document, under `key`, built on first use. */
  text(key: string, read: (doc: SanityDocument) => unknown): TextIndex {
    let index = this.textIndexes.get(key)
    if (!index) {
      index = new TextIndex(this.view.documents, read)
      this.textIndexes.set(key, index)
    }
    return index
  }

  /**
   * The documents whose `left` matches `text::query(query)`, in dataset order, with their tokens
   * (what groq-js scores). Narrowed by the token index of `left` to the documents holding every
   * positive term, then checked one by one; a query that is not a string matches nothing.
   */
  textMatches(left: ExprNode, query: unknown): TextMatches {
    const key = `${JSON.stringify(left)}\u0000${JSON.stringify(query)}`
    let found = this.textResults.get(key)
    if (found) return found
    const parsed = typeof query === 'string' ? parseTextQuery(query) : null
    const read = readerFor(left)
    const test = (doc: SanityDocument) => {
      const tokens = textTokens(read(doc))
      return parsed && matchesTextQuery(tokens, parsed) ? tokens : null
    }
    found = {documents: [], tokens: new Map(), test}
    if (parsed) {
      const positive = positiveTerms(parsed)
      const candidates =
        this.useTextIndex && positive !== null
          ? this.text(`\u0000text\u0000${JSON.stringify(left)}`, (doc) =>
              textTokens(read(doc)),
            ).lookup(positive)
          : this.view.documents
      for (const doc of candidates) {
        const tokens = test(doc)
        if (!tokens) continue
        found.documents.push(doc)
        found.tokens.set(doc._id, tokens)
      }
    }
    this.textResults.set(key, found)
    if (this.textResults.size > SORTED_LIMIT)
      this.textResults.delete(this.textResults.keys().next().value!)
    return found
  }

  /**
   * The list under `key`, built by `build` when it is not kept (at most SORTED_LIMIT kept). With an
   * `upkeep` it follows later changes of the view in place; without one a change drops it.
   */
  sorted(
    key: string,
    build: () => SanityDocument[],
    upkeep?: () => Upkeep | null,
  ): SanityDocument[] {
    let kept = this.sortedLists.get(key)
    if (!kept) {
      kept = {list: build(), upkeep: upkeep?.() ?? null}
      this.sortedLists.set(key, kept)
      if (this.sortedLists.size > SORTED_LIMIT)
        this.sortedLists.delete(this.sortedLists.keys().next().value!)
    }
    return kept.list
  }

  /** Keeps the built indexes in step with documents that left or entered the view. */
  apply(changes: ViewChange[]): void {
    // A small transaction (a Studio's keystroke) moves its documents within the kept lists and token
    // indexes; a large one drops them, to be rebuilt on the next read (one sort, what every such query
    // cost before).
    if (changes.length) {
      const small = changes.length <= UPKEEP_LIMIT
      if (!small) this.textResults.clear()
      for (const matches of small ? this.textResults.values() : []) {
        for (const {before, after} of changes) {
          const id = (before ?? after)!._id
          matches.tokens.delete(id)
          placeInSorted(matches.documents, id, null)
          const tokens = after && matches.test(after)
          if (!tokens) continue
          matches.tokens.set(id, tokens)
          placeInSorted(matches.documents, id, after)
        }
      }
      for (const [key, kept] of this.sortedLists) {
        if (!small || !kept.upkeep) this.sortedLists.delete(key)
        else for (const change of changes) keepUp(kept.list, change, kept.upkeep)
      }
      if (small) for (const index of this.textIndexes.values()) index.update(changes)
      else this.textIndexes.clear()
    }
    for (const {path, index} of this.attributes.values()) {
      for (const {before, after} of changes) {
        const id = (before ?? after)!._id
        const old = before ? indexKey(valueAt(before, path)) : undefined
        const next = after ? indexKey(valueAt(after, path)) : undefined
        if (old !== undefined && old !== next) removeFrom(index, old, id)
        if (next !== undefined) {
          let list = index.get(next)
          if (!list) index.set(next, (list = []))
          placeInSorted(list, id, after)
        }
      }
    }
    if (this.referencesIndex) {
      for (const {before, after} of changes) {
        const id = (before ?? after)!._id
        const old = before ? allReferences(before) : new Set<string>()
        const next = after ? allReferences(after) : new Set<string>()
        for (const ref of old) if (!next.has(ref)) removeFrom(this.referencesIndex, ref, id)
        for (const ref of next) {
          let list = this.referencesIndex.get(ref)
          if (!list) this.referencesIndex.set(ref, (list = []))
          placeInSorted(list, id, after)
        }
      }
    }
  }

  /** Documents whose attribute at `path` is a value of `type` (dataset order). */
  ofType(path: string[], type: 'number' | 'string'): SanityDocument[] {
    const lists = [...this.attributeIndex(path)]
      .filter(([value]) => typeof value === type)
      .map(([, list]) => list)
    return sorted(lists.flat(), lists.length)
  }

  private attributeIndex(path: string[]): Map<unknown, SanityDocument[]> {
    const key = JSON.stringify(path)
    let index = this.attributes.get(key)?.index
    if (!index) {
      index = new Map()
      for (const doc of this.view.documents) {
        const value = indexKey(valueAt(doc, path))
        if (value === undefined) continue
        let list = index.get(value)
        if (!list) index.set(value, (list = []))
        list.push(doc)
      }
      this.attributes.set(key, {path, index})
    }
    return index
  }

  private references(): Map<string, SanityDocument[]> {
    if (!this.referencesIndex) {
      const index = new Map<string, SanityDocument[]>()
      for (const doc of this.view.documents) {
        for (const ref of allReferences(doc)) {
          let list = index.get(ref)
          if (!list) index.set(ref, (list = []))
          list.push(doc)
        }
      }
      this.referencesIndex = index
    }
    return this.referencesIndex
  }

  /**
   * Documents that may match `path == value` for any of `values` (dataset order); exactly those for
   * `_id` and `_type`. In GROQ a missing attribute is null and `null == null`, so a null value
   * finds the documents without the attribute.
   */
  lookup(
    narrowing: Exclude<Narrowing, {kind: 'union' | 'intersection' | 'match' | 'text' | 'typed'}>,
    values: unknown[],
  ): SanityDocument[] {
    if (narrowing.kind === 'references') {
      const index = this.references()
      return sorted(
        values.flatMap((value) => (typeof value === 'string' ? (index.get(value) ?? []) : [])),
        values.length,
      )
    }
    const {path} = narrowing
    if (path.length === 1 && path[0] === '_id') {
      return sorted(
        values.flatMap((id) => {
          const doc = typeof id === 'string' ? this.view.byId.get(id) : undefined
          return doc ? [doc] : []
        }),
        values.length,
      )
    }
    if (path.length === 1 && path[0] === '_type') {
      const byType = this.view.byType as Map<unknown, SanityDocument[]>
      return sorted(
        values.flatMap((type) =>
          type === null
            ? [...(byType.get(null) ?? []), ...(byType.get(undefined) ?? [])]
            : (byType.get(type) ?? []),
        ),
        values.includes(null) ? values.length + 1 : values.length,
      )
    }
    const index = this.attributeIndex(path)
    return sorted(
      values.flatMap((value) => index.get(value === null ? MISSING : value) ?? []),
      values.length,
    )
  }
}

/** What GROQ's `a.b.c` reads: own attributes of objects only (an array's `length` is null). */
function valueAt(doc: SanityDocument, path: string[]): unknown {
  let value: unknown = doc
  for (const segment of path) {
    value =
      value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined
  }
  return value
}

/** Every id a document references, weakly or strongly (what GROQ's `references()` sees). */
function allReferences(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) allReferences(item, found)
  } else if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (typeof ref === 'string') found.add(ref)
    for (const child of Object.values(value))
      if (child && typeof child === 'object') allReferences(child, found)
  }
  return found
}

function removeFrom<K>(index: Map<K, SanityDocument[]>, key: K, id: string): void {
  const list = index.get(key)
  if (!list) return
  placeInSorted(list, id, null)
  if (list.length === 0) index.delete(key)
}

/** One value's list is already in dataset order; several are merged, deduplicated and re-sorted. */
function sorted(docs: SanityDocument[], lists: number): SanityDocument[] {
  return lists <= 1 ? docs : [...new Set(docs)].sort(byId)
}

/** A constant source's values (an `in` takes a list; a lone value is a list of one). */
function constantValues(from: Source, params: Record<string, unknown>): unknown[] {
  const evaluate = (node: ExprNode): unknown =>
    node.type === 'Value'
      ? node.value
      : node.type === 'Parameter'
        ? params[node.name]
        : node.type === 'Array'
          ? node.elements.map((e) => evaluate(e.value))
          : undefined
  const value = evaluate(from.node)
  // Only scalars and null can be equal to anything (objects and arrays never are, in GROQ).
  const comparable = (item: unknown) => item === null || isScalar(item)
  if (!from.many || (from.scalarOrList && !Array.isArray(value)))
    return comparable(value) ? [value] : []
  return Array.isArray(value) ? value.filter(comparable) : []
}

/** A constant narrowing with its values: which candidates it stands for under these parameters. */
function valuesKey(narrowing: Narrowing, params: Record<string, unknown>): string {
  const describe = (part: Narrowing): unknown =>
    part.kind === 'union' || part.kind === 'intersection'
      ? [part.kind, part.parts.map(describe)]
      : [
          part.kind === 'attribute' && part.negated ? 'attribute!=' : part.kind,
          part.kind === 'references' ? null : part.kind === 'text' ? part.left : part.path,
          constantValues(part.source, params),
        ]
  return JSON.stringify(describe(narrowing))
}

/** Decoded outer values are strings; a stored value may be their number or boolean twin. */
function withTwins(values: string[]): unknown[] {
  const out: unknown[] = []
  for (const value of values) {
    out.push(value)
    if (value === 'true' || value === 'false') out.push(value === 'true')
    else if (value.trim() !== '' && !Number.isNaN(Number(value))) out.push(Number(value))
  }
  return out
}

function candidates(
  indexes: ViewIndexes,
  narrowing: Narrowing,
  params: Record<string, unknown>,
  outer: string[][],
): SanityDocument[] {
  if (narrowing.kind === 'union') {
    const parts = narrowing.parts.map((part) => candidates(indexes, part, params, outer))
    return sorted(parts.flat(), parts.length)
  }
  if (narrowing.kind === 'intersection') {
    // Look up the most selective part (its list is in dataset order) and test the others on each of
    // its documents directly, as their indexes read them: no set of a large list per query.
    const parts = narrowing.parts.map((part) => {
      const keys = new Set(constantValues(part.source, params).map(indexKey))
      // A negated part is tested, never listed (its list is nearly the whole view).
      const list = part.negated ? null : candidates(indexes, part, params, outer)
      return {part, keys, list}
    })
    parts.sort((a, b) => (a.list?.length ?? Infinity) - (b.list?.length ?? Infinity))
    const [first, ...others] = parts
    const base = first!.list ?? candidates(indexes, first!.part, params, outer)
    return base.filter((doc) =>
      others.every(
        ({part, keys}) => keys.has(indexKey(valueAt(doc, part.path))) !== (part.negated ?? false),
      ),
    )
  }
  if (narrowing.kind === 'match') {
    // The pattern as given: an outer one arrives as its string, with no number or boolean twins.
    const pattern =
      narrowing.source.kind === 'constant'
        ? constantValues(narrowing.source, params)[0]
        : (outer.shift() ?? [])[0]
    const {path} = narrowing
    return indexes.text(JSON.stringify(path), (doc) => valueAt(doc, path)).lookup(pattern)
  }
  if (narrowing.kind === 'typed') return indexes.ofType(narrowing.path, narrowing.type)
  if (narrowing.kind === 'text')
    return indexes.textMatches(narrowing.left, constantValues(narrowing.source, params)[0])
      .documents
  const values =
    narrowing.source.kind === 'constant'
      ? constantValues(narrowing.source, params)
      : withTwins(outer.shift() ?? [])
  if (narrowing.kind === 'attribute' && narrowing.negated) {
    const equal = new Set(indexes.lookup(narrowing, values))
    return indexes.view.documents.filter((doc) => !equal.has(doc))
  }
  return indexes.lookup(narrowing, values)
}

/**
 * Whether a document is among `narrowing`'s candidates, tested on the document alone exactly as the
 * lookups read it, so that a kept list can follow a change; null for lookups not tested this way
 * (text and `match`, whose lists are then rebuilt).
 */
function memberOf(
  narrowing: Narrowing,
  params: Record<string, unknown>,
): ((doc: SanityDocument) => boolean) | null {
  switch (narrowing.kind) {
    case 'attribute': {
      if (narrowing.source.kind !== 'constant') return null
      const keys = new Set(constantValues(narrowing.source, params).map(indexKey))
      const {path, negated = false} = narrowing
      return (doc) => keys.has(indexKey(valueAt(doc, path))) !== negated
    }
    case 'references': {
      if (narrowing.source.kind !== 'constant') return null
      const ids = new Set(constantValues(narrowing.source, params))
      return (doc) => [...allReferences(doc)].some((ref) => ids.has(ref))
    }
    case 'typed':
      return (doc) => typeof valueAt(doc, narrowing.path) === narrowing.type
    case 'union':
    case 'intersection': {
      const parts = narrowing.parts.map((part) => memberOf(part, params))
      if (parts.some((part) => part === null)) return null
      const tests = parts as ((doc: SanityDocument) => boolean)[]
      return narrowing.kind === 'union'
        ? (doc) => tests.some((test) => test(doc))
        : (doc) => tests.every((test) => test(doc))
    }
    default:
      return null
  }
}

function upkeepOf(
  narrowing: Narrowing,
  params: Record<string, unknown>,
  ordering?: Ordering,
): Upkeep | null {
  const member = memberOf(narrowing, params)
  return member ? {member, ...(ordering && {ordering})} : null
}

/** The outer values a lookup key carries; null (scan instead) when a value held a separator. */
function decodeOuter(segments: string[], expected: number): string[][] | null {
  // A separator inside a value adds segments or items, never removes them: counts catch it.
  if (segments.length !== expected) return null
  const lists: string[][] = []
  for (const segment of segments) {
    const colon = segment.indexOf(':')
    const count = Number(segment.slice(0, colon))
    if (colon < 0 || !Number.isInteger(count)) return null
    const items = count === 0 ? [] : segment.slice(colon + 1).split(ITEM)
    if (items.length !== count) return null
    lists.push(items)
  }
  return lists
}

// ---------------------------------------------------------------------------------------------

/** Sanity's shape for GROQ errors: HTTP 400, `type: 'queryParseError'`, the offending span. */
export function queryError(query: string, error: unknown): LakeError {
  if (error instanceof LakeError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof GroqSyntaxError) {
    return new LakeError(400, {
      description:
        message.replace(/^Syntax error in GROQ query at position \d+: ?/, '') || 'syntax error',
      type: 'queryParseError',
      query,
      start: error.position,
      end: Math.min(query.length, error.position + 1),
    })
  }
  const description =
    message === 'not implemented'
      ? 'The query uses a GROQ function the local dataset does not implement'
      : message
  return new LakeError(400, {
    description,
    type: 'queryParseError',
    query,
    start: 0,
    end: query.length,
  })
}

/** The parameters a parsed query uses (ours, marked with a NUL, excluded). */
export function queryParameters(tree: ExprNode): Set<string> {
  return parameterNames(tree)
}

/** A query using a parameter it was not given is a 400, as on Sanity (groq-js would read null). */
export function checkParameters(
  query: string,
  used: Iterable<string>,
  params: Record<string, unknown>,
): void {
  for (const name of used) {
    if (!(name in params)) {
      const start = Math.max(0, query.indexOf(`$${name}`))
      throw new LakeError(400, {
        description: `param $${name} referenced, but not provided`,
        type: 'queryParseError',
        query,
        start,
        end: start + name.length + 1,
      })
    }
  }
}

/** A bounded cache; the insertion-ordered map serves as the recency list. */
class Lru<V> {
  private readonly entries = new Map<string, V>()
  private readonly limit: number

  constructor(limit: number) {
    this.limit = limit
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key)
    if (hit !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  set(key: string, value: V): V {
    this.entries.set(key, value)
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!)
    return value
  }
}

export interface QueryResult<R = unknown> {
  result: R
  ms: number
}

/** Evaluates GROQ against a store, one cached view per perspective (rebuilt when the store changes). */
export class QueryEngine {
  private readonly views = new Map<ViewKind, {version: number; indexes: ViewIndexes}>()
  private readonly parsed = new Lru<ParsedQuery>(CACHE_LIMIT)
  private readonly prepared = new Lru<PreparedQuery>(CACHE_LIMIT)

  private readonly store: DocumentSource
  private readonly useTextIndex: boolean

  /** `textIndex: false` finds text-query matches by scanning (the differential test's reference). */
  constructor(store: DocumentSource, options: {textIndex?: boolean} = {}) {
    this.store = store
    this.useTextIndex = options.textIndex ?? true
    store.subscribe((event) => this.follow(event))
  }

  /**
   * Applies a commit to the views built so far instead of rebuilding them (a Studio commits on every
   * keystroke); a large transaction, or a view that fell behind, is simply rebuilt when next used.
   */
  private follow(event: CommitEvent): void {
    for (const [perspective, cached] of this.views) {
      if (cached.version !== this.store.version - 1 || event.changes.length > INCREMENTAL_LIMIT) {
        this.views.delete(perspective)
        continue
      }
      const changes = updateView(
        cached.indexes.view,
        event.changes.map((change) => change.id),
        (id) => this.store.get(id),
      )
      cached.indexes.apply(changes)
      cached.version = this.store.version
    }
  }

  view(perspective: ViewKind): ViewIndexes {
    const cached = this.views.get(perspective)
    if (cached && cached.version === this.store.version) return cached.indexes
    const indexes = new ViewIndexes(
      buildView(this.store.documents(), perspective),
      this.useTextIndex,
    )
    this.views.set(perspective, {version: this.store.version, indexes})
    return indexes
  }

  /**
   * Parses once per query (once per parameter set when parsing needs the parameters: slices), then
   * folds the parameters' null tests and chooses candidates once per pattern of null parameters.
   */
  prepare(query: string, params: Record<string, unknown>): PreparedQuery {
    const parsed = this.parse(query, params)
    const nulls = parsed.nullTested.map((name) => (params[name] == null ? '1' : '0')).join('')
    const key = `${parsed.key}\u0000${nulls}`
    const hit = this.prepared.get(key)
    if (hit) return hit
    const context: Rewriting = {narrowings: [], orderings: [], texts: []}
    return this.prepared.set(key, {
      tree: rewrite(
        rewriteTextQueries(foldParameters(parsed.tree, params), context.texts),
        context,
      ),
      ...context,
      parameters: parsed.parameters,
    })
  }

  private parse(query: string, params: Record<string, unknown>): ParsedQuery {
    const generic = this.parsed.get(query)
    if (generic) return generic
    // A slice's bounds must be numbers when parsing: given only the numeric parameters, groq-js
    // writes those in and leaves the rest as parameters, so one parse serves every `$q` of a page.
    const numeric = Object.fromEntries(
      Object.entries(params).filter(([, value]) => typeof value === 'number'),
    )
    const numericKey = `${query}\u0000${JSON.stringify(numeric)}`
    const specificKey = `${query}\u0000\u0000${JSON.stringify(params)}`
    const specific = this.parsed.get(numericKey) ?? this.parsed.get(specificKey)
    if (specific) return specific
    let tree: ExprNode
    let key = query
    try {
      tree = parse(query)
    } catch (error) {
      if (error instanceof GroqSyntaxError) throw queryError(query, error)
      try {
        tree = parse(query, {params: numeric})
        key = numericKey
      } catch {
        try {
          tree = parse(query, {params})
          key = specificKey
        } catch (inner) {
          throw queryError(query, inner)
        }
      }
    }
    return this.parsed.set(key, {
      key,
      tree,
      parameters: parameterNames(tree),
      nullTested: nullTestedParameters(tree),
    })
  }

  /** Evaluates a query (synchronously: the indexes need no I/O). */
  fetch<R = unknown>(
    query: string,
    params: Record<string, unknown> = {},
    perspective: ViewKind = 'raw',
  ): QueryResult<R> {
    const started = performance.now()
    if (typeof query !== 'string' || !query.trim())
      throw queryError(String(query ?? ''), new Error('The query is empty'))
    const {tree, narrowings, orderings, texts, parameters} = this.prepare(query, params)
    checkParameters(query, parameters, params)
    const indexes = this.view(perspective)
    const evaluationParams: Record<string, unknown> = {...params}
    const sortedOnly = new Set(orderings.map((ordering) => ordering.narrowing))
    narrowings.forEach((narrowing, i) => {
      if (isDynamic(narrowing) || sortedOnly.has(i)) return
      // A merge of several lists (`_type in [...]`, a union, an intersection) is kept for the next
      // query: searchQuery's fallback merged 33,000 documents on every search otherwise.
      const merged =
        narrowing.kind === 'union' ||
        narrowing.kind === 'intersection' ||
        (narrowing.kind === 'attribute' && narrowing.source.many)
      evaluationParams[`${CANDIDATES_PARAM}${i}`] = merged
        ? indexes.sorted(
            `\u0000candidates\u0000${valuesKey(narrowing, params)}`,
            () => candidates(indexes, narrowing, params, []),
            () => upkeepOf(narrowing, params),
          )
        : candidates(indexes, narrowing, params, [])
    })
    orderings.forEach((ordering, i) => {
      const narrowing = narrowings[ordering.narrowing]!
      const sorted = indexes.sorted(
        `${ordering.key}\u0000${valuesKey(narrowing, params)}`,
        () => sortCandidates(ordering, candidates(indexes, narrowing, params, [])),
        () => upkeepOf(narrowing, params, ordering),
      )
      evaluationParams[`${ORDERED_PARAM}${i}`] =
        ordering.prefix === null ? sorted : sorted.slice(0, ordering.prefix)
    })
    const textQuery = (clause: TextClause): unknown =>
      clause.query.type === 'Value'
        ? clause.query.value
        : params[(clause.query as {name: string}).name]
    texts.forEach((clause, i) => {
      const query = textQuery(clause)
      evaluationParams[`${TEXT_PATTERN_PARAM}${i}`] =
        typeof query === 'string' ? scorePattern(parseTextQuery(query)) : ''
    })
    const documents = indexes.view.byId
    const dereference = ({_ref}: {_ref: string}) => {
      const textKey = parseTextKey(_ref)
      if (textKey) {
        const clause = texts[textKey.clause]
        if (!clause) return null
        return indexes.textMatches(clause.left, textQuery(clause)).tokens.get(textKey.id) ?? []
      }
      if (!_ref.startsWith(LOOKUP_PREFIX)) return documents.get(_ref) ?? null
      const [head, ...segments] = _ref.slice(LOOKUP_PREFIX.length).split(SEGMENT)
      const narrowing = narrowings[Number(head)]
      const outer = narrowing ? decodeOuter(segments, outerSources(narrowing).length) : null
      // Undecodable: null makes the filter fall back to scanning every document.
      return narrowing && outer ? candidates(indexes, narrowing, params, outer) : null
    }
    let result: unknown
    try {
      result = toJS(
        evaluateSync(tree, {
          dataset: indexes.view.documents,
          params: evaluationParams,
          dereference: dereference as never,
        }),
      )
    } catch (error) {
      throw queryError(query, error)
    }
    return {result: result as R, ms: performance.now() - started}
  }

  /** Ids a query selects in the raw perspective (delete and patch by query). */
  selectIds(query: string, params: Record<string, unknown>): string[] {
    return idsOf(this.fetch<unknown>(query, params, 'raw').result)
  }
}

function idsOf(result: unknown): string[] {
  const items = Array.isArray(result)
    ? result
    : result === null || result === undefined
      ? []
      : [result]
  return items.flatMap((item) =>
    typeof item === 'string'
      ? [item]
      : item && typeof item === 'object' && typeof (item as {_id?: unknown})._id === 'string'
        ? [(item as {_id: string})._id]
        : [],
  )
}
