// Perspectives: which documents a query sees. groq-js knows nothing of drafts, so each perspective
// is materialised as its own list (with an id index for `->` and a per-type index for `*[_type…]`).
import type {Perspective, SanityDocument} from './types.ts'

export const DRAFTS_PREFIX = 'drafts.'
const VERSIONS_PREFIX = 'versions.'

/**
 * A view a query runs over: a perspective, or `public`, what anonymous readers of a Sanity dataset
 * see: published documents in the root path only (no dot in the id: not `drafts.`, `versions.`,
 * `secret.x` or `_.releases.…`).
 */
export type ViewKind = Perspective | 'public'

export const isDraftId = (id: string) => id.startsWith(DRAFTS_PREFIX)
/** Ids with a dot live below the root path, which anonymous readers never see. */
export const isRootPathId = (id: string) => !id.includes('.')
export const isVersionId = (id: string) => id.startsWith(VERSIONS_PREFIX)
export const publishedId = (id: string) =>
  isDraftId(id)
    ? id.slice(DRAFTS_PREFIX.length)
    : isVersionId(id)
      ? id.split('.').slice(2).join('.')
      : id
export const draftId = (id: string) => (isDraftId(id) ? id : `${DRAFTS_PREFIX}${publishedId(id)}`)

export interface View {
  readonly perspective: ViewKind
  /** Sorted by `_id`. */
  readonly documents: SanityDocument[]
  readonly byId: Map<string, SanityDocument>
  /** Each list sorted by `_id`. */
  readonly byType: Map<string, SanityDocument[]>
}

/** A document leaving and/or entering a view (null on the side where it is absent). */
export interface ViewChange {
  before: SanityDocument | null
  after: SanityDocument | null
}

export function isPerspective(value: unknown): value is Perspective {
  return value === 'raw' || value === 'published' || value === 'drafts'
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Where `id` is, or would go, in a list sorted by `_id`. */
export function positionOf(list: SanityDocument[], id: string): {index: number; found: boolean} {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]!._id < id) low = middle + 1
    else high = middle
  }
  return {index: low, found: low < list.length && list[low]!._id === id}
}

/** Replaces, inserts or removes (`doc` null) the entry for `id` in a list sorted by `_id`. */
export function placeInSorted(
  list: SanityDocument[],
  id: string,
  doc: SanityDocument | null,
): void {
  const {index, found} = positionOf(list, id)
  if (doc && found) list[index] = doc
  else if (doc) list.splice(index, 0, doc)
  else if (found) list.splice(index, 1)
}

/** The document `perspective` shows under `id`, from the whole dataset (`get` reads it). */
function visible(
  perspective: ViewKind,
  id: string,
  get: (id: string) => SanityDocument | undefined,
): SanityDocument | null {
  if (perspective === 'public' && !isRootPathId(id)) return null
  if (perspective !== 'drafts') return get(id) ?? null
  const draft = get(`${DRAFTS_PREFIX}${id}`)
  if (draft) return {...draft, _id: id, _originalId: draft._id}
  const published = get(id)
  return published ? {...published, _originalId: published._id} : null
}

/** The documents `perspective` sees, in a stable order (by `_id`, as the Lake returns unordered reads). */
export function buildView(all: Iterable<SanityDocument>, perspective: ViewKind): View {
  const byId = new Map<string, SanityDocument>()
  if (perspective === 'raw') {
    for (const doc of all) byId.set(doc._id, doc)
  } else if (perspective === 'published') {
    for (const doc of all) if (!isDraftId(doc._id) && !isVersionId(doc._id)) byId.set(doc._id, doc)
  } else if (perspective === 'public') {
    for (const doc of all) if (isRootPathId(doc._id)) byId.set(doc._id, doc)
  } else {
    const drafts: SanityDocument[] = []
    for (const doc of all) {
      if (isVersionId(doc._id)) continue
      if (isDraftId(doc._id)) drafts.push(doc)
      else if (!byId.has(doc._id)) byId.set(doc._id, {...doc, _originalId: doc._id})
    }
    for (const draft of drafts) {
      const id = publishedId(draft._id)
      byId.set(id, {...draft, _id: id, _originalId: draft._id})
    }
  }
  const documents = [...byId.values()].sort((a, b) => compareIds(a._id, b._id))
  const byType = new Map<string, SanityDocument[]>()
  for (const doc of documents) {
    let list = byType.get(doc._type)
    if (!list) byType.set(doc._type, (list = []))
    list.push(doc)
  }
  return {perspective, documents, byId, byType}
}

/**
 * Brings a view up to date with changed dataset ids (the store already holds the new state), and
 * says what changed in the view, so indexes built on it can follow.
 */
export function updateView(
  view: View,
  changedIds: Iterable<string>,
  get: (id: string) => SanityDocument | undefined,
): ViewChange[] {
  const ids = new Set<string>()
  for (const id of changedIds) {
    if (view.perspective === 'public') {
      if (isRootPathId(id)) ids.add(id)
    } else if (isVersionId(id)) {
      if (view.perspective === 'raw') ids.add(id)
    } else if (view.perspective === 'raw') ids.add(id)
    else if (view.perspective === 'drafts') ids.add(publishedId(id))
    else if (!isDraftId(id)) ids.add(id)
  }
  const changes: ViewChange[] = []
  for (const id of ids) {
    const before = view.byId.get(id) ?? null
    const after = visible(view.perspective, id, get)
    if (before === after) continue
    if (after) view.byId.set(id, after)
    else view.byId.delete(id)
    placeInSorted(view.documents, id, after)
    if (before && (!after || before._type !== after._type)) {
      const list = view.byType.get(before._type)
      if (list) {
        placeInSorted(list, id, null)
        if (list.length === 0) view.byType.delete(before._type)
      }
    }
    if (after) {
      let list = view.byType.get(after._type)
      if (!list) view.byType.set(after._type, (list = []))
      placeInSorted(list, id, after)
    }
    changes.push({before, after})
  }
  return changes
}
