// Ordered access: `*[filter] | order(…) [a...b]` over constant candidates sorts every candidate on
// every query. Here the candidates are sorted once per view version (by groq-js's own `order`, so
// nulls, mixed types and ties come out exactly as GROQ orders them) and kept; the query then reads
// the sorted list and drops its `order(…)`:
//   - filtering keeps the order of a sorted list, and groq-js's order is a stable sort on a total
//     preorder (type rank, then value, then position), so `sorted[filter]` equals
//     `candidates[filter] | order(…)` element for element;
//   - when the filter is wholly answered by the lookup (`_type == "claim"`), a slice `[a...b]` needs
//     only the first `b` sorted candidates, so only those are handed to groq-js.
import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import {positionOf} from './perspective.ts'
import type {SanityDocument} from './types.ts'

export const ORDERED_PARAM = '\u0000lake:ordered:'
const SORT_PARAM = '\u0000lake:sort'

export interface Ordering {
  /** The index of the constant narrowing whose candidates are sorted. */
  narrowing: number
  /** The `order(…)` call, applied to the candidates once when the sorted list is built. */
  order: ExprNode
  /** How many sorted candidates the query reads (a slice's end), or null for all of them. */
  prefix: number | null
  /** JSON of the order terms: with the narrowing's values, the sorted list's cache key. */
  key: string
}

/**
 * Reads only the element itself, so one evaluation per document serves every query (sorted lists,
 * text matches): `^` and `$x` vary between evaluations, `*` and `->` read other documents.
 */
export function readsOnlyTheElement(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(readsOnlyTheElement)
  if (!node || typeof node !== 'object') return true
  const type = (node as {type?: unknown}).type
  if (type === 'Value') return true
  if (type === 'Parent' || type === 'Parameter' || type === 'Everything' || type === 'Deref')
    return false
  return Object.values(node).every(readsOnlyTheElement)
}

/**
 * `$candidates[filter] | order(…)` → `$ordered[filter]` (or just `$ordered` when the filter was
 * answered wholly by the lookup); null when the pattern does not apply.
 */
export function orderedBase(
  node: ExprNode,
  candidatesParam: string,
  orderings: Ordering[],
): ExprNode | null {
  if (node.type !== 'PipeFuncCall' || node.name !== 'order' || node.args.length === 0) return null
  const filter = node.base
  if (filter.type !== 'Filter' || filter.base.type !== 'Parameter') return null
  if (!filter.base.name.startsWith(candidatesParam)) return null
  if (!readsOnlyTheElement(node.args)) return null
  const narrowing = Number(filter.base.name.slice(candidatesParam.length))
  const index =
    orderings.push({
      narrowing,
      order: node,
      prefix: null,
      key: JSON.stringify(node.args),
    }) - 1
  const base: ExprNode = {type: 'Parameter', name: `${ORDERED_PARAM}${index}`}
  return filter.expr.type === 'Value' && filter.expr.value === true ? base : {...filter, base}
}

/** `$ordered[a...b]` reads only the first `b` sorted candidates: records that; null otherwise. */
export function limitOrdered(node: ExprNode, orderings: Ordering[]): ExprNode | null {
  if (node.type !== 'Slice' || node.base.type !== 'Parameter') return null
  if (!node.base.name.startsWith(ORDERED_PARAM)) return null
  const ordering = orderings[Number(node.base.name.slice(ORDERED_PARAM.length))]
  const {left, right} = node
  if (!ordering || left < 0 || right < 0) return null
  ordering.prefix = Math.max(ordering.prefix ?? 0, node.isInclusive ? right + 1 : right)
  return node
}

/** The candidates in the query's order, by groq-js's `order` itself. */
export function sortCandidates(ordering: Ordering, candidates: SanityDocument[]): SanityDocument[] {
  const tree = {...ordering.order, base: {type: 'Parameter', name: SORT_PARAM}} as ExprNode
  return toJS(evaluateSync(tree, {params: {[SORT_PARAM]: candidates}})) as SanityDocument[]
}

/**
 * Whether `a` comes before `b` in `ordering`: groq-js sorts the two, given in dataset (`_id`)
 * order, so its tie-break by position is the sorted list's too.
 */
function comesBefore(ordering: Ordering, a: SanityDocument, b: SanityDocument): boolean {
  const pair = a._id < b._id ? [a, b] : [b, a]
  return sortCandidates(ordering, pair)[0]!._id === a._id
}

/** Where `doc` goes in `list`, sorted by `ordering` (a binary search, groq-js comparing). */
function orderedPosition(list: SanityDocument[], doc: SanityDocument, ordering: Ordering): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (comesBefore(ordering, list[middle]!, doc)) low = middle + 1
    else high = middle
  }
  return low
}

/** How a kept list follows a change: which documents belong, and its order (none: `_id`). */
export interface Upkeep {
  member: (doc: SanityDocument) => boolean
  ordering?: Ordering
}

/**
 * Applies one change of the view to a kept candidate list in place: the old version leaves, the new
 * one enters where the order puts it if it belongs. A groq-js sort is a strict total order here
 * (ties fall back to dataset position, and ids are unique), so a binary search finds the one place a
 * full sort would give it.
 */
export function keepUp(
  list: SanityDocument[],
  {before, after}: {before: SanityDocument | null; after: SanityDocument | null},
  upkeep: Upkeep,
): void {
  const id = (before ?? after)!._id
  const at = list.findIndex((doc) => doc._id === id)
  if (at >= 0) list.splice(at, 1)
  if (!after || !upkeep.member(after)) return
  const position = upkeep.ordering
    ? orderedPosition(list, after, upkeep.ordering)
    : positionOf(list, after._id).index
  list.splice(position, 0, after)
}
