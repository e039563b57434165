// Stage 1: bytes → normalized text. Refuses what is not a plain-text article, with one-line reasons.
import {readFileSync, statSync} from 'node:fs'
import {ImportInputError} from './errors.ts'

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024

/** Reads and normalizes one article file, or throws an ImportInputError naming the file. */
export function readArticleFile(file: string): string {
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new ImportInputError(`${file}: not a file`)
    size = stat.size
  } catch (err) {
    if (err instanceof ImportInputError) throw err
    throw new ImportInputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (size > MAX_ARTICLE_BYTES) throw new ImportInputError(`${file}: ${formatBytes(size)} is over the 2 MB limit for one article`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (err) {
    throw new ImportInputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    return decodeArticle(bytes)
  } catch (err) {
    if (err instanceof ImportInputError) throw new ImportInputError(`${file}: ${err.message}`)
    throw err
  }
}

/** Decodes and normalizes article bytes; throws an ImportInputError (without a file name) for unusable input. */
export function decodeArticle(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) throw new ImportInputError(`${formatBytes(bytes.byteLength)} is over the 2 MB limit for one article`)
  if (bytes.includes(0)) throw new ImportInputError('binary data (NUL bytes), not a text article')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new ImportInputError('not valid UTF-8 text')
  }
  return normalizeArticleText(text)
}

/** Validates and normalizes text already in memory (the pipeline's entry point). */
export function normalizeArticleText(input: string): string {
  if (input.includes('\u0000')) throw new ImportInputError('binary data (NUL bytes), not a text article')
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u2002\u2003]/g, ' ')
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[ \t]+$/gm, '')
  if (!text.trim()) throw new ImportInputError('empty article (no text)')
  if (looksLikeHtml(text)) throw new ImportInputError('this is an HTML page; the importer takes plain text (save the article text, not the page source)')
  // Control characters other than tab/newline are a sign of binary data that happened to decode.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0
  if (controls > 0 && controls / text.length > 0.001) throw new ImportInputError('binary data (control characters), not a text article')
  return text.replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart()
  if (/^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head)) return true
  const tags = text.match(/<\/?(?:html|head|body|div|p|span|script|style|meta|a|br|li|ul|table|section|article)\b[^>]*>/gi)?.length ?? 0
  return tags >= 5 && tags * 40 > text.split('\n').length
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
