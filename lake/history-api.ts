// Sanity's History API over a dataset's history (history.ts): a document at a revision or a time,
// the transactions of some documents (NDJSON, with mendoza effects on request), and the document
// events the Studio's History panel lists (`/data/history/:dataset/events/documents/:id`).
import {badRequest} from './errors.ts'
import type {HistoryChange, HistoryEntry} from './history.ts'
import {documentEffects} from './mendoza.ts'
import {draftId as toDraftId, isDraftId, publishedId as toPublishedId} from './perspective.ts'
import type {Mutation, SanityDocument} from './types.ts'

/** Where in history a document is asked for: exactly one of these. */
export type HistoryPoint = {revision: string} | {time: string} | {lastRevision: true}

export function historyPoint(search: URLSearchParams): HistoryPoint {
  const revision = search.get('revision')
  const time = search.get('time')
  const last = search.get('lastRevision') === 'true'
  if ([revision, time, last || null].filter((value) => value !== null).length !== 1)
    throw badRequest('Give exactly one of "revision", "time" and "lastRevision"', 'httpBadRequest')
  if (revision !== null) return {revision}
  if (time !== null) {
    if (Number.isNaN(Date.parse(time)))
      throw badRequest(`"time" must be an ISO 8601 date-time, not "${time}"`, 'httpBadRequest')
    return {time: new Date(time).toISOString()}
  }
  return {lastRevision: true}
}

const changeOf = (entry: HistoryEntry, id: string): HistoryChange | undefined =>
  entry.changes.find((change) => change.id === id)

/**
 * The document `id` after the first `count` transactions of `entries`: its last version within
 * them, else (untouched so far) the version its next change started from, else the current one.
 */
function stateAfter(
  entries: HistoryEntry[],
  count: number,
  id: string,
  current: SanityDocument | undefined,
): SanityDocument | null {
  for (let i = count - 1; i >= 0; i--) {
    const change = changeOf(entries[i]!, id)
    if (change) return change.after
  }
  for (let i = count; i < entries.length; i++) {
    const change = changeOf(entries[i]!, id)
    if (change) return change.before
  }
  return current ?? null
}

/** `GET /data/history/:dataset/documents/:ids?revision|time|lastRevision`. */
export function documentsAt(
  entries: HistoryEntry[],
  ids: string[],
  point: HistoryPoint,
  current: (id: string) => SanityDocument | undefined,
): SanityDocument[] {
  const found: (SanityDocument | null)[] = ids.map((id) => {
    if ('lastRevision' in point) {
      const now = current(id)
      if (now) return now
      for (let i = entries.length - 1; i >= 0; i--) {
        const change = changeOf(entries[i]!, id)
        if (change) return change.after ?? change.before
      }
      return null
    }
    if ('time' in point) {
      const count = entries.filter((entry) => entry.timestamp <= point.time).length
      const state = stateAfter(entries, count, id, current(id))
      // A version from before history began is known only from its own timestamps (which an
      // import may write in any ISO form, so they are compared as instants).
      const at = Date.parse(point.time)
      return state && Date.parse(state._updatedAt ?? '') <= at ? state : null
    }
    const index = entries.findIndex((entry) => entry.transactionId === point.revision)
    if (index >= 0) {
      const state = stateAfter(entries, index + 1, id, current(id))
      if (state || !isDraftId(id)) return state
      // A draft asked for at a publish that had no draft (a write straight to the published id,
      // such as an import): the Studio compares edits with it, so it gets the version published
      // then, as the draft a publish would have left. Its _rev is that revision.
      const published = changeOf(entries[index]!, toPublishedId(id))?.after
      return published ? {...published, _id: id} : null
    }
    // A revision older than the history: the version that carries it, if any is known.
    for (const entry of entries) {
      const before = changeOf(entry, id)?.before
      if (before?._rev === point.revision) return before
    }
    const now = current(id)
    return now?._rev === point.revision ? now : null
  })
  return found.filter((doc): doc is SanityDocument => doc !== null)
}

export interface TransactionQuery {
  fromTransaction?: string
  toTransaction?: string
  fromTime?: string
  toTime?: string
  authors?: string[]
  reverse: boolean
  limit?: number
  excludeContent: boolean
  excludeMutations: boolean
  includeIdentifiedDocumentsOnly: boolean
  mendoza: boolean
}

export function transactionQuery(search: URLSearchParams): TransactionQuery {
  const on = (name: string) => search.get(name) === 'true'
  const limitText = search.get('limit')
  const limit = limitText === null ? undefined : Number(limitText)
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw badRequest(`"limit" must be a positive integer, not "${limitText}"`, 'httpBadRequest')
  const authors = search.get('authors')
  return {
    fromTransaction: search.get('fromTransaction') || undefined,
    toTransaction: search.get('toTransaction') || undefined,
    fromTime: search.get('fromTime') || undefined,
    toTime: search.get('toTime') || undefined,
    authors: authors ? authors.split(',').filter(Boolean) : undefined,
    reverse: on('reverse'),
    limit,
    excludeContent: on('excludeContent'),
    excludeMutations: on('excludeMutations'),
    includeIdentifiedDocumentsOnly: on('includeIdentifiedDocumentsOnly'),
    mendoza: search.get('effectFormat') === 'mendoza',
  }
}

/** A mutation without the document it carries (`excludeContent`): its kind and target stay. */
function withoutContent(mutation: Mutation): Mutation {
  const [[kind, body] = []] = Object.entries(mutation)
  if (!kind || typeof body !== 'object' || body === null) return mutation
  const {_id, _type, id} = body as {_id?: string; _type?: string; id?: string}
  return {[kind]: kind === 'patch' || kind === 'delete' ? {id} : {_id, _type}} as Mutation
}

/** `GET /data/history/:dataset/transactions/:ids`: one JSON object per line, oldest first. */
export function transactionLines(
  entries: HistoryEntry[],
  ids: string[],
  query: TransactionQuery,
): string[] {
  const wanted = new Set(ids)
  // Both ends are inclusive and may be transactions of other documents (a publish seen from its
  // draft): they bound by position in the whole history. An id the history lacks sets no bound.
  const from = entries.findIndex((entry) => entry.transactionId === query.fromTransaction)
  const to = entries.findIndex((entry) => entry.transactionId === query.toTransaction)
  let selected = entries
    .slice(Math.max(from, 0), to >= 0 ? to + 1 : undefined)
    .filter((entry) => entry.changes.some((change) => wanted.has(change.id)))
  selected = selected.filter(
    (entry) =>
      (!query.fromTime || entry.timestamp >= query.fromTime) &&
      (!query.toTime || entry.timestamp <= query.toTime) &&
      (!query.authors || query.authors.includes(entry.identity)),
  )
  if (query.reverse) selected.reverse()
  if (query.limit !== undefined) selected = selected.slice(0, query.limit)
  return selected.map((entry) => {
    const changes = query.includeIdentifiedDocumentsOnly
      ? entry.changes.filter((change) => wanted.has(change.id))
      : entry.changes
    const mutations = changes.flatMap((change) =>
      query.excludeContent ? change.mutations.map(withoutContent) : change.mutations,
    )
    return JSON.stringify({
      id: entry.transactionId,
      timestamp: entry.timestamp,
      author: entry.identity,
      documentIDs: changes.map((change) => change.id),
      ...(query.excludeMutations ? {} : {mutations}),
      ...(query.mendoza
        ? {
            effects: Object.fromEntries(
              changes.map((change) => [change.id, documentEffects(change.before, change.after)]),
            ),
          }
        : {}),
    })
  })
}

/** One event of a document group, as the Studio's History panel reads them (newest first). */
export type DocumentEvent = Record<string, unknown> & {type: string; timestamp: string}

/**
 * The events of the group (published id and draft) of `documentId`: drafts created and
 * discarded, publishes, unpublishes and deletes. Edits are not events: the Studio finds them in
 * the transactions between two events.
 */
export function documentEvents(entries: HistoryEntry[], documentId: string): DocumentEvent[] {
  const publishedId = toPublishedId(documentId)
  const draftId = toDraftId(publishedId)
  const events: DocumentEvent[] = []
  for (const entry of entries) {
    const published = changeOf(entry, publishedId)
    const draft = changeOf(entry, draftId)
    if (!published && !draft) continue
    const base = {
      id: entry.transactionId,
      timestamp: entry.timestamp,
      author: entry.identity,
      documentId: publishedId,
    }
    if (published?.after && draft?.before && !draft.after) {
      events.push({
        ...base,
        type: 'publishDocumentVersion',
        revisionId: entry.transactionId,
        versionId: draftId,
        versionRevisionId: draft.before._rev,
        publishCause: 'document.publish',
      })
    } else if (published?.before && !published.after && draft?.after && !draft.before) {
      events.push({
        ...base,
        type: 'unpublishDocument',
        versionId: draftId,
        versionRevisionId: entry.transactionId,
      })
    } else if (published && !published.after && (!draft || !draft.after)) {
      events.push({...base, type: 'deleteDocumentGroup'})
    } else {
      if (draft && !draft.before && draft.after)
        events.push({
          ...base,
          type: 'createDocumentVersion',
          versionId: draftId,
          versionRevisionId: entry.transactionId,
        })
      if (draft?.before && !draft.after)
        events.push({
          ...base,
          type: 'deleteDocumentVersion',
          versionId: draftId,
          versionRevisionId: draft.before._rev,
        })
      // Written straight to the published id (an import, a script): a new published version.
      if (published?.after)
        events.push({
          ...base,
          type: 'publishDocumentVersion',
          revisionId: entry.transactionId,
          versionId: publishedId,
          publishCause: 'document.publish',
        })
    }
  }
  return events.reverse()
}
