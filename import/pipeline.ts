// The import pipeline, a page in, documents out: read → clean (HTML or text) → structure → entities →
// claims → documents. Pure and deterministic: the same page gives the same ids and documents (importedAt
// is injected). HTML and text end in one CleanedArticle, so every stage after cleaning is shared.
import {extractClaims} from './claims.ts'
import {cleanArticle, type CleanedArticle} from './clean.ts'
import {buildDocumentSet, registerCountryNames, sha256, type SanityDoc} from './documents.ts'
import {extractEntities, type EntityIndex} from './entities.ts'
import {ImportInputError} from './errors.ts'
import {gazetteer} from './gazetteer.ts'
import {cleanHtmlPage} from './html/page.ts'
import {looksLikeHtml, normalizeArticleText, type PageFormat} from './read.ts'
import {structureArticle} from './structure.ts'

export {ImportInputError}

export interface ImportResult {
  article: SanityDoc
  claims: SanityDoc[]
  people: SanityDoc[]
  places: SanityDoc[]
  organizations: SanityDoc[]
  /** Every document, the article first. */
  documents: SanityDoc[]
  /** Lines removed as page noise. */
  stripped: string[]
}

export interface BuildOptions {
  sourceFile: string
  importedAt?: string
  /** 'html' or 'text'; by default the content decides. */
  format?: PageFormat
  /** Where an HTML page was fetched from (resolves its links; the canonical URL when the page names none). */
  url?: string
}

let countriesRegistered = false

export function buildDocuments(raw: string, opts: BuildOptions): ImportResult {
  if (typeof raw !== 'string') throw new ImportInputError(`${opts.sourceFile}: not text`)
  const format = opts.format ?? (looksLikeHtml(raw.slice(0, 4096)) ? 'html' : 'text')
  let cleaned: CleanedArticle
  let text: string
  try {
    if (format === 'html') {
      text = raw
      cleaned = cleanHtmlPage(raw, {url: opts.url})
    } else {
      text = normalizeArticleText(raw)
      cleaned = cleanArticle(text)
    }
  } catch (err) {
    if (err instanceof ImportInputError)
      throw new ImportInputError(`${opts.sourceFile}: ${err.message}`)
    throw err
  }
  if (!cleaned.paragraphs.length)
    throw new ImportInputError(
      `${opts.sourceFile}: no article text found (only a title or page furniture)`,
    )
  const structured = structureArticle(cleaned)
  const index = extractEntities(structured)
  const drafts = extractClaims(structured, index)
  if (!countriesRegistered) {
    registerCountryNames([...gazetteer().countryByCode].map(([code, p]) => [code, p.name]))
    countriesRegistered = true
  }
  const set = buildDocumentSet(structured, index, drafts, {
    sourceFile: opts.sourceFile,
    sha256: sha256(text),
    importedAt: opts.importedAt,
    strippedLines: cleaned.stripped,
    publishedAt: cleaned.publishedAt ?? publishedAtOf(cleaned),
    publisher: cleaned.publisher ?? publisherOf(cleaned),
    canonicalUrl: cleaned.canonicalUrl,
    byline: cleaned.byline,
    datelineKey: datelineOf(structured.paragraphs[0]?.text ?? '', index),
  })
  return {
    ...set,
    documents: [set.article, ...set.claims, ...set.people, ...set.places, ...set.organizations],
    stripped: cleaned.stripped,
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The first full date in the page chrome, as an ISO datetime (time kept when given, read as UTC unless an offset is named). */
export function publishedAtOf(cleaned: Pick<CleanedArticle, 'dateLines'>): string | undefined {
  const lines = [...cleaned.dateLines].sort(
    (a, b) =>
      Number(/^(?:updated|last modified)/i.test(a)) - Number(/^(?:updated|last modified)/i.test(b)),
  )
  for (const line of lines) {
    const iso = line.match(/\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/)
    let y: number, mo: number, d: number
    if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    else {
      const a = line.match(/\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/)
      const b = line.match(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/)
      const m = a
        ? {month: a[1]!, day: a[2]!, year: a[3]!}
        : b
          ? {month: b[2]!, day: b[1]!, year: b[3]!}
          : undefined
      if (!m) continue
      const month = MONTHS.indexOf(m.month.slice(0, 3).toLowerCase())
      if (month < 0) continue
      ;[y, mo, d] = [Number(m.year), month + 1, Number(m.day)]
    }
    const t =
      line.match(/\b(\d{1,2})[:.](\d{2})\s*([ap])\.?m\.?/i) ?? line.match(/\b(\d{1,2}):(\d{2})\b/)
    let hh = 0
    let mm = 0
    if (t) {
      hh = Number(t[1]) % 24
      mm = Number(t[2])
      if (t[3]?.toLowerCase() === 'p' && hh < 12) hh += 12
      if (t[3]?.toLowerCase() === 'a' && hh === 12) hh = 0
    }
    const offset = /\bE[DS]T\b/.test(line)
      ? /\bEDT\b/.test(line)
        ? 4
        : 5
      : /\bP[DS]T\b/.test(line)
        ? /\bPDT\b/.test(line)
          ? 7
          : 8
        : /\bC[DS]T\b/.test(line)
          ? /\bCDT\b/.test(line)
            ? 5
            : 6
          : 0
    const date = new Date(Date.UTC(y, mo - 1, d, hh + offset, mm))
    if (!Number.isNaN(date.getTime()) && y > 1900 && y < 2200) return date.toISOString()
  }
  return undefined
}

function publisherOf(cleaned: CleanedArticle): string | undefined {
  for (const line of cleaned.stripped) {
    const m = line.match(
      /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:[-–]\d{2,4})?\s*)?([A-Z][^.|]{1,60}?)(?:\.|\s+all rights reserved|\s+or its affiliated|\s*\||$)/i,
    )
    if (m && !/all rights reserved/i.test(m[1]!)) return m[1]!.trim()
  }
  return undefined
}

/** "SANTIAGO, Dec 16 (Reuters) -", "Indianapolis –": the place an article was filed from. */
function datelineOf(first: string, index: EntityIndex): string | undefined {
  const m = first.match(
    /^([A-Z][A-Z .'-]{2,40}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{2,40}\))?\s*[-–—]/,
  )
  if (!m) return undefined
  const firstBody = index.units.findIndex((u) => u.kind === 'body')
  const hit = (index.mentionsByUnit.get(firstBody) ?? []).find(
    (x) => x.mention.start === 0 && index.entities.get(x.key)?.type === 'place',
  )
  return hit?.key
}
