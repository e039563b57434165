// A query worker: a copy of one dataset's documents, kept in step by the pool, and a QueryEngine
// over it. Running queries here keeps a slow one from holding the server's event loop (and lets
// the pool stop it at the time limit by ending the thread).
import {parentPort} from 'node:worker_threads'
import {LakeError} from './errors.ts'
import {QueryEngine, type DocumentSource} from './query.ts'
import type {ViewKind} from './perspective.ts'
import type {CommitEvent} from './store.ts'
import type {SanityDocument} from './types.ts'

export type WorkerRequest =
  | {type: 'load'; docs: SanityDocument[]}
  | {type: 'changes'; changes: {id: string; after: SanityDocument | null}[]}
  | {type: 'query'; id: number; query: string; params: Record<string, unknown>; view: ViewKind}

export type WorkerAnswer =
  | {id: number; json: string; ms: number}
  | {
      id: number
      status: number
      body: {description: string; type: string; [detail: string]: unknown}
    }

class Replica implements DocumentSource {
  version = 0
  private readonly docs = new Map<string, SanityDocument>()
  private readonly listeners = new Set<(event: CommitEvent) => void>()

  documents(): Iterable<SanityDocument> {
    return this.docs.values()
  }

  get(id: string): SanityDocument | undefined {
    return this.docs.get(id)
  }

  subscribe(listener: (event: CommitEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  load(docs: SanityDocument[]): void {
    this.docs.clear()
    for (const doc of docs) this.docs.set(doc._id, doc)
    this.version++
  }

  apply(changes: {id: string; after: SanityDocument | null}[]): void {
    for (const {id, after} of changes) {
      if (after) this.docs.set(id, after)
      else this.docs.delete(id)
    }
    this.version++
    // The engine follows by id; the other fields of a commit do not matter to it.
    const event: CommitEvent = {
      transactionId: '',
      timestamp: '',
      identity: '',
      changes: changes.map(({id, after}) => ({id, before: null, after, mutations: []})),
    }
    for (const listener of this.listeners) listener(event)
  }
}

const replica = new Replica()
const engine = new QueryEngine(replica)
const port = parentPort!

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'load') return replica.load(message.docs)
  if (message.type === 'changes') return replica.apply(message.changes)
  let answer: WorkerAnswer
  try {
    const {result, ms} = engine.fetch(message.query, message.params, message.view)
    answer = {id: message.id, json: JSON.stringify(result) ?? 'null', ms}
  } catch (error) {
    answer =
      error instanceof LakeError
        ? {id: message.id, status: error.status, body: error.body}
        : {
            id: message.id,
            status: 500,
            body: {
              description: `Internal error: ${(error as Error)?.message ?? String(error)}`,
              type: 'internalError',
            },
          }
  }
  port.postMessage(answer)
})
