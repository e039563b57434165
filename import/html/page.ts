// Stage 2 for HTML: a whole page → the article's own blocks, through a real DOM (linkedom) and Mozilla's
// Readability, with the page's metadata taken first. It ends in the same CleanedArticle as the text
// cleaner, so every later stage is shared. When Readability finds no article container (pages without
// one exist), the page is dumped to text one block per line and the text cleaner reads it.
import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import {cleanArticle, type CleanedArticle} from '../clean.ts'
import {titleOverlap} from '../clean/headline.ts'
import {endsSentence, isTailHeading, noiseRule, wordCount} from '../clean/noise.ts'
import {ImportInputError} from '../errors.ts'
import {normalizeArticleText, normalizeCharacters} from '../read.ts'
import {blocksOf, removeWidgets, type Block} from './blocks.ts'
import {readMetadata, stripSiteName, type PageMetadata} from './metadata.ts'

export interface HtmlPageOptions {
  /** The URL the page was fetched from: resolves relative links and is the canonical URL of last resort. */
  url?: string
}

/** Readability's own threshold is 500 characters of article text; below it, the text cleaner decides. */
const MIN_ARTICLE_CHARS = 400
/** A description shorter than this, or ending without a full stop, is a standfirst rather than a lede. */
const STANDFIRST_WORDS = 15
/** A block that is mostly link text is a list of other stories, not prose. */
const LINK_LIST_DENSITY = 0.5

export function parseDocument(html: string): Document {
  // linkedom parses fragments without <html>/<body> into a detached tree: give it a document shape.
  const source = /<html[\s>]/i.test(html.slice(0, 5000))
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`
  return parseHTML(source).document as unknown as Document
}

/** The text normalization every stage expects (quotes, spaces), on one block; empty stays empty. */
const normalize = (s: string) =>
  normalizeCharacters(s)
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
/**
 * The headline readers see: the page's <h1> when it is the metadata's title (the two differ in a site
 * suffix, a kicker or punctuation), the metadata title when no <h1> matches it (an <h1> holding the site's
 * logo is common), and an <h1> when the page has no metadata title at all.
 */
export function visibleHeadline(
  meta: Pick<PageMetadata, 'title'>,
  h1s: string[],
  fallback?: string,
): string | undefined {
  const title = meta.title
  const visible = h1s.filter((h) => h.split(/\s+/).length >= 3 && h.length <= 300)
  if (title) {
    const best = visible
      .map((h) => ({h, score: titleOverlap(h, title)}))
      .sort((a, b) => b.score - a.score)[0]
    if (best && best.score >= 0.6) return best.h
    return title
  }
  return visible[0] ?? fallback
}

/** Blocks Readability kept that are still page furniture: link lists, widget lines, repeated headlines, a trailing "Related" section. */
function articleBlocks(
  blocks: Block[],
  headline: string | undefined,
  byline: string | undefined,
): {kept: Block[]; stripped: string[]} {
  const kept: Block[] = []
  const stripped: string[] = []
  const head = headline ? normalize(headline).toLowerCase() : ''
  let inTail = false
  for (const block of blocks) {
    const text = normalize(block.text)
    if (!text) continue
    const n = wordCount(text)
    const prose =
      n >= 12 &&
      (endsSentence(text) || /[:"')\]]$/.test(text)) &&
      block.linkDensity < LINK_LIST_DENSITY
    if (isTailHeading(text) && !prose) {
      inTail = true
      stripped.push(text)
      continue
    }
    if (inTail && !prose) {
      stripped.push(text)
      continue
    }
    inTail = false
    const repeatsHeadline = head && text.toLowerCase() === head
    const isByline =
      byline && n <= 12 && text.toLowerCase().includes(byline.toLowerCase()) && !endsSentence(text)
    const linkList = block.linkDensity >= LINK_LIST_DENSITY && (n < 25 || block.linkDensity > 0.8)
    if (repeatsHeadline || isByline || linkList || noiseRule(text)) {
      stripped.push(text)
      continue
    }
    kept.push({...block, text})
  }
  // Trailing short lines after the last paragraph: tags, sign-offs and link titles.
  while (kept.length > 1 && wordCount(kept.at(-1)!.text) < 8 && !endsSentence(kept.at(-1)!.text))
    stripped.push(kept.pop()!.text)
  return {kept, stripped}
}

/** What a page holds when it holds no article, for the one-line refusal. */
function describeNonArticle(doc: Document): string {
  const links = doc.querySelectorAll('a[href]').length
  const paragraphs = Array.from(doc.querySelectorAll('p')).filter(
    (p) => (p.textContent ?? '').trim().split(/\s+/).length >= 12,
  ).length
  const chars = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim().length
  if (!chars) return 'the page has no visible text'
  if (links >= 10 && paragraphs < 2)
    return `only navigation and a list of links (${links} links, ${paragraphs} paragraphs of prose)`
  return `no article text found (${paragraphs} paragraphs of prose, ${chars} characters of visible text)`
}

export function cleanHtmlPage(html: string, opts: HtmlPageOptions = {}): CleanedArticle {
  const doc = parseDocument(html)
  const meta = readMetadata(doc, opts.url)
  const h1s = Array.from(doc.querySelectorAll('h1'))
    .map((h) => normalize(h.textContent ?? ''))
    .filter(Boolean)
  const pageText = normalize(doc.body?.textContent ?? '')

  let parsed: {title?: string | null; byline?: string | null; content?: Node | null} | null
  if (doc.body) removeWidgets(doc.body)
  try {
    parsed = new Readability(doc, {
      keepClasses: true,
      charThreshold: 500,
      serializer: (node: Node) => node,
    }).parse()
  } catch {
    parsed = null
  }
  const headline = visibleHeadline(
    meta,
    h1s,
    parsed?.title ? stripSiteName(parsed.title, meta.publisher) : undefined,
  )
  const byline =
    meta.byline ?? (parsed?.byline ? parsed.byline.replace(/^by\s+/i, '').trim() : undefined)
  const blocks = parsed?.content ? blocksOf(parsed.content, {article: true}) : []
  const {kept, stripped} = articleBlocks(blocks, headline, byline)
  const chars = kept.reduce((n, b) => n + b.text.length, 0)

  let cleaned: CleanedArticle
  if (chars >= MIN_ARTICLE_CHARS) {
    cleaned = {
      headline: headline ?? kept[0]!.text.slice(0, 120),
      paragraphs: kept.map((b) => b.text),
      kinds: kept.map((b) => b.kind),
      stripped,
      dateLines: [],
      byline,
    }
  } else {
    // No article container: read the page as a text dump, with the metadata's headline to anchor it.
    // (Readability changed the tree it read: the dump comes from a fresh parse.)
    const fresh = parseDocument(html)
    const text = blocksOf(fresh.body ?? fresh, {article: true, chrome: true})
      .map((b) => b.text)
      .join('\n')
    if (!text.trim()) throw new ImportInputError(describeNonArticle(doc))
    try {
      cleaned = cleanArticle(normalizeArticleText(text), {headline})
    } catch (err) {
      if (err instanceof ImportInputError) throw new ImportInputError(describeNonArticle(doc))
      throw err
    }
    if (!cleaned.paragraphs.length) throw new ImportInputError(describeNonArticle(doc))
    if (byline && !cleaned.byline) cleaned.byline = byline
  }
  const dek = meta.description ? normalize(meta.description) : undefined
  // The standfirst as a paragraph of its own at the top is the dek, not the story; a description that is
  // the lede itself (a full sentence of some length, as most pages' og:description is) stays the lede.
  const standfirst = (p: string) =>
    p.split(' ').length < STANDFIRST_WORDS || !/[.!?]["')]?$/.test(p)
  if (dek && cleaned.paragraphs.length > 1 && cleaned.paragraphs[0] === dek && standfirst(dek)) {
    cleaned.paragraphs.shift()
    cleaned.kinds?.shift()
  }
  // A description is the page's dek only where readers see it, and not when it is the lede repeated.
  const lede = cleaned.paragraphs.slice(0, 2).join(' ').toLowerCase()
  const visibleDek =
    dek &&
    pageText.includes(dek) &&
    !lede.includes(dek.replace(/(?:\.\.\.|…)$/, '').toLowerCase()) &&
    dek !== cleaned.headline
      ? dek
      : undefined
  return {
    ...cleaned,
    dek: visibleDek ?? cleaned.dek,
    publishedAt: meta.publishedAt,
    canonicalUrl: meta.canonicalUrl,
    publisher: meta.publisher,
    byline: cleaned.byline ?? byline,
  }
}
