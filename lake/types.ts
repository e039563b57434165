// Shapes shared by the store, the HTTP API and the targets: Sanity's document and mutation JSON.

/** A document as the Content Lake stores it. */
export interface SanityDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** A document about to be written: the Lake fills in `_id` (for `create`), `_rev` and the timestamps. */
export interface DocumentInput {
  _id?: string
  _type: string
  [field: string]: unknown
}

export type Perspective = 'raw' | 'published' | 'drafts'

/** `insert` places `items` before or after, or instead of, the element(s) a path selects. */
export type InsertPatch =
  | {before: string; items: unknown[]}
  | {after: string; items: unknown[]}
  | {replace: string; items: unknown[]}

/** The operations of one patch, as Sanity's mutation API spells them. */
export interface PatchOperations {
  set?: Record<string, unknown>
  setIfMissing?: Record<string, unknown>
  unset?: string[]
  inc?: Record<string, number>
  dec?: Record<string, number>
  insert?: InsertPatch
  diffMatchPatch?: Record<string, string>
  ifRevisionID?: string
}

export type PatchMutation = {
  patch: PatchOperations & ({id: string} | {query: string; params?: Record<string, unknown>})
}

/** Sanity's mutation JSON, one operation per object. */
export type Mutation =
  | {create: DocumentInput}
  | {createOrReplace: SanityDocument}
  | {createIfNotExists: SanityDocument}
  | {delete: {id: string} | {query: string; params?: Record<string, unknown>}}
  | PatchMutation

export type MutationOperation = 'create' | 'update' | 'delete' | 'none'

export interface MutationResult {
  transactionId: string
  results: {id: string; operation: MutationOperation}[]
}
