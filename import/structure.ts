// Stage 3: cleaned article → headline, dek, paragraphs and sentences with character offsets.
import type {CleanedArticle, ParagraphKind} from './clean.ts'

export interface Sentence {
  text: string
  /** Offsets into the paragraph's text. */
  start: number
  end: number
}

export interface Paragraph {
  text: string
  sentences: Sentence[]
  /** Where the page marks it: a subhead, a quoted paragraph, a list item (else a plain paragraph). */
  kind?: ParagraphKind
}

export interface StructuredArticle {
  headline: string
  dek?: string
  paragraphs: Paragraph[]
}

/** Words that end with a full stop without ending a sentence (lowercased, without the dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm brig gov sen rep rev fr hon pres supt insp det ' +
    'st ste mt ft jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc corp co ltd llc plc jr sr vs etc al approx dept est no nos vol fig ed eds op ave blvd rd univ assn bros ' +
    'a.m p.m e.g i.e u.s u.k u.n e.u d.c n.y l.a u.s.a'
  ).split(' '),
)

/** Words that, capitalized after "U.S." or an initial, still start a new sentence. */
const SENTENCE_STARTERS = new Set(
  'the a an he she it they we i you this that these those there his her its their but and so yet in on at for if when while after before as although though however meanwhile still also some many most one two no not'.split(
    ' ',
  ),
)

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  // Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then an opener.
  const re = /([.!?]+)(["')\]]*)(\s+)(?=["'([]?[A-Z0-9])/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    const punct = m[1]!
    const closeEnd = m.index + punct.length + m[2]!.length
    if (punct === '.' && !m[2] && !isBoundaryAfterPeriod(text, m.index, closeEnd + m[3]!.length))
      continue
    push(out, text, start, closeEnd)
    start = closeEnd + m[3]!.length
  }
  push(out, text, start, text.length)
  return out
}

function push(out: Sentence[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({text: text.slice(start, end), start, end})
}

function isBoundaryAfterPeriod(text: string, dot: number, next: number): boolean {
  const before = text.slice(Math.max(0, dot - 12), dot)
  const word = before.match(/([A-Za-z][A-Za-z.]*)$/)?.[1] ?? ''
  const following = text.slice(next).match(/^["'(]?([A-Za-z]+)/)?.[1] ?? ''
  const startsSentence = SENTENCE_STARTERS.has(following.toLowerCase())
  if (!word) return true
  const lower = word.toLowerCase()
  // Single initials ("J. K. Rowling", "George W. Bush") do not end sentences.
  if (/^[A-Z]$/.test(word)) return false
  // Dotted acronyms ("U.S.", "D.C.") end a sentence only when a typical sentence opener follows.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return startsSentence
  if (ABBREVIATIONS.has(lower)) {
    // Titles always bind to the next word; months and others end a sentence before a clear opener.
    if (
      /^(?:mr|mrs|ms|mx|dr|prof|gen|lt|col|maj|capt|cpt|sgt|cmdr|adm|brig|gov|sen|rep|rev|fr|hon|pres|supt|insp|det|st|ste|mt|ft|no|nos|vs)$/.test(
        lower,
      )
    )
      return false
    return startsSentence
  }
  return true
}

/** Longer paragraphs are cut at sentence ends: the later stages look at one paragraph at a time. */
export const MAX_PARAGRAPH = 3000

export function structureArticle(cleaned: CleanedArticle): StructuredArticle {
  return {
    headline:
      cleaned.headline.length > 400
        ? cleaned.headline.slice(0, 400).replace(/\s+\S*$/, '')
        : cleaned.headline,
    dek: cleaned.dek,
    paragraphs: cleaned.paragraphs.flatMap((p, i) => {
      const kind = cleaned.kinds?.[i]
      return bounded(p).map((text) => ({
        text,
        sentences: splitSentences(text),
        ...(kind && kind !== 'paragraph' ? {kind} : {}),
      }))
    }),
  }
}

function bounded(text: string): string[] {
  if (text.length <= MAX_PARAGRAPH) return [text]
  const out: string[] = []
  let current = ''
  for (const s of splitSentences(text)) {
    let sentence = s.text
    while (sentence.length > MAX_PARAGRAPH) {
      // A "sentence" this long has no punctuation to go by: cut at a space.
      const cut = sentence.lastIndexOf(' ', MAX_PARAGRAPH)
      const at = cut > MAX_PARAGRAPH / 2 ? cut : MAX_PARAGRAPH
      if (current) out.push(current)
      current = ''
      out.push(sentence.slice(0, at).trim())
      sentence = sentence.slice(at).trim()
    }
    if (current && current.length + sentence.length + 1 > MAX_PARAGRAPH) {
      out.push(current)
      current = sentence
    } else current = current ? `${current} ${sentence}` : sentence
  }
  if (current) out.push(current)
  return out.filter(Boolean)
}
