// HTTP plumbing for the lake server: bodies, JSON answers, CORS, and errors in Sanity's shapes.
import type {IncomingMessage, ServerResponse} from 'node:http'
import {badRequest, LakeError} from './errors.ts'
import {DatasetDamagedError} from './log.ts'

const MAX_BODY_BYTES = 64 << 20

/** Deeper than this is no document (Sanity allows 20 levels of attributes) but an attack on the parser. */
const MAX_JSON_DEPTH = 200
const utf8 = new TextDecoder('utf-8', {fatal: true})

/** How deeply `text` nests arrays and objects, counted without parsing (strings skipped). */
function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true
    } else if (c === 93 || c === 125) depth--
  }
  return false
}

/** Reads a JSON body; an empty body is `undefined`, anything unparseable is a 400. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES)
      throw new LakeError(413, {description: 'Request body too large', type: 'httpPayloadTooLarge'})
    chunks.push(chunk as Buffer)
  }
  let text: string
  try {
    text = utf8.decode(Buffer.concat(chunks))
  } catch {
    throw badRequest('The request body is not valid UTF-8', 'httpBadRequest')
  }
  if (!text.trim()) return undefined
  if (exceedsDepth(text, MAX_JSON_DEPTH))
    throw badRequest(
      `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
      'httpBadRequest',
    )
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest('Unable to parse the request body as JSON', 'httpBadRequest')
  }
}

/**
 * A request Node's parser refused before we saw it (a URL or headers past its limit, garbage):
 * answered in Sanity's error shape on the raw socket rather than by dropping the connection.
 */
export function rawClientError(code: string | undefined): string {
  const tooLong = code === 'HPE_HEADER_OVERFLOW'
  const status = tooLong ? 414 : 400
  const body = JSON.stringify({
    error: tooLong
      ? {
          description:
            'The URL (or headers) is too long: send long queries with POST, as @sanity/client does past 11 KB',
          type: 'httpUriTooLong',
        }
      : {description: 'Malformed HTTP request', type: 'httpBadRequest'},
  })
  const reason = tooLong ? 'URI Too Long' : 'Bad Request'
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
}

/** Lets an allowed origin (the caller checked it) call the lake with credentials. */
export function setCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  if (!origin) return
  response.setHeader('Access-Control-Allow-Origin', origin)
  response.setHeader('Access-Control-Allow-Credentials', 'true')
  response.setHeader('Vary', 'Origin')
}

export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  setCorsHeaders(request, response)
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
  response.setHeader(
    'Access-Control-Allow-Headers',
    request.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, X-Sanity-Project-Id',
  )
  response.setHeader('Access-Control-Max-Age', '600')
  response.writeHead(204).end()
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body))
}

export function sendJsonText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** Any thrown value becomes an answer; unexpected ones are a 500 that names the failure, never a crash. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  if (error instanceof LakeError) {
    // The Lake answers auth failures with a flat `{error, message, statusCode}`; the rest nest under `error`.
    if (error.status === 401 || error.status === 403) {
      sendJson(response, error.status, {
        error: error.status === 401 ? 'Unauthorized' : 'Forbidden',
        message: error.body.description,
        statusCode: error.status,
      })
    } else {
      sendJson(response, error.status, {error: error.body})
    }
    return
  }
  if (error instanceof DatasetDamagedError) {
    sendJson(response, 503, {error: {description: error.message, type: 'datasetDamagedError'}})
    return
  }
  sendJson(response, 500, {
    error: {
      description: `Internal error: ${(error as Error)?.message ?? String(error)}`,
      type: 'internalError',
    },
  })
}

export function notFound(description = 'Not found'): LakeError {
  return new LakeError(404, {description, type: 'httpNotFound'})
}

/** Query-string flags as Sanity reads them: `true`/`1`/empty mean yes. */
export function flag(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name)
  if (value === null) return fallback
  return value === '' || value === 'true' || value === '1'
}
