// Stage 1: bytes → a page: an HTML document or a normalized text dump. Refuses, with one-line reasons,
// what is neither (binary data, a truncated page, an empty or oversized file).
import {readFileSync, statSync} from 'node:fs'
import {extname} from 'node:path'
import {ImportInputError} from './errors.ts'

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024
/** Real pages carry megabytes of inline scripts and styles around a few kilobytes of article. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024

export type PageFormat = 'html' | 'text'
export interface Page {
  format: PageFormat
  /** HTML source as decoded, or normalized text. */
  content: string
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml'])

/** Reads one page file (HTML by extension or by content, else text), or throws an ImportInputError naming the file. */
export function readPageFile(file: string): Page {
  const bytes = readFileBytes(file, MAX_HTML_BYTES, '10 MB limit for one page')
  return namingFile(file, () =>
    decodePage(bytes, HTML_EXTENSIONS.has(extname(file).toLowerCase()) ? 'html' : undefined),
  )
}

/** A file's bytes, or an ImportInputError naming the file: missing, not a file, unreadable, over the limit. */
function readFileBytes(file: string, limit: number, limitName: string): Buffer {
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error'
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new ImportInputError(`${file}: not a file`)
    size = stat.size
  } catch (err) {
    if (err instanceof ImportInputError) throw err
    throw new ImportInputError(`${file}: cannot read (${code(err)})`)
  }
  if (size > limit)
    throw new ImportInputError(`${file}: ${formatBytes(size)} is over the ${limitName}`)
  try {
    return readFileSync(file)
  } catch (err) {
    throw new ImportInputError(`${file}: cannot read (${code(err)})`)
  }
}

/** Runs a decoding step, prefixing its refusal with the file name. */
function namingFile<T>(file: string, step: () => T): T {
  try {
    return step()
  } catch (err) {
    if (err instanceof ImportInputError) throw new ImportInputError(`${file}: ${err.message}`)
    throw err
  }
}

/** Bytes → a page. `format` forces HTML (a .html file); otherwise the content decides. */
export function decodePage(bytes: Uint8Array, format?: PageFormat): Page {
  if (bytes.includes(0))
    throw new ImportInputError(
      `binary data (NUL bytes), not ${format === 'html' ? 'an HTML page' : 'a text article'}`,
    )
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  if (format === 'html' || looksLikeHtml(head)) {
    if (bytes.byteLength > MAX_HTML_BYTES)
      throw new ImportInputError(
        `${formatBytes(bytes.byteLength)} is over the 10 MB limit for one page`,
      )
    const html = decodeHtml(bytes, head)
    checkHtml(html)
    return {format: 'html', content: html}
  }
  return {format: 'text', content: decodeArticle(bytes)}
}

/** The charset a page declares (<meta charset>, http-equiv), else UTF-8; undecodable UTF-8 is read as Windows-1252, as browsers do. */
export function decodeHtml(
  bytes: Uint8Array,
  head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)),
): string {
  const label = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1]
  let decoder: TextDecoder | undefined
  try {
    if (label) decoder = new TextDecoder(label)
  } catch {
    decoder = undefined
  }
  if (decoder && decoder.encoding !== 'utf-8') return decoder.decode(bytes)
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Refuses HTML that cannot hold a whole page: binary control bytes, or a document cut off before its end. */
export function checkHtml(html: string): void {
  const controls = html.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0
  if (controls > 0 && controls / html.length > 0.001)
    throw new ImportInputError('binary data (control characters), not an HTML page')
  if (!html.trim()) throw new ImportInputError('empty page (no HTML)')
  const tail = html.slice(-2000)
  const opened = /<(?:html|body)[\s>]/i.test(html.slice(0, 200_000))
  const closed = /<\/(?:body|html)\s*>/i.test(html)
  // A page whose <body> never closes, or whose last bytes are inside a tag, was cut off in transit.
  if ((opened && !closed) || /<[a-z!/][^>]*$/i.test(tail))
    throw new ImportInputError(
      'truncated HTML (the page ends before its closing </body></html>): save or fetch the whole page',
    )
}

/** Reads and normalizes one plain-text article file, or throws an ImportInputError naming the file. */
export function readArticleFile(file: string): string {
  const bytes = readFileBytes(file, MAX_ARTICLE_BYTES, '2 MB limit for one article')
  return namingFile(file, () => decodeArticle(bytes))
}

/** Decodes and normalizes article bytes; throws an ImportInputError (without a file name) for unusable input. */
export function decodeArticle(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_ARTICLE_BYTES)
    throw new ImportInputError(
      `${formatBytes(bytes.byteLength)} is over the 2 MB limit for one article`,
    )
  if (bytes.includes(0)) throw new ImportInputError('binary data (NUL bytes), not a text article')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new ImportInputError('not valid UTF-8 text')
  }
  return normalizeArticleText(text)
}

/** Quotes, spaces, line ends and invisible characters as every later stage expects them; never throws. */
export function normalizeCharacters(input: string): string {
  return (
    input
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/g, ' ')
      // The zero-width joiner stands outside the class: between two others inside it, it reads like
      // one joined emoji sequence rather than three separate characters.
      .replace(/[\u200B\u200C\u2060\uFEFF\u00AD]|\u200D/g, '')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/\u2026/g, '...')
      .replace(/[ \t]+$/gm, '')
  )
}

/** Validates and normalizes text already in memory (the pipeline's entry point). */
export function normalizeArticleText(input: string): string {
  if (input.includes('\u0000'))
    throw new ImportInputError('binary data (NUL bytes), not a text article')
  const text = normalizeCharacters(input)
  if (!text.trim()) throw new ImportInputError('empty article (no text)')
  // Control characters other than tab/newline are a sign of binary data that happened to decode.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0
  if (controls > 0 && controls / text.length > 0.001)
    throw new ImportInputError('binary data (control characters), not a text article')
  return text.replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}

/** HTML by content: a doctype or <html> first, or markup dense enough that no text dump holds it. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart()
  if (/^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head)) return true
  const tags =
    text.match(
      /<\/?(?:html|head|body|div|p|span|script|style|meta|a|br|li|ul|table|section|article)\b[^>]*>/gi,
    )?.length ?? 0
  return tags >= 5 && tags * 40 > text.split('\n').length
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
