// Stage 2 for text dumps: page text (one block per line) → the article's own lines. A block classifier
// (clean/classify.ts) finds the body run; the headline is the title-like line that best matches it
// (clean/headline.ts); page chrome is kept aside for provenance, bylines and dates read off it.
import {classifyLines} from './clean/classify.ts'
import {chooseHeadline} from './clean/headline.ts'
import {
  DATE_RE,
  capitalizedShare,
  endsSentence,
  isBodyLike,
  isTailHeading,
  noiseRule,
  wordCount,
} from './clean/noise.ts'

export {isBodyLike, isTailHeading, noiseRule}

export interface CleanedArticle {
  headline: string
  dek?: string
  /** Body paragraphs, in order. */
  paragraphs: string[]
  /** The kind of each paragraph where the source marks it (HTML: subheads, quotes, list items); text dumps leave it out. */
  kinds?: ParagraphKind[]
  /** Every non-blank line removed as page noise, in page order. */
  stripped: string[]
  /** Date-like lines seen in the page chrome (for publishedAt). */
  dateLines: string[]
  /** A byline, when one was found ("By Jane Doe" → "Jane Doe"). */
  byline?: string
  /** From the page's own metadata (HTML only): ISO datetime, http(s) URL, outlet name. */
  publishedAt?: string
  canonicalUrl?: string
  publisher?: string
}

export type ParagraphKind = 'paragraph' | 'heading' | 'quote' | 'item' | 'preformatted'

export interface CleanOptions {
  /** A headline known from elsewhere (an HTML page's metadata): the line that carries it is the title line. */
  headline?: string
}

/** Removes a " | Site name" or " - Site name" suffix that a page <title> carries. */
function stripSiteSuffix(headline: string): string {
  const m = headline.match(/^(.{20,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/)
  if (m && wordCount(m[2]!) <= 4 && !/[.!?]$/.test(m[2]!)) return m[1]!
  return headline
}

/** A caption describes a picture: a present-tense scene sentence, often with a credit. */
function looksLikeCaption(line: string): boolean {
  return /(?:pictured|photograph(?:ed)?|seen here|\bleft\b|\bright\b|centre|center)|\((?:left|right|centre|center)\)/i.test(
    line,
  )
}

/** How many lines below the headline a dek may sit (a byline or date may come between). */
const DEK_REACH = 4

export function cleanArticle(text: string, opts: CleanOptions = {}): CleanedArticle {
  const lines = unwrap(text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).filter(Boolean)
  const stripped: string[] = []
  const dateLines: string[] = []
  let byline: string | undefined
  const note = (line: string) => {
    stripped.push(line)
    if (DATE_RE.test(line) || /^(?:updated|published|posted)\b/i.test(line)) dateLines.push(line)
    const by = line.match(/^(?:by|written by|story by)\s+(.+)$/i)
    if (by && !byline) byline = by[1]!.replace(/\s*[|,]\s*(?:updated|published).*$/i, '').trim()
  }
  if (!lines.length) return {headline: '', paragraphs: [], stripped, dateLines}

  const {body, run, list} = classifyLines(lines)
  const choice = run ? chooseHeadline(lines, run[0], run[1], opts.headline) : undefined
  let head = choice?.index ?? -1
  let headline: string
  // No body run at all: the page holds no article (menus, link lists, widgets); the caller refuses it.
  if (!run)
    return {headline: opts.headline ?? '', paragraphs: [], stripped: lines, dateLines, byline}
  if (head < 0) {
    // No title-like line: the first prose line opens the body and names the article with its first sentence.
    const line = lines[run[0]]!
    headline = (
      line.match(/^.{20,200}?[.!?](?=\s|$)/)?.[0] ?? line.slice(0, 120).replace(/\s+\S*$/, '')
    ).replace(/[.]$/, '')
    head = run[0] - 1
  } else headline = stripSiteSuffix(lines[head]!)
  const runEnd = Math.max(run[1], head)

  // The body opens at the first body line after the headline.
  let bodyStart = body.findIndex((b, i) => b && i > head)
  if (bodyStart < 0) bodyStart = lines.length
  // Between the headline and the body: at most one dek; bylines, captions, author titles and promos go.
  let dek: number | undefined
  let afterCredit = false
  for (let i = head + 1; i < bodyStart && i - head <= DEK_REACH; i++) {
    const line = lines[i]!
    const n = wordCount(line)
    // A line right after a picture credit is that picture's caption.
    if (
      dek === undefined &&
      !afterCredit &&
      !noiseRule(line) &&
      !isTailHeading(line) &&
      n >= 6 &&
      n <= 60 &&
      !looksLikeCaption(line)
    )
      dek = i
    const rule = noiseRule(line)
    afterCredit = rule === 'photo-credit' || rule === 'agency-credit'
  }

  const keep = lines.map(
    (line, i) => i >= bodyStart && body[i]! && i <= runEnd && line !== headline,
  )
  // Trailing short lines after the last prose paragraph are page furniture (tags, sign-offs, link titles).
  // (A closing list's items are the story's: they end no sentence either.)
  for (
    let i = keep.lastIndexOf(true);
    i > bodyStart && !isBodyLike(lines[i]!) && !endsSentence(lines[i]!) && !(list && i >= list[0]);
    i = keep.lastIndexOf(true)
  )
    keep[i] = false
  const paragraphs: string[] = []
  const kept = new Set<string>()
  lines.forEach((line, i) => {
    // A sentence the page repeats (a highlight, a pull quote) is the story's once.
    if (keep[i] && !kept.has(line)) {
      paragraphs.push(line)
      kept.add(line)
    } else if (i !== head && i !== dek) note(line)
  })
  return {
    headline,
    dek: dek === undefined ? undefined : lines[dek],
    paragraphs,
    stripped,
    dateLines,
    byline,
  }
}

/** Most longer words capitalized: a title or a teaser, which a wrapped line of prose never is. */
const titleLike = (line: string) => capitalizedShare(line) >= 0.6

/**
 * Rejoins hard-wrapped prose: a long line that does not end a sentence, followed directly by a line
 * that continues it (lowercase start, or the first line ends mid-clause). A title line is never joined:
 * only lines that already read as prose continue.
 */
function unwrap(lines: string[]): string[] {
  // A page hard-wrapped at a fixed width: no line longer than the width, and most prose lines close to it.
  const lengths = lines.map((l) => l.length).filter((n) => n >= 40)
  const width = Math.max(0, ...lines.map((l) => l.length))
  const wrapped =
    width >= 50 &&
    width <= 110 &&
    lengths.length >= 8 &&
    lengths.filter((n) => n >= width - 25).length >= lengths.length * 0.6
  const out: string[] = []
  let joinable = false
  for (const line of lines) {
    const prev = out.at(-1)
    const continues =
      prev &&
      line &&
      joinable &&
      !noiseRule(line) &&
      ((wrapped && prev.length >= width - 25) ||
        (prev.length >= 50 &&
          !/[.!?:"')\]]$/.test(prev) &&
          !titleLike(prev) &&
          (/^[a-z(“"']/.test(line) ||
            /[,;–—-]$/.test(prev) ||
            /\b(?:the|a|an|of|to|in|and|or|for|with|that|on|at|by)$/i.test(prev))))
    if (continues) out[out.length - 1] = `${prev} ${line}`
    else {
      out.push(line)
      joinable = Boolean(line) && !noiseRule(line)
    }
  }
  return out
}
