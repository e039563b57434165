// The lake's HTTP server: the part of Sanity's HTTP API (paths under /v{apiVersion}) that
// @sanity/client and Sanity Studio use, over the local datasets in one folder.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {mkdir} from 'node:fs/promises'
import type {AddressInfo} from 'node:net'
import type {Duplex} from 'node:stream'
import {applyActions} from './actions.ts'
import {streamExport} from './export.ts'
import {DatasetRegistry, type OpenDataset} from './datasets.ts'
import {Editors, publicUser, type EditorConfig, type LakeUser} from './editors.ts'
import {badRequest, LakeError} from './errors.ts'
import {
  answerPreflight,
  flag,
  notFound,
  rawClientError,
  readJsonBody,
  sendError,
  sendJson,
  sendJsonText,
  setCorsHeaders,
} from './http.ts'
import {
  documentEvents,
  documentsAt,
  historyPoint,
  transactionLines,
  transactionQuery,
} from './history-api.ts'
import {streamListener} from './listen.ts'
import {OriginPolicy} from './origins.ts'
import {PresenceHub} from './presence.ts'
import {acceptWebSocket} from './websocket.ts'
import {isPerspective, isRootPathId} from './perspective.ts'
import {datasetAcl, datasetInfo, KeyValueStore, projectGrants, projectInfo} from './studio-api.ts'
import {studioServiceResponse} from './studio-services.ts'
import type {StoreOptions} from './store.ts'
import type {Perspective} from './types.ts'

export interface LakeServerOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Folder of dataset files. */
  dir: string
  /** When set, writes and drafts need `Authorization: Bearer <token>`; anonymous reads see published documents. */
  token?: string
  /**
   * One token per editor, by name: each transaction records the editor whose token it came with
   * (the History panel shows their names). Like `token`, any editor makes tokens required.
   */
  editors?: EditorConfig[]
  /** Datasets to create (empty) when missing, so they exist before the first write. */
  datasets?: string[]
  /**
   * Browser origins allowed besides localhost/127.0.0.1/[::1] on any port (a project's CORS
   * settings). Other origins get no CORS headers, no writes and only what anonymous readers see.
   */
  corsOrigins?: string[]
  /** Query time limit in ms (default 60 s, as on Sanity). */
  queryTimeoutMs?: number
  /** Query worker threads per dataset (default 2). */
  queryWorkers?: number
  /** Passed to every dataset's store (tests use its fault-injection hook). */
  store?: StoreOptions
}

export interface LakeServer {
  url: string
  port: number
  close(): Promise<void>
}

/** Whoever is calling: an editor (with a token, or anyone when no token is configured) or anonymous. */
type Caller = 'editor' | 'anonymous'

/** The caller and, for an editor, which one. */
interface Who {
  caller: Caller
  user: LakeUser | null
}

/** From this API version on, queries default to the published perspective, as on Sanity. */
const PUBLISHED_BY_DEFAULT_FROM = '2025-02-19'
const POLL_MS = 500
/** @sanity/client sends a query by GET while its query string is under 11 KB; allow that plus a path. */
const MAX_GET_URL = 12 * 1024

function defaultPerspective(apiVersion: string): Perspective {
  if (apiVersion === 'X' || apiVersion === 'vX') return 'published'
  return /^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion >= PUBLISHED_BY_DEFAULT_FROM
    ? 'published'
    : 'raw'
}

/** `perspective` as the client sends it: one name, or a comma-separated stack whose base we serve. */
function parsePerspective(raw: string | null, apiVersion: string): Perspective {
  if (raw === null || raw === '') return defaultPerspective(apiVersion)
  const names = raw.split(',').map((name) => name.trim())
  const base = names[names.length - 1]
  const perspective = base === 'previewDrafts' ? 'drafts' : base
  if (
    !isPerspective(perspective) ||
    (names.length > 1 && perspective !== 'drafts' && perspective !== 'published')
  ) {
    throw badRequest(
      `Invalid perspective "${raw}": the local dataset serves raw, published and drafts`,
      'httpBadRequest',
    )
  }
  return perspective
}

/** `$name=<JSON>` query-string parameters. */
function queryStringParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(
        `Unable to parse value of "${key}=${value}". Please quote string values.`,
        'httpBadRequest',
      )
    }
  }
  return params
}

/** A percent-encoded path segment; a malformed one is the caller's mistake (400), not ours. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest(`Malformed percent-encoding in "${segment}"`, 'httpBadRequest')
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** `autoGenerateArrayKeys`: objects in arrays get a `_key` when they have none. */
function addArrayKeys(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) return value.map((item) => addArrayKeys(item, true))
  if (!isRecord(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) copy[key] = addArrayKeys(child)
  if (inArray && typeof copy._key !== 'string') copy._key = Math.random().toString(36).slice(2, 14)
  return copy
}

/** The documents and patch values inside a mutation get array keys; the mutation itself does not. */
function withArrayKeys(mutation: unknown): unknown {
  if (!isRecord(mutation)) return mutation
  const [[kind, body] = []] = Object.entries(mutation)
  if (kind === undefined || !isRecord(body)) return mutation
  if (kind !== 'patch') return kind === 'delete' ? mutation : {[kind]: addArrayKeys(body)}
  const patch: Record<string, unknown> = {...body}
  for (const operation of ['set', 'setIfMissing'] as const) {
    const values = patch[operation]
    if (isRecord(values))
      patch[operation] = Object.fromEntries(
        Object.entries(values).map(([path, value]) => [path, addArrayKeys(value)]),
      )
  }
  if (isRecord(patch.insert))
    patch.insert = {...patch.insert, items: addArrayKeys(patch.insert.items)}
  return {patch}
}

const VISIBILITIES = new Set(['sync', 'async', 'deferred'])

/** `dryRun` as the query string or the body says (the client sends it in the body). */
function isDryRun(search: URLSearchParams, body: Record<string, unknown>): boolean {
  return flag(search, 'dryRun', false) || body.dryRun === true
}

export async function startLakeServer(options: LakeServerOptions): Promise<LakeServer> {
  const host = options.host ?? '127.0.0.1'
  await mkdir(options.dir, {recursive: true})
  const policy = new OriginPolicy(options.corsOrigins, host)
  const datasets = new DatasetRegistry(options.dir, options.store, {
    timeoutMs: options.queryTimeoutMs,
    workers: options.queryWorkers,
  })
  for (const name of options.datasets ?? []) await datasets.create(name)
  // Opened now, so a damaged dataset stops the server at start with the store's message.
  for (const name of options.datasets ?? []) await datasets.get(name)
  const editors = new Editors(options.editors, options.token)
  const keyValues = new KeyValueStore(options.dir)
  const listeners = new Set<{stop: () => void}>()
  const pollers = new Map<string, {count: number; timer: NodeJS.Timeout}>()

  /** A request from a browser page on an origin we do not serve: it may read what anyone may, no more. */
  const foreignOrigin = (request: IncomingMessage) =>
    request.headers.origin !== undefined && !policy.allowsOrigin(request.headers.origin)
  const refuseForeign = (request: IncomingMessage) => {
    if (!policy.allowsHost(request.headers.host)) {
      throw new LakeError(403, {
        description: `Unknown Host "${request.headers.host}": the lake answers to localhost, 127.0.0.1 and the hosts of --cors-origin`,
        type: 'httpForbidden',
      })
    }
    const method = request.method ?? 'GET'
    if (foreignOrigin(request) && method !== 'GET' && method !== 'HEAD') {
      throw new LakeError(403, {
        description: `Origin ${request.headers.origin} is not allowed; add it with --cors-origin`,
        type: 'httpForbidden',
      })
    }
  }
  const identify = (request: IncomingMessage): Who => {
    const header = request.headers.authorization
    if (foreignOrigin(request)) return {caller: 'anonymous', user: null}
    if (editors.open) return {caller: 'editor', user: editors.users[0]!}
    if (!header) return {caller: 'anonymous', user: null}
    const match = /^Bearer\s+(.+)$/i.exec(header)
    const user = match ? editors.byTokenValue(match[1]!.trim()) : undefined
    if (!user) {
      throw new LakeError(401, {
        description: 'Session not found or the token is invalid',
        type: 'httpUnauthorized',
      })
    }
    return {caller: 'editor', user}
  }
  const requireEditor = (caller: Caller) => {
    if (caller !== 'editor')
      throw new LakeError(401, {
        description: 'This action requires a token with write access',
        type: 'httpUnauthorized',
      })
  }
  const dataset = async (name: string | undefined): Promise<OpenDataset> => {
    if (!name || !datasets.exists(name)) throw notFound(`Dataset "${name ?? ''}" not found`)
    const open = await datasets.get(name)
    await open.store.refresh()
    return open
  }

  /** While anyone listens, look for other processes' commits so their events flow too. */
  const watch = (open: OpenDataset): (() => void) => {
    let poller = pollers.get(open.name)
    if (!poller) {
      const timer = setInterval(() => void open.store.refresh().catch(() => {}), POLL_MS)
      timer.unref()
      pollers.set(open.name, (poller = {count: 0, timer}))
    }
    poller.count++
    return () => {
      const current = pollers.get(open.name)
      if (current && --current.count === 0) {
        clearInterval(current.timer)
        pollers.delete(open.name)
      }
    }
  }

  async function handleData(
    request: IncomingMessage,
    response: ServerResponse,
    apiVersion: string,
    segments: string[],
    search: URLSearchParams,
    {caller, user}: Who,
  ): Promise<void> {
    const [endpoint, name, ...rest] = segments
    const identity = user?.id
    const method = request.method ?? 'GET'
    switch (endpoint) {
      // The Studio's document store asks once per document it opens, for the shard it is served
      // from (the X-Sanity-Shard header, for latency reports); one machine has no shard to name.
      case 'ping': {
        await dataset(name)
        response.writeHead(200, {'Content-Type': 'text/plain'}).end('PONG')
        return
      }
      case 'query': {
        if (method !== 'GET' && method !== 'POST')
          throw new LakeError(405, {description: 'Use GET or POST', type: 'httpMethodNotAllowed'})
        const open = await dataset(name)
        let query: unknown = search.get('query')
        let params = queryStringParams(search)
        if (method === 'POST') {
          const body = await readJsonBody(request)
          if (!isRecord(body))
            throw badRequest(
              'The request body must be a JSON object with a "query"',
              'httpBadRequest',
            )
          query = body.query
          if (body.params !== undefined) {
            if (!isRecord(body.params))
              throw badRequest('"params" must be an object', 'httpBadRequest')
            params = {...params, ...body.params}
          }
        }
        if (typeof query !== 'string' || !query.trim())
          throw badRequest('The "query" parameter is missing', 'httpBadRequest')
        const perspective = parsePerspective(search.get('perspective'), apiVersion)
        // As on a public dataset: without the token, only published root-path documents are visible.
        const {result, ms} = await open.queries.fetch(
          query,
          params,
          caller === 'anonymous' ? 'public' : perspective,
        )
        // The worker sends the result as JSON text: spliced in, not parsed and serialized again.
        const head = flag(search, 'returnQuery', true) ? `"query":${JSON.stringify(query)},` : ''
        sendJsonText(response, 200, `{${head}"result":${result},"ms":${Math.round(ms)}}`)
        return
      }
      case 'doc': {
        const open = await dataset(name)
        const ids = (rest.join('/') || '').split(',').map(decodeSegment).filter(Boolean)
        if (ids.length === 0) throw badRequest('No document ids given', 'httpBadRequest')
        const documents = []
        const omitted = []
        for (const id of ids) {
          // Decided by the id alone, so anonymous callers cannot learn which hidden ids exist.
          if (caller === 'anonymous' && !isRootPathId(id)) {
            omitted.push({id, reason: 'permission'})
            continue
          }
          const doc = open.store.get(id)
          if (doc) documents.push(doc)
          else omitted.push({id, reason: 'existence'})
        }
        sendJson(response, 200, {documents, omitted})
        return
      }
      case 'mutate': {
        if (method !== 'POST')
          throw new LakeError(405, {description: 'Use POST', type: 'httpMethodNotAllowed'})
        requireEditor(caller)
        const open = await dataset(name)
        const body = await readJsonBody(request)
        if (!isRecord(body) || !Array.isArray(body.mutations)) {
          throw badRequest(
            'The request body must be a JSON object with a "mutations" array',
            'httpBadRequest',
          )
        }
        const visibility = search.get('visibility')
        if (visibility !== null && !VISIBILITIES.has(visibility)) {
          throw badRequest(
            `Invalid visibility "${visibility}": use sync, async or deferred`,
            'httpBadRequest',
          )
        }
        const mutations =
          flag(search, 'autoGenerateArrayKeys', false) || body.autoGenerateArrayKeys === true
            ? body.mutations.map(withArrayKeys)
            : body.mutations
        const transactionId =
          search.get('transactionId') ??
          (typeof body.transactionId === 'string' ? body.transactionId : undefined)
        const outcome = await open.store.commit(mutations, {
          transactionId: transactionId || undefined,
          dryRun: isDryRun(search, body),
          identity,
          select: (query, params) => open.engine.selectIds(query, params),
        })
        const returnDocuments = flag(search, 'returnDocuments', false)
        const finalState = new Map(
          outcome.changes.map((change) => [change.id, change.after ?? change.before]),
        )
        sendJson(response, 200, {
          transactionId: outcome.transactionId,
          results: outcome.results.map(({id, operation}) => ({
            id,
            operation,
            ...(returnDocuments
              ? {document: finalState.get(id) ?? open.store.get(id) ?? null}
              : {}),
          })),
        })
        return
      }
      case 'actions': {
        if (method !== 'POST')
          throw new LakeError(405, {description: 'Use POST', type: 'httpMethodNotAllowed'})
        requireEditor(caller)
        const open = await dataset(name)
        const body = await readJsonBody(request)
        if (!isRecord(body))
          throw badRequest(
            'The request body must be a JSON object with "actions"',
            'httpBadRequest',
          )
        const outcome = await open.store
          .transact(applyActions(body.actions), {
            transactionId:
              typeof body.transactionId === 'string' && body.transactionId
                ? body.transactionId
                : undefined,
            dryRun: isDryRun(search, body),
            identity,
            select: (query, params) => open.engine.selectIds(query, params),
          })
          .catch((error: unknown) => {
            if (error instanceof LakeError && error.body.type === 'mutationError') {
              throw new LakeError(error.status, {
                ...error.body,
                description: 'Action(s) failed with 1 error(s)',
                type: 'actionError',
              })
            }
            throw error
          })
        sendJson(response, 200, {transactionId: outcome.transactionId})
        return
      }
      case 'listen': {
        const open = await dataset(name)
        const query = search.get('query')
        if (!query) throw badRequest('The "query" parameter is missing', 'httpBadRequest')
        // Compiled (and refused with a 400 when bad) before anything starts watching.
        const listener = streamListener(request, response, open.store, {
          query,
          params: queryStringParams(search),
          includeResult: flag(search, 'includeResult', true),
          includePreviousRevision: flag(search, 'includePreviousRevision', false),
          includeMutations: flag(search, 'includeMutations', true),
          includeAllVersions: flag(search, 'includeAllVersions', false),
          effectFormat: search.get('effectFormat') === 'mendoza' ? 'mendoza' : null,
          canSeeDrafts: caller === 'editor',
        })
        const unwatch = watch(open)
        listeners.add(listener)
        response.on('close', () => {
          listeners.delete(listener)
          unwatch()
        })
        return
      }
      case 'export': {
        if (method !== 'GET')
          throw new LakeError(405, {description: 'Use GET', type: 'httpMethodNotAllowed'})
        const open = await dataset(name)
        const types =
          search
            .get('types')
            ?.split(',')
            .map((type) => type.trim())
            .filter(Boolean) ?? null
        // Anonymous callers export what they may read: published root-path documents.
        const documents =
          caller === 'anonymous'
            ? open.engine.view('public').view.documents
            : open.store.documents()
        await streamExport(response, documents, types && types.length ? types : null)
        return
      }
      case 'references': {
        // GET /data/references/:dataset/documents/:id/to, which the Studio asks before a delete for
        // references from other datasets and projects. A local dataset has none: every reference
        // into it comes from inside it, and the Studio finds those with its own query.
        if (method !== 'GET')
          throw new LakeError(405, {description: 'Use GET', type: 'httpMethodNotAllowed'})
        await dataset(name)
        const [kind, id, direction] = rest
        if (kind !== 'documents' || !id || direction !== 'to' || rest.length !== 3) throw notFound()
        sendJson(response, 200, {totalCount: 0, references: []})
        return
      }
      case 'history': {
        if (method !== 'GET')
          throw new LakeError(405, {description: 'Use GET', type: 'httpMethodNotAllowed'})
        // Past versions include drafts: history is for editors, as on Sanity.
        requireEditor(caller)
        const open = await dataset(name)
        const [kind, ...path] = rest
        const idsIn = (text: string | undefined) =>
          (text ?? '').split(',').map(decodeSegment).filter(Boolean)
        const entries = await open.store.history.entries()
        if (kind === 'documents' && path.length === 1) {
          const ids = idsIn(path[0])
          if (ids.length === 0) throw badRequest('No document ids given', 'httpBadRequest')
          const point = historyPoint(search)
          const documents = documentsAt(entries, ids, point, (id) => open.store.get(id))
          sendJson(response, 200, {documents})
        } else if (kind === 'transactions' && path.length === 1) {
          const ids = idsIn(path[0])
          if (ids.length === 0) throw badRequest('No document ids given', 'httpBadRequest')
          const lines = transactionLines(entries, ids, transactionQuery(search))
          response
            .writeHead(200, {'Content-Type': 'application/x-ndjson'})
            .end(lines.map((line) => `${line}\n`).join(''))
        } else if (kind === 'events' && path[0] === 'documents' && path.length === 2) {
          const [id] = idsIn(path[1])
          if (!id) throw badRequest('No document id given', 'httpBadRequest')
          const all = documentEvents(entries, id)
          const limit = Math.max(1, Number(search.get('limit')) || 100)
          const offset = Math.max(0, Number(search.get('nextCursor')) || 0)
          const page = all.slice(offset, offset + limit)
          const next = offset + limit < all.length ? String(offset + limit) : ''
          sendJson(response, 200, {events: {[id]: page}, nextCursor: next})
        } else {
          throw notFound()
        }
        return
      }
      default:
        throw notFound(`Unknown data endpoint "${endpoint ?? ''}"`)
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    refuseForeign(request)
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      (request.url?.length ?? 0) > MAX_GET_URL
    ) {
      throw new LakeError(414, {
        description: `The URL is longer than ${MAX_GET_URL} characters: send the query with POST (as @sanity/client does past 11 KB)`,
        type: 'httpUriTooLong',
      })
    }
    if (request.method === 'OPTIONS') {
      answerPreflight(request, response)
      return
    }
    if (request.headers.origin !== undefined && !foreignOrigin(request))
      setCorsHeaders(request, response)
    const url = new URL(request.url ?? '/', 'http://lake.local')
    const path = url.pathname.replace(/\/+$/, '')
    if (path === '/ping' || path === '/health') {
      response.writeHead(200, {'Content-Type': 'text/plain'}).end('PONG')
      return
    }
    const versioned = /^\/v(1|X|\d{4}-\d{2}-\d{2})(\/.*)?$/.exec(path)
    if (!versioned)
      throw notFound(`Unknown path ${url.pathname}: the API lives under /v{apiVersion}`)
    const service = studioServiceResponse(request.method ?? 'GET', path, url.searchParams)
    if (service) return sendJson(response, service.status, service.body)
    const apiVersion = versioned[1]!
    const segments = (versioned[2] ?? '').split('/').filter(Boolean)
    const who = identify(request)
    const caller = who.caller
    const method = request.method ?? 'GET'
    const [head, second, third, fourth, fifth] = segments

    if (head === 'data')
      return handleData(request, response, apiVersion, segments.slice(1), url.searchParams, who)
    if (head === 'ping' && segments.length === 1) {
      response.writeHead(200, {'Content-Type': 'text/plain'}).end('PONG')
      return
    }
    if (head === 'features' && segments.length === 1) return sendJson(response, 200, [])
    if (head === 'users' && second === 'me') {
      if (!third) return sendJson(response, 200, who.user ?? {})
      if (third === 'keyvalue') {
        requireEditor(caller)
        if (method === 'GET' && fourth)
          return sendJson(response, 200, keyValues.get(fourth.split(',').map(decodeSegment)))
        if (method === 'PUT' || method === 'POST') {
          const body = await readJsonBody(request)
          const pairs = Array.isArray(body) ? body : [body]
          if (!pairs.every((pair) => isRecord(pair) && typeof pair.key === 'string')) {
            throw badRequest('The body must be [{key, value}]', 'httpBadRequest')
          }
          return sendJson(
            response,
            200,
            await keyValues.set(pairs as {key: string; value: unknown}[]),
          )
        }
      }
      throw notFound()
    }
    if (head === 'users' && second && !third) {
      // The Studio looks up the authors of changes and presence by id: the configured editors.
      const found = second
        .split(',')
        .map(decodeSegment)
        .map((id) => editors.byId(id))
        .filter((found): found is LakeUser => found !== undefined)
        .map((found) => ({...publicUser(found), isCurrentUser: found.id === who.user?.id}))
      return sendJson(response, 200, found)
    }
    if (head === 'projects' && second) {
      if (!third) return sendJson(response, 200, projectInfo(second, editors.users, who.user?.id))
      if (third === 'grants')
        return sendJson(response, 200, caller === 'editor' ? projectGrants() : {})
      if (third === 'user-applications') return sendJson(response, 200, [])
      if (third === 'datasets') {
        if (!fourth) {
          // Only content datasets live here: no comments (or other add-on) datasets.
          const profile = url.searchParams.get('datasetProfile')
          if ((profile && profile !== 'content') || url.searchParams.get('addonFor'))
            return sendJson(response, 200, [])
          return sendJson(response, 200, datasets.names().map(datasetInfo))
        }
        if (fifth === 'acl') {
          if (!datasets.exists(fourth)) throw notFound(`Dataset "${fourth}" not found`)
          return sendJson(response, 200, datasetAcl(caller === 'editor'))
        }
        if (!fifth && method === 'PUT') {
          requireEditor(caller)
          try {
            await datasets.create(fourth)
          } catch (error) {
            throw badRequest((error as Error).message, 'httpBadRequest')
          }
          return sendJson(response, 200, {datasetName: fourth, aclMode: 'public'})
        }
        if (!fifth && method === 'GET') {
          if (!datasets.exists(fourth)) throw notFound(`Dataset "${fourth}" not found`)
          return sendJson(response, 200, datasetInfo(fourth))
        }
      }
      throw notFound()
    }
    if (head === 'schedules') return sendJson(response, 200, {schedules: []})
    // Feedback and telemetry the Studio posts (studio-services.ts answers the rest): accepted, dropped.
    if (head === 'intake' && (method === 'POST' || method === 'PUT')) {
      await readJsonBody(request).catch(() => undefined)
      return sendJson(response, 200, {})
    }
    throw notFound(`Unknown endpoint ${url.pathname}`)
  }

  const server = createServer((request, response) => {
    request.on('error', () => response.destroy())
    handle(request, response).catch((error: unknown) => sendError(response, error))
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && !(socket as {_httpMessage?: unknown})._httpMessage)
      socket.end(rawClientError(error.code))
    else socket.destroy()
  })
  const presence = new Map<string, PresenceHub>()
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy())
    try {
      upgrade(request, socket, head)
    } catch {
      socket.destroy()
    }
  })
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!policy.allowsHost(request.headers.host) || foreignOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    const path = new URL(request.url ?? '/', 'http://lake.local').pathname
    const match = /^\/v(?:1|X|\d{4}-\d{2}-\d{2})\/socket\/([^/]+)\/?$/.exec(path)
    if (!match || !datasets.exists(match[1]!)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    const connection = acceptWebSocket(request, socket, head)
    if (!connection) return
    let hub = presence.get(match[1]!)
    if (!hub) presence.set(match[1]!, (hub = new PresenceHub()))
    hub.attach(connection, editors.users[0]!.id, (authorization) => {
      if (editors.open) return editors.users[0]!.id
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim()
      return token === undefined ? undefined : editors.byTokenValue(token)?.id
    })
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  const url = `http://${host}:${port}`
  let closing: Promise<void> | null = null
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        for (const listener of listeners) listener.stop()
        for (const hub of presence.values()) hub.closeAll()
        for (const poller of pollers.values()) clearInterval(poller.timer)
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await datasets.closeAll()
      })()
      return closing
    },
  }
}
