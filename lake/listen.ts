// Server-sent events for /data/listen: a `welcome`, then one `mutation` event per changed document
// the listener's filter matches (before or after the change), shaped as the Content Lake sends them.
import type {IncomingMessage, ServerResponse} from 'node:http'
import {evaluateSync, parse, toJS, type ExprNode} from 'groq-js'
import {documentEffects} from './mendoza.ts'
import {isRootPathId, isVersionId} from './perspective.ts'
import {checkParameters, queryError, queryParameters} from './query.ts'
import type {CommitEvent, Store} from './store.ts'
import {randomId} from './transaction.ts'
import type {SanityDocument} from './types.ts'

export interface ListenOptions {
  query: string
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  effectFormat: 'mendoza' | null
  /** False for anonymous callers when the dataset is token-protected: only root-path documents show. */
  canSeeDrafts: boolean
}

const KEEPALIVE_MS = 25_000

/** Compiles the listener's filter; a bad query is a 400 before the stream opens. */
export function compileListenQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (error) {
    throw queryError(query, error)
  }
  checkParameters(query, queryParameters(tree), params)
  return tree
}

function matches(
  tree: ExprNode,
  params: Record<string, unknown>,
  doc: SanityDocument | null,
): boolean {
  if (!doc) return false
  try {
    const result = toJS(evaluateSync(tree, {dataset: [doc], params}))
    return Array.isArray(result)
      ? result.length > 0
      : result !== null && result !== undefined && result !== false
  } catch {
    return false
  }
}

/** Streams events until the client goes away (or `stop` is called when the server closes). */
export function streamListener(
  request: IncomingMessage,
  response: ServerResponse,
  store: Store,
  options: ListenOptions,
): {stop: () => void} {
  const tree = compileListenQuery(options.query, options.params)
  // CORS headers, when the origin is allowed, were set by the server before routing.
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'Connection': 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  const send = (event: string, data: unknown, id?: string) => {
    response.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  const visible = (doc: SanityDocument | null) => {
    if (!doc) return null
    if (!options.canSeeDrafts && !isRootPathId(doc._id)) return null
    if (!options.includeAllVersions && isVersionId(doc._id)) return null
    return doc
  }

  const onCommit = (commit: CommitEvent) => {
    const events = commit.changes.flatMap((change) => {
      const before = visible(change.before)
      const after = visible(change.after)
      const wasMatch = matches(tree, options.params, before)
      const isMatch = matches(tree, options.params, after)
      if (!wasMatch && !isMatch) return []
      return [
        {change, transition: wasMatch && isMatch ? 'update' : isMatch ? 'appear' : 'disappear'},
      ]
    })
    events.forEach(({change, transition}, index) => {
      const eventId = `${commit.transactionId}#${change.id}`
      send(
        'mutation',
        {
          eventId,
          documentId: change.id,
          transactionId: commit.transactionId,
          transition,
          identity: commit.identity,
          ...(options.includeMutations ? {mutations: change.mutations} : {}),
          ...(options.includeResult && change.after ? {result: change.after} : {}),
          ...(options.includePreviousRevision && change.before ? {previous: change.before} : {}),
          ...(change.before?._rev ? {previousRev: change.before._rev} : {}),
          resultRev: commit.transactionId,
          timestamp: commit.timestamp,
          visibility: 'query',
          transactionTotalEvents: events.length,
          transactionCurrentEvent: index + 1,
          ...(options.effectFormat === 'mendoza'
            ? {effects: documentEffects(change.before, change.after)}
            : {}),
        },
        eventId,
      )
    })
  }

  const unsubscribe = store.subscribe(onCommit)
  const keepalive = setInterval(() => response.write(':\n\n'), KEEPALIVE_MS)
  keepalive.unref()
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    clearInterval(keepalive)
    unsubscribe()
    if (!response.writableEnded) response.end()
  }
  request.on('close', stop)
  response.on('close', stop)
  send('welcome', {listenerName: `lake-${randomId(12)}`})
  return {stop}
}
