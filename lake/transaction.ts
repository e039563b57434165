// Runs one transaction against a snapshot of the dataset, all or nothing, as the Content Lake does:
// every mutation sees the effects of the ones before it; the result is checked as a whole.
import {randomBytes} from 'node:crypto'
import {Mutation as MutatorMutation} from '@sanity/mutator'
import {badRequest, mutationError} from './errors.ts'
import {strongReferences} from './references.ts'
import type {Mutation, MutationOperation, PatchOperations, SanityDocument} from './types.ts'

export interface TransactionContext {
  /** The committed document with this id. */
  get(id: string): SanityDocument | undefined
  /** Ids of the committed documents a GROQ query selects (delete and patch by query). */
  select(query: string, params: Record<string, unknown>): string[]
  /** Ids of committed documents that strongly reference `id`. */
  referrers(id: string): Iterable<string>
  transactionId: string
  timestamp: string
}

export interface DocumentChange {
  id: string
  before: SanityDocument | null
  after: SanityDocument | null
  /** This document's share of the transaction, ids resolved (what a listener receives). */
  mutations: Mutation[]
}

export interface TransactionOutcome {
  transactionId: string
  timestamp: string
  changes: DocumentChange[]
  results: {id: string; operation: MutationOperation}[]
}

const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const PATCH_OPERATIONS = [
  'set',
  'setIfMissing',
  'unset',
  'inc',
  'dec',
  'insert',
  'diffMatchPatch',
] as const

/** Base62, 22 characters: the shape of the Lake's transaction ids and revisions. */
export function randomId(length = 22): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += alphabet[byte % 62]
  return id
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

function checkId(id: unknown, index: number): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw badRequest(
      `Mutation ${index}: document id ${JSON.stringify(id)} is not a valid id`,
      'validationError',
    )
  }
  return id
}

function checkDocument(value: unknown, index: number, kind: string): Record<string, unknown> {
  if (!isRecord(value))
    throw badRequest(`Mutation ${index}: ${kind} needs a document object`, 'validationError')
  if (typeof value._type !== 'string' || value._type === '') {
    throw badRequest(`Mutation ${index}: ${kind} needs a document with a _type`, 'validationError')
  }
  return structuredClone(value)
}

function checkPatch(value: unknown, index: number): PatchOperations {
  if (!isRecord(value))
    throw badRequest(`Mutation ${index}: patch needs an object`, 'validationError')
  for (const key of ['set', 'setIfMissing', 'inc', 'dec', 'diffMatchPatch'] as const) {
    if (key in value && !isRecord(value[key]))
      throw badRequest(`Mutation ${index}: patch.${key} must be an object`, 'validationError')
  }
  if (
    'unset' in value &&
    !(Array.isArray(value.unset) && value.unset.every((path) => typeof path === 'string'))
  ) {
    throw badRequest(`Mutation ${index}: patch.unset must be an array of paths`, 'validationError')
  }
  if ('insert' in value) {
    const insert = value.insert
    const places = isRecord(insert)
      ? ['before', 'after', 'replace'].filter((key) => typeof insert[key] === 'string')
      : []
    if (!isRecord(insert) || places.length !== 1 || !Array.isArray(insert.items)) {
      throw badRequest(
        `Mutation ${index}: patch.insert needs one of before/after/replace and an items array`,
        'validationError',
      )
    }
  }
  for (const key of ['inc', 'dec'] as const) {
    const numbers = value[key]
    if (isRecord(numbers) && Object.values(numbers).some((n) => typeof n !== 'number')) {
      throw badRequest(`Mutation ${index}: patch.${key} values must be numbers`, 'validationError')
    }
  }
  return structuredClone(value) as PatchOperations
}

/** Fills in `_id` for a create: absent → random, ending in `.` → that prefix plus a random id. */
function resolveCreateId(doc: Record<string, unknown>, index: number): string {
  const id = doc._id
  if (id === undefined || id === null || id === '') return randomId()
  if (typeof id === 'string' && id.endsWith('.')) return checkId(`${id}${randomId()}`, index)
  return checkId(id, index)
}

/**
 * One transaction in progress over the committed state seen through `context`: mutations apply in
 * order, each seeing the ones before; `finish` stamps the changed documents and checks references.
 * Any error leaves the committed state untouched (nothing is written until the store commits).
 */
export class Transaction {
  private readonly working = new Map<string, SanityDocument | null>()
  private readonly changes = new Map<string, DocumentChange>()
  private readonly touchedBy = new Map<string, number>()
  private readonly results: TransactionOutcome['results'] = []

  constructor(private readonly context: TransactionContext) {}

  get transactionId(): string {
    return this.context.transactionId
  }

  /** The document as this transaction has left it so far. */
  get(id: string): SanityDocument | null {
    return this.working.has(id) ? this.working.get(id)! : (this.context.get(id) ?? null)
  }

  private write(id: string, doc: SanityDocument | null, mutation: Mutation, index: number): void {
    let change = this.changes.get(id)
    if (!change)
      this.changes.set(
        id,
        (change = {id, before: this.context.get(id) ?? null, after: null, mutations: []}),
      )
    change.mutations.push(mutation)
    this.working.set(id, doc)
    this.touchedBy.set(id, index)
  }

  private selectIds(spec: Record<string, unknown>, index: number): string[] {
    if (typeof spec.query !== 'string')
      throw badRequest(`Mutation ${index}: needs an id or a query`, 'validationError')
    const params = spec.params === undefined ? {} : spec.params
    if (!isRecord(params))
      throw badRequest(`Mutation ${index}: params must be an object`, 'validationError')
    // Queries see the state before the transaction, as the Lake evaluates them up front.
    return this.context.select(spec.query, params)
  }

  /** Applies one mutation (`index` is its position in the request, for error reports). */
  apply(mutation: unknown, index: number): void {
    if (!isRecord(mutation) || Object.keys(mutation).length !== 1) {
      throw badRequest(
        `Mutation ${index} must be an object with exactly one operation`,
        'validationError',
      )
    }
    const [kind, body] = Object.entries(mutation)[0]!
    const results = this.results
    switch (kind) {
      case 'create': {
        const doc = checkDocument(body, index, kind)
        const id = resolveCreateId(doc, index)
        if (this.get(id))
          throw mutationError(
            index,
            `Document by ID "${id}" already exists`,
            'documentAlreadyExistsError',
            {id},
          )
        const created = {...doc, _id: id} as SanityDocument
        this.write(id, created, {create: structuredClone(created)}, index)
        results.push({id, operation: 'create'})
        return
      }
      case 'createOrReplace':
      case 'createIfNotExists': {
        const doc = checkDocument(body, index, kind)
        const id = checkId(doc._id, index)
        const existing = this.get(id)
        if (kind === 'createIfNotExists' && existing) {
          results.push({id, operation: 'none'})
          return
        }
        const next = {...doc, _id: id} as SanityDocument
        if (existing && next._createdAt === undefined) next._createdAt = existing._createdAt
        this.write(id, next, {[kind]: structuredClone(next)} as Mutation, index)
        results.push({id, operation: existing ? 'update' : 'create'})
        return
      }
      case 'delete': {
        if (!isRecord(body))
          throw badRequest(`Mutation ${index}: delete needs {id} or {query}`, 'validationError')
        const ids = 'id' in body ? [checkId(body.id, index)] : this.selectIds(body, index)
        for (const id of ids) {
          if (this.get(id)) this.write(id, null, {delete: {id}}, index)
          results.push({id, operation: 'delete'})
        }
        return
      }
      case 'patch': {
        const patch = checkPatch(body, index)
        const spec = body as Record<string, unknown>
        const ids = 'id' in spec ? [checkId(spec.id, index)] : this.selectIds(spec, index)
        for (const id of ids) {
          const doc = this.get(id)
          if (!doc) {
            throw mutationError(
              index,
              `Cannot modify document "${id}": the document does not exist`,
              'documentNotFoundError',
              {id},
            )
          }
          if (patch.ifRevisionID !== undefined && patch.ifRevisionID !== doc._rev) {
            throw mutationError(
              index,
              `Document by ID "${id}" has unexpected revision ID ("${doc._rev}"), expected "${patch.ifRevisionID}"`,
              'conflictError',
              {id},
            )
          }
          const operations: Record<string, unknown> = {id}
          for (const name of PATCH_OPERATIONS)
            if (patch[name] !== undefined) operations[name] = patch[name]
          let patched: SanityDocument | null
          try {
            patched = new MutatorMutation({mutations: [{patch: operations as never}]}).apply(
              doc,
            ) as SanityDocument | null
          } catch (error) {
            throw mutationError(
              index,
              `Patch on "${id}" failed: ${(error as Error).message}`,
              'invalidPatchError',
              {id},
            )
          }
          // A patch may not move or retype the document.
          const next = {...patched, _id: id} as SanityDocument
          if (typeof next._type !== 'string' || next._type === '') next._type = doc._type
          const recorded = {
            ...operations,
            ...(patch.ifRevisionID ? {ifRevisionID: patch.ifRevisionID} : {}),
          }
          this.write(id, next, {patch: recorded} as Mutation, index)
          results.push({id, operation: 'update'})
        }
        return
      }
      default:
        throw badRequest(`Mutation ${index}: unknown operation "${kind}"`, 'validationError')
    }
  }

  /** Committed documents that strongly reference `id` and still will after this transaction. */
  private committedReferrers(id: string): string[] {
    return [...this.context.referrers(id)].filter((referrer) => {
      if (!this.working.has(referrer)) return true
      const next = this.working.get(referrer)
      return next !== null && next !== undefined && strongReferences(next).has(id)
    })
  }

  /** Stamps `_rev`, `_updatedAt`, `_createdAt`, checks referential integrity, and reports. */
  finish(): TransactionOutcome {
    const {transactionId, timestamp} = this.context
    for (const change of this.changes.values()) {
      const after = this.working.get(change.id) ?? null
      if (after) {
        after._rev = transactionId
        after._updatedAt = timestamp
        if (typeof after._createdAt !== 'string')
          after._createdAt = change.before?._createdAt ?? timestamp
      }
      change.after = after
    }
    for (const change of this.changes.values()) {
      const index = this.touchedBy.get(change.id)!
      if (change.before && change.after && change.before._type !== change.after._type) {
        // Strong references promise their target keeps its type (as the Lake does).
        const referrer = this.committedReferrers(change.id).find((id) => id !== change.id)
        if (referrer) {
          throw mutationError(
            index,
            `Document "${change.id}" cannot change its type from "${change.before._type}" to "${change.after._type}": "${referrer}" references it`,
            'referentialIntegrityError',
            {id: change.id, referencingIDs: [referrer]},
          )
        }
      }
      if (change.after) {
        for (const target of strongReferences(change.after)) {
          if (!this.get(target)) {
            throw mutationError(
              index,
              `Document "${change.id}" references non-existent document "${target}"`,
              'referentialIntegrityError',
              {id: change.id, referenceID: target},
            )
          }
        }
      } else if (change.before) {
        for (const referrer of this.context.referrers(change.id)) {
          if (this.working.has(referrer)) continue // its new version was checked above
          throw mutationError(
            index,
            `Document "${change.id}" cannot be deleted as there are references to it from "${referrer}"`,
            'referentialIntegrityError',
            {id: change.id, referencingIDs: [referrer]},
          )
        }
      }
    }
    const changed = [...this.changes.values()].filter(
      (change) => change.before !== null || change.after !== null,
    )
    return {transactionId, timestamp, changes: changed, results: this.results}
  }
}
