// What a page says about itself: JSON-LD (schema.org NewsArticle and kin), Open Graph and article:*
// meta tags, <link rel=canonical>, <title>. Publishers fill these for search engines and social cards,
// so they are more reliable than anything read off the visible text; each field takes the first source
// that has it, in the order below.

export interface PageMetadata {
  /** The headline as the page's metadata gives it (JSON-LD, og:title, twitter:title, <title>), site suffix removed. */
  title?: string
  /** The standfirst or summary (JSON-LD description, og:description, meta description). */
  description?: string
  /** Author names, joined as a byline ("Jane Doe and John Roe"). */
  byline?: string
  /** ISO 8601 datetime, UTC. */
  publishedAt?: string
  modifiedAt?: string
  /** http(s) only. */
  canonicalUrl?: string
  /** The outlet: the JSON-LD publisher, else og:site_name. */
  publisher?: string
  /** Which source each field came from, for provenance and tests. */
  from: Partial<
    Record<
      'title' | 'description' | 'byline' | 'publishedAt' | 'canonicalUrl' | 'publisher',
      string
    >
  >
}

/** schema.org types that describe the article itself (https://schema.org/Article and its subtypes). */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'socialmediaposting',
  'liveblogposting',
  'scholarlyarticle',
  'report',
])

type Json = unknown
type JsonObject = Record<string, Json>

const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: Json): Json[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim() || undefined

function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#]/, '').toLowerCase())
}

/** Every object in a JSON-LD tree, @graph and nested arrays included, in document order. */
function flatten(value: Json, out: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 6) return out
  for (const v of asArray(value)) {
    if (!isObject(v)) continue
    out.push(v)
    if (v['@graph']) flatten(v['@graph'], out, depth + 1)
    if (isObject(v.mainEntity) || Array.isArray(v.mainEntity)) flatten(v.mainEntity, out, depth + 1)
  }
  return out
}

function parseJsonLd(text: string): Json {
  // Pages wrap JSON-LD in CDATA or HTML comments, and some leave a trailing comma: forgive those.
  const body = text
    .replace(/^\s*(?:<!\[CDATA\[|<!--)/, '')
    .replace(/(?:\]\]>|-->)\s*$/, '')
    .trim()
  try {
    return JSON.parse(body)
  } catch {
    try {
      return JSON.parse(body.replace(/,\s*([}\]])/g, '$1'))
    } catch {
      return undefined
    }
  }
}

function text(v: Json): string | undefined {
  if (typeof v === 'string') return clean(decodeEntities(v))
  if (isObject(v)) return text(v.name ?? v['@value'])
  if (Array.isArray(v)) return text(v[0])
  return undefined
}

/** JSON-LD strings sometimes carry HTML entities (&amp;, &#8217;) that the page never decoded. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(
    /&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip);/gi,
    (m, e: string) => {
      const lower = e.toLowerCase()
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)))
      return (
        {
          amp: '&',
          quot: '"',
          apos: "'",
          lt: '<',
          gt: '>',
          nbsp: ' ',
          rsquo: '\u2019',
          lsquo: '\u2018',
          rdquo: '\u201D',
          ldquo: '\u201C',
          mdash: '\u2014',
          ndash: '\u2013',
          hellip: '\u2026',
        }[lower] ?? m
      )
    },
  )
}

function authorNames(v: Json): string[] {
  const names: string[] = []
  for (const a of asArray(v)) {
    const name =
      typeof a === 'string'
        ? a
        : isObject(a)
          ? typeof a.name === 'string'
            ? a.name
            : undefined
          : undefined
    const n = clean(name)
    // Author fields sometimes hold a profile URL or an organisation's name repeated: a URL is no byline.
    if (n && !/^https?:\/\//i.test(n)) names.push(n)
  }
  return [...new Set(names)]
}

export function joinNames(names: string[]): string | undefined {
  if (!names.length) return undefined
  if (names.length === 1) return names[0]
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** A date string from any of the formats pages use, as an ISO datetime in UTC; undefined when unreadable. */
export function isoDate(value: string | undefined): string | undefined {
  const v = clean(value)
  if (!v) return undefined
  // Unix seconds or milliseconds (parsely, sailthru variants).
  if (/^\d{10}(?:\d{3})?$/.test(v)) {
    const n = Number(v)
    const d = new Date(v.length === 10 ? n * 1000 : n)
    return plausible(d)
  }
  // ISO with a compact offset ("+0000") that Date.parse rejects in some engines.
  const fixed = v
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T00:00:00Z` : fixed)
  return plausible(d)
}

function plausible(d: Date): string | undefined {
  const t = d.getTime()
  if (Number.isNaN(t)) return undefined
  const y = d.getUTCFullYear()
  return y > 1900 && y < 2200 ? d.toISOString() : undefined
}

function httpUrl(value: string | undefined, base?: string): string | undefined {
  const v = clean(value)
  if (!v) return undefined
  try {
    const u = new URL(v, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

/** Splits " | Outlet" / " - Outlet" / " — Outlet" from a title when the tail is short and names the site. */
export function stripSiteName(title: string, siteName?: string): string {
  let t = title.trim()
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    t = t
      .replace(new RegExp(`\\s*[|\\-–—:·•]\\s*${escaped}\\s*$`, 'i'), '')
      .replace(new RegExp(`^${escaped}\\s*[|\\-–—:·•]\\s*`, 'i'), '')
  }
  // The last " - Outlet Name" when that tail reads as a name (capitalized words, no dash of its own).
  const m = t.match(/^(.{15,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/)
  if (
    m &&
    m[2]!.split(/\s+/).length <= 5 &&
    !/[.!?]$/.test(m[2]!) &&
    /^(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’]*\s?)+$/u.test(m[2]!.trim())
  )
    t = m[1]!
  const pipe = t.match(/^(.{15,}?)\s*\|\s*[^|]+(?:\|[^|]+)*$/)
  if (pipe) t = pipe[1]!
  return t.trim()
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`)
      const v = clean(el?.getAttribute('content'))
      if (v) return v
    }
  }
  return undefined
}

export function readMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const from: PageMetadata['from'] = {}
  const nodes: JsonObject[] = []
  for (const script of Array.from(
    doc.querySelectorAll(
      'script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]',
    ),
  ))
    flatten(parseJsonLd(script.textContent ?? ''), nodes)
  // The article node: the first whose @type is an Article subtype; a WebPage's mainEntity was flattened in.
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)))
  const siteFromLd = article ? text(article.publisher) : undefined
  const ogSite = meta(doc, 'og:site_name', 'application-name')
  const publisher = siteFromLd ?? ogSite
  if (publisher) from.publisher = siteFromLd ? 'json-ld' : 'og:site_name'

  const pick = <T>(
    field: keyof PageMetadata['from'],
    candidates: [string, T | undefined][],
  ): T | undefined => {
    for (const [source, value] of candidates)
      if (value !== undefined && value !== null && value !== '') {
        from[field] = source
        return value
      }
    return undefined
  }

  const titleEl = clean(doc.querySelector('title')?.textContent)
  const rawTitle = pick<string>('title', [
    ['json-ld', article ? (text(article.headline) ?? text(article.name)) : undefined],
    ['og:title', meta(doc, 'og:title')],
    ['twitter:title', meta(doc, 'twitter:title')],
    ['title', titleEl],
  ])
  const title = rawTitle ? stripSiteName(rawTitle, publisher) : undefined

  const description = pick<string>('description', [
    [
      'json-ld',
      article ? (text(article.description) ?? text(article.alternativeHeadline)) : undefined,
    ],
    ['og:description', meta(doc, 'og:description')],
    ['description', meta(doc, 'description', 'twitter:description')],
  ])

  const metaAuthor = meta(
    doc,
    'author',
    'byl',
    'article:author',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'DC.creator',
  )
  const byline = pick<string>('byline', [
    ['json-ld', article ? joinNames(authorNames(article.author ?? article.creator)) : undefined],
    [
      'meta',
      metaAuthor && !/^https?:\/\//i.test(metaAuthor)
        ? metaAuthor.replace(/^by\s+/i, '')
        : undefined,
    ],
  ])

  const timeEl = doc.querySelector(
    'article time[datetime], time[itemprop="datePublished"], time[pubdate], time[datetime]',
  )
  const publishedAt = pick<string>('publishedAt', [
    [
      'json-ld',
      article ? isoDate(text(article.datePublished) ?? text(article.dateCreated)) : undefined,
    ],
    [
      'article:published_time',
      isoDate(meta(doc, 'article:published_time', 'og:article:published_time')),
    ],
    [
      'meta',
      isoDate(
        meta(
          doc,
          'datePublished',
          'parsely-pub-date',
          'sailthru.date',
          'pubdate',
          'publish-date',
          'dc.date',
          'DC.date.issued',
          'date',
          'publication_date',
        ),
      ),
    ],
    ['time', isoDate(timeEl?.getAttribute('datetime') ?? undefined)],
  ])
  const modifiedAt = article
    ? isoDate(text(article.dateModified))
    : isoDate(meta(doc, 'article:modified_time', 'og:updated_time'))

  const ldUrl = article
    ? (text(
        isObject(article.mainEntityOfPage)
          ? (article.mainEntityOfPage['@id'] ?? article.mainEntityOfPage.url)
          : article.mainEntityOfPage,
      ) ?? text(article.url))
    : undefined
  const canonicalUrl = pick<string>('canonicalUrl', [
    [
      'link',
      httpUrl(
        doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
        pageUrl,
      ),
    ],
    ['og:url', httpUrl(meta(doc, 'og:url'), pageUrl)],
    ['json-ld', httpUrl(ldUrl, pageUrl)],
    ['fetched', httpUrl(pageUrl)],
  ])

  return {title, description, byline, publishedAt, modifiedAt, canonicalUrl, publisher, from}
}
