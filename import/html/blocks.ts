// DOM → text blocks, one per paragraph, subhead, list item or quoted paragraph, with how much of each
// block is link text. The same walk turns a whole page into the one-block-per-line text dump that the
// text cleaner reads (its fallback when no article element is found).

import type {ParagraphKind} from '../clean.ts'

export type BlockKind = ParagraphKind

export interface Block {
  text: string
  kind: BlockKind
  /** Share of the block's characters inside links (0–1): link lists score near 1, prose near 0. */
  linkDensity: number
}

/** Never visible, or never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'svg',
  'template',
  'iframe',
  'select',
  'option',
  'object',
  'embed',
  'canvas',
  'head',
  'title',
  'math',
  'button',
  'input',
  'textarea',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'img',
  'map',
])

/** Picture captions and credits: the article's own text never lives in them. */
const CAPTION_TAGS = new Set(['figcaption', 'figure'])

/** HTML's block-level elements (a line break in a text dump, a block boundary here). A table row is one block, its cells separated by spaces. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'blockquote',
  'form',
  'dl',
  'dt',
  'dd',
  'hr',
  'main',
  'pre',
  'address',
  'fieldset',
  'legend',
  'caption',
  'summary',
  'details',
  'tbody',
  'thead',
  'tfoot',
])

/**
 * Class and id words that mark captions, credits and page widgets inside an article container. The
 * vocabulary is the one Readability's `unlikelyCandidates` and trafilatura's discard lists use, narrowed to
 * what can sit inside a story's own markup.
 */
const WIDGET_ATTR =
  /(?:^|[\s_-])(?:caption|credit|credits|wp-caption|image-?credit|photo-?credit|sr-only|visually-?hidden|screen-?reader|share|sharing|social|newsletter|related|promo|advert|ad-slot|ad-container|recirc|outbrain|taboola|subscribe|comments?)(?:$|[\s_-])/i

export interface WalkOptions {
  /** Drop captions, figures, hidden and widget-classed elements (the article path); a raw dump keeps them, as a scraper would. */
  article: boolean
  /** Also drop the page's own chrome (nav, aside, footer, forms): for reading a page Readability found no article in. */
  chrome?: boolean
}

/** Elements that hold a page's chrome, never its story. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog'])

/**
 * An element named like a widget that is as small as one: a container of the story's text can carry the
 * same words in its class ("entry-content has-share-buttons"), so a long one is kept.
 */
export function isWidget(el: Element): boolean {
  if (!WIDGET_ATTR.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`))
    return false
  return (el.textContent ?? '').length < WIDGET_MAX_CHARS
}

/**
 * Removes the small widget-named elements (share bars, related boxes, newsletter prompts) from a page
 * before Readability reads it: Readability rewrites some elements and drops their class names, after
 * which a share bar is one more paragraph.
 */
export function removeWidgets(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class], [id]')))
    if (el.isConnected && isWidget(el)) el.remove()
}

/** The most text an element named like a widget may hold and still be dropped as one. */
const WIDGET_MAX_CHARS = 600

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  const style = el.getAttribute('style')
  return Boolean(style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style))
}

function kindOf(tag: string, inQuote: boolean): BlockKind {
  if (/^h[1-6]$/.test(tag)) return 'heading'
  if (tag === 'pre') return 'preformatted'
  if (inQuote) return 'quote'
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item'
  return 'paragraph'
}

export function blocksOf(root: Node, opts: WalkOptions): Block[] {
  const out: Block[] = []
  let parts: string[] = []
  let linkChars = 0
  let kind: BlockKind = 'paragraph'

  const flush = () => {
    const raw = parts.join('')
    const text = raw.replace(/\s+/g, ' ').trim()
    if (text) {
      const total = raw.replace(/\s+/g, '').length || 1
      out.push({text, kind, linkDensity: Math.min(1, linkChars / total)})
    }
    parts = []
    linkChars = 0
  }

  const walk = (node: Node, inLink: boolean, inQuote: boolean, blockKind: BlockKind) => {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? ''
      if (!parts.length) kind = blockKind
      parts.push(t)
      if (inLink) linkChars += t.replace(/\s+/g, '').length
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const el = node as Element
    const tag = el.tagName ? el.tagName.toLowerCase() : ''
    if (tag) {
      if (SKIP_TAGS.has(tag)) return
      if (opts.article && (CAPTION_TAGS.has(tag) || isHidden(el) || isWidget(el))) return
      if (opts.chrome && CHROME_TAGS.has(tag)) return
    }
    const block = BLOCK_TAGS.has(tag)
    const quote = inQuote || tag === 'blockquote'
    const nextKind =
      block && tag !== 'div' && tag !== 'section' && tag !== 'article' && tag !== 'main'
        ? kindOf(tag, quote)
        : quote
          ? 'quote'
          : blockKind
    if (block) flush()
    const link = inLink || tag === 'a'
    if (tag === 'td' || tag === 'th') parts.push(' ')
    for (let child = node.firstChild; child; child = child.nextSibling)
      walk(child, link, quote, nextKind)
    if (block) flush()
  }

  walk(root, false, false, 'paragraph')
  flush()
  return out
}
