// Stage 7: one article's documents → the dataset, in one transaction, merged with what is there.
// Entities are matched across articles by id, name or alias and only their empty fields are filled;
// claims an editor has reviewed are left alone; a re-import that changes nothing writes nothing.
import {defineQuery} from 'groq'
import type {DatasetTarget, Mutation, SanityDocument} from '../lake/target.ts'
import type {SanityDoc} from './documents.ts'
import type {ImportResult} from './pipeline.ts'

export type DocType = 'article' | 'claim' | 'person' | 'place' | 'organization'
export const DOC_TYPES: DocType[] = ['article', 'claim', 'person', 'place', 'organization']

export interface TypeCounts {
  created: number
  updated: number
  unchanged: number
  /** Unreviewed claims a new import no longer finds. */
  deleted: number
}

export interface WriteSummary {
  transactionId?: string
  counts: Record<DocType, TypeCounts>
  /** Claims of this article by source kind (person / organization / unnamed). */
  claimsBySourceKind: Record<string, number>
  /** Entity ids this import mapped onto existing documents (ours → theirs). */
  reused: Record<string, string>
}

const ENTITY_TYPES = new Set(['person', 'place', 'organization'])
const SYSTEM_FIELDS = new Set(['_rev', '_createdAt', '_updatedAt'])

export const existingEntitiesQuery = defineQuery(
  `*[_type in ["person", "place", "organization"] && !(_id in path("drafts.**")) && (lower(name) in $names || count(aliases[lower(@) in $names]) > 0)]{_id, _type, name, aliases}`,
)
export const articleClaimsQuery = defineQuery(
  `*[_type == "claim" && article._ref == $articleId && !(_id in path("drafts.**"))]{_id, reviewStatus, verification}`,
)

export function emptyCounts(): Record<DocType, TypeCounts> {
  return Object.fromEntries(
    DOC_TYPES.map((t) => [t, {created: 0, updated: 0, unchanged: 0, deleted: 0}]),
  ) as Record<DocType, TypeCounts>
}

/** Writes an import to the target. `dryRun` plans the same mutations and writes nothing. */
export async function writeImport(
  target: DatasetTarget,
  result: ImportResult,
  options: {dryRun?: boolean} = {},
): Promise<WriteSummary> {
  const counts = emptyCounts()
  const claimsBySourceKind: Record<string, number> = {}
  for (const c of result.claims) {
    const kind = String((c.source as {kind?: string} | undefined)?.kind ?? 'unknown')
    claimsBySourceKind[kind] = (claimsBySourceKind[kind] ?? 0) + 1
  }

  // 1. Entities already in the dataset under another id, found by name or alias.
  const docs = result.documents.map((d) => structuredClone(d))
  const entities = docs.filter((d) => ENTITY_TYPES.has(d._type))
  const names = [
    ...new Set(
      entities.flatMap((e) =>
        [e.name, ...((e.aliases as string[]) ?? [])]
          .filter((n): n is string => typeof n === 'string')
          .map((n) => n.toLowerCase()),
      ),
    ),
  ]
  const byId = new Map(
    (await target.getDocuments(docs.map((d) => d._id)))
      .filter((d): d is SanityDocument => !!d)
      .map((d) => [d._id, d]),
  )
  const candidates = names.length
    ? await target.fetch<{_id: string; _type: string; name?: string; aliases?: string[]}[]>(
        existingEntitiesQuery,
        {names},
        {perspective: 'raw'},
      )
    : []
  const reused: Record<string, string> = {}
  for (const e of entities) {
    if (byId.has(e._id)) continue
    const name = String(e.name).toLowerCase()
    const aliases = ((e.aliases as string[]) ?? []).map((a) => a.toLowerCase())
    const sameType = candidates.filter((c) => c._type === e._type && c._id !== e._id)
    // A name match beats an alias match; people only by their full name or a full-name alias.
    const match =
      sameType.find((c) => c.name?.toLowerCase() === name) ??
      sameType.find((c) => (c.aliases ?? []).some((a) => a.toLowerCase() === name)) ??
      (e._type === 'person'
        ? undefined
        : sameType.find((c) => c.name && aliases.includes(c.name.toLowerCase())))
    if (match) reused[e._id] = match._id
  }
  if (Object.keys(reused).length) {
    remapRefs(docs, reused)
    for (const e of entities) if (reused[e._id]) e._id = reused[e._id]!
    for (const [id, doc] of (await target.getDocuments(Object.values(reused))).map(
      (d, i) => [Object.values(reused)[i]!, d] as const,
    ))
      if (doc) byId.set(id, doc)
  }

  // 2. Plan one mutation per document that changes.
  const mutations: Mutation[] = []
  const seenIds = new Set<string>()
  for (const doc of docs) {
    if (seenIds.has(doc._id)) continue
    seenIds.add(doc._id)
    const type = doc._type as DocType
    const existing = byId.get(doc._id)
    if (!existing) {
      mutations.push({createIfNotExists: doc as SanityDocument})
      counts[type].created++
      continue
    }
    if (ENTITY_TYPES.has(type)) {
      const patch = fillEmpty(existing, doc)
      if (patch) {
        mutations.push({patch: {id: doc._id, ...patch}})
        counts[type].updated++
      } else counts[type].unchanged++
      continue
    }
    if (type === 'claim' && editorTouched(existing)) {
      counts.claim.unchanged++
      continue
    }
    // Articles and unreviewed claims follow the import, keeping fields an editor added.
    const next = {...stripSystem(existing), ...doc}
    if (type === 'article') preserveImportedAt(next, existing)
    if (sameContent(next, existing)) counts[type].unchanged++
    else {
      mutations.push({createOrReplace: next as SanityDocument})
      counts[type].updated++
    }
  }

  // 3. Claims of an earlier import of this article that this one no longer finds, if nobody reviewed them.
  const stale = (
    await target.fetch<{_id: string; reviewStatus?: string; verification?: string}[]>(
      articleClaimsQuery,
      {articleId: result.article._id},
      {perspective: 'raw'},
    )
  ).filter((c) => !seenIds.has(c._id) && !editorTouched(c))
  for (const c of stale) {
    mutations.push({delete: {id: c._id}})
    counts.claim.deleted++
  }

  if (!mutations.length || options.dryRun) return {counts, claimsBySourceKind, reused}
  const outcome = await target.mutate(mutations, {transactionId: transactionIdFor(result)})
  return {transactionId: outcome.transactionId, counts, claimsBySourceKind, reused}
}

/** Reviewed by an editor: approved, rejected, sent for review, or its verification set. */
function editorTouched(doc: Record<string, unknown>): boolean {
  return (
    (doc.reviewStatus !== undefined && doc.reviewStatus !== 'extracted') ||
    (doc.verification !== undefined && doc.verification !== 'unverified')
  )
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** Set only the fields the existing document lacks; aliases become the union of both. */
function fillEmpty(
  existing: SanityDocument,
  doc: SanityDoc,
): {set?: Record<string, unknown>} | undefined {
  const set: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(doc)) {
    if (field.startsWith('_') || isEmpty(value)) continue
    if (isEmpty(existing[field])) set[field] = value
  }
  const aliases = (existing.aliases as string[] | undefined) ?? []
  const incoming = ((doc.aliases as string[] | undefined) ?? []).concat(
    doc.name !== existing.name && typeof doc.name === 'string' ? [doc.name] : [],
  )
  const lower = new Set([...aliases, String(existing.name ?? '')].map((a) => a.toLowerCase()))
  const added = incoming.filter(
    (a) => !lower.has(a.toLowerCase()) && (lower.add(a.toLowerCase()), true),
  )
  if (added.length && !('aliases' in set)) set.aliases = [...aliases, ...added]
  return Object.keys(set).length ? {set} : undefined
}

function stripSystem(doc: SanityDocument): SanityDocument {
  return Object.fromEntries(
    Object.entries(doc).filter(([k]) => !SYSTEM_FIELDS.has(k)),
  ) as SanityDocument
}

/** The time of import is not a change: a re-import of the same text keeps the first one. */
function preserveImportedAt(next: Record<string, unknown>, existing: SanityDocument) {
  const prev = existing.import as {importedAt?: string; sha256?: string} | undefined
  const cur = next.import as {importedAt?: string; sha256?: string} | undefined
  if (prev?.importedAt && cur && prev.sha256 === cur.sha256)
    next.import = {...cur, importedAt: prev.importedAt}
}

function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return (
    stableJson(stripSystem(a as SanityDocument)) === stableJson(stripSystem(b as SanityDocument))
  )
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  )
}

/** Rewrites references (`_ref`) to entities that already exist under another id. */
function remapRefs(value: unknown, map: Record<string, string>): void {
  if (Array.isArray(value)) for (const v of value) remapRefs(v, map)
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (typeof obj._ref === 'string' && map[obj._ref]) obj._ref = map[obj._ref]
    for (const v of Object.values(obj)) if (v && typeof v === 'object') remapRefs(v, map)
  }
}

/** Stable per article and text: the same import of the same text is recognisably the same transaction. */
function transactionIdFor(result: ImportResult): string {
  const sha = (result.article.import as {sha256?: string} | undefined)?.sha256 ?? ''
  return `import-${result.article._id.slice(8, 40)}-${sha.slice(0, 12)}-${Date.now().toString(36)}`
}
