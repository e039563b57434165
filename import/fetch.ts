// Fetches one news page for the importer. Everything a remote server can get wrong (slow answers,
// endless redirects, huge or non-HTML bodies, odd charsets) ends as one ImportInputError line that
// starts with the URL the user gave, so the CLI can print it as the whole error.
import {STATUS_CODES} from 'node:http'
import {ImportInputError} from './errors.ts'

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
}

export interface FetchedPage {
  /** The final URL, after redirects: relative links in the page resolve against it. */
  url: string
  html: string
  /** The media type without parameters ("text/html" or "application/xhtml+xml"), fit for DOMParser. */
  contentType: string
}

const USER_AGENT = 'sourced-news-import/0.1'
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])
const REDIRECTS = new Set([301, 302, 303, 307, 308])
// The HTML spec looks for a <meta> charset only this far into the page.
const META_SNIFF_BYTES = 2048

// Schemes that are written without "//" but are still clearly URLs rather than file names.
const OPAQUE_SCHEMES = /^(?:file|data|mailto|about|javascript|blob):/i

/**
 * True for an absolute URL with a scheme, so the CLI can tell URLs from file paths. The scheme must
 * be two or more letters, because "C:\x" and "C:/x" are Windows paths; and it must be followed by
 * "//" (or be a known opaque scheme), because a local file may well be named "notes:2024.txt".
 */
export function isUrl(arg: string): boolean {
  if (!/^[a-z][a-z0-9+.-]+:/i.test(arg)) return false
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg) && !OPAQUE_SCHEMES.test(arg)) return false
  return URL.canParse(arg)
}

/** The URL as it may be printed: a user name or password in it is masked. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@')
}

export async function fetchPage(
  rawUrl: string,
  limits: Partial<FetchLimits> = {},
): Promise<FetchedPage> {
  const {timeoutMs, maxBytes, maxRedirects} = {...DEFAULT_FETCH_LIMITS, ...limits}
  // Credentials in a URL end up in logs and error lines; a news page never needs them.
  const url = redactUrl(rawUrl)
  if (url !== rawUrl)
    throw new ImportInputError(`${url}: URLs with a user name or password are not fetched`)
  let current = httpUrl(url, url, undefined)
  const start = current.href
  const fail = (reason: string) =>
    new ImportInputError(
      `${url}: ${reason}${current.href === start ? '' : ` (at ${current.href})`}`,
    )

  // One controller and one timer for all hops and the body, so a slow server cannot stretch the
  // limit by answering each step just in time.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new Error('timeout'))
  }, timeoutMs)

  try {
    const seen = new Set<string>([current.href])
    for (let hops = 0; ; hops++) {
      const res = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {'User-Agent': USER_AGENT, 'Accept': 'text/html,application/xhtml+xml'},
      })
      const location = res.headers.get('location')
      if (REDIRECTS.has(res.status) && location) {
        discard(res)
        if (hops >= maxRedirects) throw fail(`too many redirects (more than ${maxRedirects})`)
        const next = httpUrl(url, location, current)
        // Without a cookie jar a revisited URL answers the same way again, so stop at the first repeat.
        if (seen.has(next.href)) throw fail(`too many redirects (a loop back to ${next.href})`)
        seen.add(next.href)
        current = next
        continue
      }
      if (res.status < 200 || res.status > 299) {
        discard(res)
        const text = res.statusText || STATUS_CODES[res.status] || ''
        const hint = REDIRECTS.has(res.status) ? ' without a Location' : ''
        throw fail(`HTTP ${res.status}${text ? ` ${text}` : ''}${hint}`)
      }

      const header = res.headers.get('content-type')?.trim() ?? ''
      const mediaType = header.split(';')[0]!.trim().toLowerCase()
      if (mediaType && !HTML_TYPES.has(mediaType)) {
        discard(res)
        throw fail(`answered ${mediaType}, not an HTML page`)
      }
      const declared = Number(res.headers.get('content-length') ?? NaN)
      if (declared > maxBytes) {
        discard(res)
        throw fail(
          `the page is over the ${formatBytes(maxBytes)} limit (Content-Length ${declared})`,
        )
      }

      const bytes = await readLimited(res, maxBytes, () =>
        fail(`the page is over the ${formatBytes(maxBytes)} limit`),
      )
      if (!mediaType && !looksLikeHtml(bytes))
        throw fail('answered without a Content-Type and does not look like an HTML page')
      return {url: current.href, html: decode(bytes, header), contentType: mediaType || 'text/html'}
    }
  } catch (error) {
    if (error instanceof ImportInputError) throw error
    if (timedOut) throw fail(`timed out after ${formatMs(timeoutMs)}`)
    throw fail(`network error: ${describeNetworkError(error)}`)
  } finally {
    clearTimeout(timer)
  }
}

/** Parses `target` (against `base` for redirects) and refuses anything but http(s). */
function httpUrl(original: string, target: string, base: URL | undefined): URL {
  const where = base ? ` (redirected to ${target})` : ''
  let parsed: URL
  try {
    parsed = new URL(target, base)
  } catch {
    throw new ImportInputError(`${original}: not a valid URL${where}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ImportInputError(
      `${original}: only http(s) URLs can be imported (got ${parsed.protocol})${where}`,
    )
  return parsed
}

/** Drops a body we will not read, so its connection is freed rather than left half-read. */
function discard(res: Response): void {
  res.body?.cancel().catch(() => {})
}

async function readLimited(
  res: Response,
  maxBytes: number,
  over: () => Error,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const {done, value} = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      // Not awaited: the error is decided, and the connection closes on its own time.
      reader.cancel().catch(() => {})
      throw over()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

// A short version of the WHATWG MIME sniffing rules for HTML: enough to accept servers that forget
// the header, without taking JSON, images or plain text for a page.
const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|title|meta|script|style|iframe|div|table|font|h1|p|a|b|br|!--)[\s>/]/i

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 512)).replace(/^(?:\xEF\xBB\xBF)?\s*/, '')
  return HTML_START.test(head) || head.startsWith('<!--')
}

function decode(bytes: Uint8Array, contentType: string): string {
  const label = bomCharset(bytes) ?? headerCharset(contentType) ?? metaCharset(bytes) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label)
  } catch {
    decoder = new TextDecoder('utf-8')
  }
  return decoder.decode(bytes)
}

// A byte order mark outranks every declaration, as in browsers.
function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return undefined
}

function headerCharset(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType)
  const label = (match?.[1] ?? match?.[2])?.trim()
  return label || undefined
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, META_SNIFF_BYTES))
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag)
    if (direct) return asciiCompatible(direct[1]!)
  }
  return undefined
}

// A page that could be read far enough to find its <meta> is not really UTF-16, whatever it says.
function asciiCompatible(label: string): string {
  return /^utf-?16/i.test(label) ? 'utf-8' : label
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

function describeNetworkError(error: unknown): string {
  // Node's fetch throws "TypeError: fetch failed" and keeps the useful part (ECONNREFUSED,
  // ENOTFOUND, a TLS error) in its cause, which may be an AggregateError of one try per address.
  const causes: unknown[] = []
  for (let e: unknown = error; e instanceof Error && causes.length < 5; e = e.cause) causes.push(e)
  const inner = causes.at(-1)
  const first = inner instanceof AggregateError && inner.errors.length > 0 ? inner.errors[0] : inner
  const code = [first, ...causes.toReversed()].map(codeOf).find(Boolean)
  const message = first instanceof Error ? first.message : String(error)
  return code && !message.includes(code) ? `${message} (${code})` : message
}

function codeOf(error: unknown): string | undefined {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' ? code : undefined
}

function formatBytes(n: number): string {
  const MiB = 1024 * 1024
  if (n >= MiB) return `${Number((n / MiB).toFixed(1))} MB`
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`
  return `${n}-byte`
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`
}
