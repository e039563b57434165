// Stage 2: page text → the article's own lines. Page chrome (widgets, navigation, bylines, captions,
// share bars, "Related" tails, copyright) is recognised by general rules and kept aside for provenance.
// The headline is chosen by scoring candidate lines, not by position alone.

export interface CleanedArticle {
  headline: string
  dek?: string
  /** Body paragraphs, in order. */
  paragraphs: string[]
  /** Every non-blank line removed as page noise, in page order. */
  stripped: string[]
  /** Date-like lines seen in the page chrome (for publishedAt). */
  dateLines: string[]
  /** A byline, when one was found ("By Jane Doe" → "Jane Doe"). */
  byline?: string
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?'
const DATE_RE = new RegExp(
  `\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b`,
  'i',
)
const TIME_RE = /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d+)?)?\b/i

const wordsOf = (line: string) => line.split(/\s+/).filter(Boolean)
const endsSentence = (line: string) => /[.!?]["')\]]*$/.test(line) || /[.!?]["')\]]*\s*\(.*\)$/.test(line)

/** A line that is prose: long enough and ending like a sentence. */
export function isBodyLike(line: string): boolean {
  const n = wordsOf(line).length
  return (n >= 14 && endsSentence(line)) || n >= 30
}

/** Lines that are page furniture wherever they appear. Order matters only for readability. */
const NOISE_RULES: {name: string; test: (line: string, words: number) => boolean}[] = [
  // Weather / temperature widgets: "30.1 C", "72°F", "Sunny 18°", "H: 20° L: 12°".
  {name: 'weather', test: (l, n) => n <= 6 && (/^-?\d+(?:[.,]\d+)?\s*°?\s*[CF]\b\.?$/i.test(l) || /-?\d+\s*°\s*[CF]?/.test(l))},
  {name: 'weather-word', test: (l, n) => n <= 4 && /^(?:sunny|cloudy|partly cloudy|clear|rain|showers|overcast|fog|snow|thunderstorms?|mostly (?:sunny|cloudy))$/i.test(l)},
  // Bylines and timestamps.
  {name: 'byline', test: (l, n) => n <= 14 && /^(?:by|written by|words by|reporting by|report by|story by|posted by|author:?)\s+\S/i.test(l) && !endsSentence(l.replace(/\b[A-Z]\.$/, ''))},
  {name: 'credits', test: (l) => /^\(?(?:reporting|additional reporting|writing|editing|edited|compiled|produced) by\b/i.test(l)},
  {name: 'contributor', test: (l, n) => n <= 30 && /\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article)\b/i.test(l)},
  {name: 'timestamp', test: (l, n) => n <= 14 && (DATE_RE.test(l) || TIME_RE.test(l) || /\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b/i.test(l)) && !endsSentence(l)},
  {name: 'timestamp-word', test: (l, n) => n <= 8 && /^(?:updated|published|posted|last updated|first published|modified)\b/i.test(l)},
  {name: 'date-only', test: (l, n) => n <= 5 && new RegExp(`^(?:${WEEKDAY},?\\s*)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s*\\d{4})?$`, 'i').test(l)},
  {name: 'reading-time', test: (l, n) => n <= 8 && (/\b\d+\s*min(?:ute)?s?\s+(?:read|listen)\b/i.test(l) || /^listen(?: to this (?:article|story))?\b/i.test(l))},
  // Author bios and contact lines: an e-mail address or phone number in a short line.
  {name: 'contact', test: (l, n) => n <= 45 && (/\b[\w.+-]+@[\w-]+\.[\w.]+\b/.test(l) || /\b(?:reach|contact|follow|email) (?:him|her|them|me|us|the author)\b/i.test(l))},
  // Gallery captions ("Item 1 of 3 …", "[1/3] …") and licensing links.
  {name: 'gallery', test: (l) => /^(?:item \d+ of \d+\b|\[\d+\s*\/\s*\d+\])/i.test(l) || /\bpurchase licensing rights\b/i.test(l) || /, opens new tab$/i.test(l)},
  // Photo captions and credits.
  {name: 'photo-credit', test: (l, n) => n <= 25 && /(?:\b(?:photo|photograph|image|picture|video|illustration|graphic)s?\s*(?:credit)?\s*[:/|]|\((?:photo|image|credit)[^)]*\)$|\b(?:getty images|afp via getty|ap photo|reuters\/|shutterstock|file photo|epa-efe|photo by|photographed by)\b|\/\s*(?:AFP|AP|Reuters|Getty|EPA|Bloomberg)\b)/i.test(l)},
  {name: 'caption-label', test: (l) => /^(?:caption|credit|source|image source|photo|file|watch|listen|video)\s*[:|]/i.test(l)},
  // Share / subscribe / newsletter / cookie / ads.
  {name: 'share', test: (l, n) => n <= 8 && /^(?:share(?: this(?: article| story)?)?|tweet|email|e-mail|print|copy(?: the)? link|link copied|save|comments?|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger)(?:\s*[|/,·•]\s*\w+)*\s*:?$/i.test(l)},
  {name: 'share-on', test: (l, n) => n <= 8 && /^(?:share|post|send) (?:on|via|to) \w+/i.test(l)},
  {name: 'subscribe', test: (l, n) => n <= 30 && /\b(?:subscribe|subscription|sign up|sign in|log in|newsletter|inbox|unsubscribe|create (?:a free )?account|already a subscriber|register (?:now|for free))\b/i.test(l) && !/\b(?:said|says|told)\b/.test(l)},
  {name: 'privacy-notice', test: (l, n) => n <= 80 && (/^privacy (?:notice|policy|statement)\s*:/i.test(l) || (/\bprivacy (?:notice|policy)\b/i.test(l) && /\b(?:newsletters?|subscri\w+|recaptcha)\b/i.test(l)))},
  {name: 'cookie', test: (l, n) => n <= 60 && /\bcookies?\b/i.test(l) && /\b(?:accept|consent|privacy|browser|we use|settings)\b/i.test(l)},
  {name: 'advert', test: (l, n) => n <= 4 && /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|scroll to continue(?: with content)?|continue reading|skip (?:to )?(?:main )?content|skip advert(?:isement)?|story continues below(?: advertisement)?)\b/i.test(l)},
  {name: 'copyright', test: (l, n) => n <= 40 && (/©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i.test(l))},
  {name: 'terms', test: (l, n) => n <= 12 && /^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|cookie (?:policy|settings)|accessibility|sitemap|careers|advertise(?: with us)?)\b/i.test(l)},
  {name: 'breadcrumb', test: (l, n) => n <= 16 && (/\s[›»>|]\s/.test(l) || /\s\/\s.*\s\/\s/.test(l) || /^(?:[\w&'-]+\s*){1,3}(?:[|•·]\s*(?:[\w&'-]+\s*){1,3}){2,}$/.test(l)) && !endsSentence(l)},
  {name: 'url', test: (l, n) => n <= 3 && /^(?:https?:\/\/|www\.)\S+$/i.test(l)},
  {name: 'inline-link', test: (l, n) => n <= 30 && /^(?:related|read more|read also|also read|see also|more|watch|listen|recommended|read)\s*:\s*\S/i.test(l)},
  {name: 'social-handle', test: (l, n) => n <= 8 && /(?:^|\s)@\w{2,}/.test(l) && !endsSentence(l)},
  {name: 'hashtags', test: (l) => /^(?:#\w+\s*){1,}$/.test(l)},
  {name: 'tags-label', test: (l, n) => n <= 20 && /^(?:tags?|topics?|filed under|categories|keywords)\s*:/i.test(l)},
  // Rules and separators ("___", "* * *"), and list widgets' screen-reader labels ("list 1 of 3").
  {name: 'separator', test: (l) => !/[\p{L}\p{N}]/u.test(l)},
  {name: 'list-widget', test: (l) => /^(?:list(?:\s+\d+)?\s+of\s+\d+(?:\s+items?)?|end of list)$/i.test(l)},
  // A caption closed by its credit in parentheses: "(AP Photo/Jane Doe)", "(KVTN 8 / Chopper 8)".
  {name: 'caption-credit', test: (l, n) => n <= 45 && /\([^()]*[A-Za-z][^()]*(?:\s\/\s|\/[A-Z])[^()]*\)$/.test(l)},
  // Editors' notes about the page itself, not the story.
  {name: 'update-note', test: (l, n) => n <= 30 && /\b(?:will (?:continue to )?update (?:this|the) (?:story|article|report|page)|check back (?:later )?for (?:updates|more)|this (?:is a developing|story is developing|story will be updated|article (?:has been|was) updated))\b/i.test(l)},
  {name: 'counter', test: (l, n) => n <= 3 && /^\d+(?:[.,]\d+)?[kKmM]?\s*(?:comments?|shares?|views?|likes?)?$/i.test(l)},
]

/** Headings that start a tail of other stories (links follow them, not the article). */
const TAIL_RE =
  /^(?:related(?:\s+(?:articles?|stories|news|content|posts|coverage|reading|topics))?|recent(?:\s+(?:articles?|stories|posts|news))?|read more(?:\s+\w+){0,3}|read next|more (?:from|on|about|in|stories|news)\b.*|more stories|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|recommended(?: for you| stories| articles| reading)?|most (?:read|popular|viewed|shared)|trending(?: now| stories| news)?|popular(?: now| stories)?|latest(?: news| stories| articles| headlines)?|top stories|also read|see also|further reading|what to read next|editor'?s? picks?|don'?t miss|explore more|keep reading|in other news|comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)|join the conversation|around the web|from the web|sponsored stories|up next|watch next|more videos?)\s*[:.]?\s*$/i

const noiseCache = new Map<string, string | null>()
export function noiseRule(line: string): string | undefined {
  const cached = noiseCache.get(line)
  if (cached !== undefined) return cached ?? undefined
  const n = wordsOf(line).length
  let found: string | null = null
  for (const rule of NOISE_RULES)
    if (rule.test(line, n)) {
      found = rule.name
      break
    }
  // Bounded: a long-running import of many pages must not grow without limit.
  if (noiseCache.size > 5000) noiseCache.clear()
  noiseCache.set(line, found)
  return found ?? undefined
}

export function isTailHeading(line: string): boolean {
  return TAIL_RE.test(line.trim())
}

/** How much a line looks like the article's headline (higher is better), or -Infinity. */
function headlineScore(lines: string[], i: number): number {
  const line = lines[i]!
  const words = wordsOf(line)
  const n = words.length
  if (n < 3 || n > 30 || line.length > 220) return -Infinity
  if (noiseRule(line) || isTailHeading(line)) return -Infinity
  if (!/^["'(]?[A-Z0-9]/.test(line)) return -Infinity
  let score = 0
  // Title-like length.
  score += n >= 5 && n <= 20 ? 3 : 1
  // Headlines rarely end with a full stop; body sentences do.
  if (/\.["')]*$/.test(line) && !/\b[A-Z]\.$/.test(line)) score -= 3
  if (isBodyLike(line)) score -= 4
  // Followed by body text soon after (page chrome in between does not count against it).
  let bodyAhead = 0
  let seen = 0
  const bodyWords = new Set<string>()
  for (let j = i + 1; j < lines.length && seen < 8; j++) {
    const next = lines[j]!
    if (!next || noiseRule(next)) continue
    seen++
    if (isTailHeading(next)) break
    if (isBodyLike(next)) {
      bodyAhead++
      if (bodyAhead === 1) score += seen <= 3 ? 4 : 3
      for (const w of contentWords(next)) bodyWords.add(w)
      if (bodyAhead >= 3) break
    }
  }
  if (bodyAhead >= 2) score += 2
  if (!bodyAhead) score -= 5
  // A headline is about what the first paragraphs are about: count its words found there.
  const shared = new Set(contentWords(line).filter((w) => bodyWords.has(w))).size
  score += Math.min(shared, 6) * 0.8
  // Earlier lines are likelier, but only slightly: pages open with chrome.
  const before = lines.slice(0, i).filter(Boolean).length
  score -= Math.min(3, before * 0.15)
  // Headline case ("Iran Pledges Retaliation") or a sentence with a verb both pass; all-caps site names do not.
  if (line === line.toUpperCase() && /[A-Z]{3}/.test(line) && n <= 4) score -= 3
  // Site-name suffixes ("… | The Outlet") are a sign of a <title>, still a headline.
  return score
}

const STOP = new Set('that this with from have has had were was will would could should their there they them than then what when where which while about after before into over under more most also been being your just like over such only some other very said says'.split(' '))
/** Lowercased content words cut to five letters, a crude stem ("agreed" and "agree" meet). */
function contentWords(line: string): string[] {
  return (line.toLowerCase().match(/[\p{L}\p{N}£$€]{4,}/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5))
}

/** Removes a " | Site name" or " - Site name" suffix that a page <title> carries. */
function stripSiteSuffix(headline: string): string {
  const m = headline.match(/^(.{20,}?)\s+[|–—-]\s+([^|–—-]{2,40})$/)
  if (m && wordsOf(m[2]!).length <= 4 && !/[.!?]$/.test(m[2]!)) return m[1]!
  return headline
}

export function cleanArticle(text: string): CleanedArticle {
  const lines = unwrap(text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()))
  const stripped: string[] = []
  const dateLines: string[] = []
  let byline: string | undefined

  // The headline: the best-scoring candidate in the first part of the page.
  const limit = Math.max(12, Math.ceil(lines.length * 0.6))
  const scores: {i: number; score: number}[] = []
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    if (!lines[i]) continue
    const score = headlineScore(lines, i)
    if (score > -Infinity) scores.push({i, score})
  }
  // A headline comes before its dek and the caption that follow it and look alike: of the near-best
  // candidates, the first one wins.
  const top = Math.max(...scores.map((s) => s.score))
  let best = scores.find((s) => s.score >= top - 2 && s.score > 0)?.i ?? scores.find((s) => s.score === top)?.i ?? -1
  if (best < 0) {
    // No title-like line at all: the first prose line opens the body and gives a headline of its own words.
    best = lines.findIndex((l) => l.length > 0)
  }

  const note = (line: string) => {
    stripped.push(line)
    if (DATE_RE.test(line) || /^(?:updated|published|posted)\b/i.test(line)) dateLines.push(line)
    const by = line.match(/^(?:by|written by|story by)\s+(.+)$/i)
    if (by && !byline) byline = by[1]!.replace(/\s*[|,]\s*(?:updated|published).*$/i, '').trim()
  }
  for (let i = 0; i < best; i++) if (lines[i]) note(lines[i]!)

  let headline = stripSiteSuffix(lines[best]!)
  let bodyStart = findBodyStart(lines, best)
  // No title line at all, only prose: the first sentence names the article and the prose is all body.
  if (isBodyLike(lines[best]!) && headline.length > 150) {
    const first = headline.match(/^.{20,200}?[.!?](?=\s|$)/)?.[0] ?? headline.slice(0, 120).replace(/\s+\S*$/, '')
    headline = first.replace(/[.]$/, '')
    bodyStart = best
    best = best - 1
  }
  // A short first paragraph that ends like a sentence and runs straight into the body is the lede, not a dek.
  const firstKept = lines.findIndex((l, i) => i > best && i < bodyStart && l && !noiseRule(l))
  if (firstKept > 0 && endsSentence(lines[firstKept]!) && lines.slice(firstKept + 1, bodyStart).every((l) => !l)) bodyStart = firstKept
  // Between the headline and the body: at most one dek; bylines, captions, author titles and promos go.
  let dek: string | undefined
  let afterCredit = false
  for (let i = best + 1; i < bodyStart; i++) {
    const line = lines[i]!
    if (!line) continue
    const n = wordsOf(line).length
    // A line right after a picture credit ("Getty Images") is that picture's caption.
    if (!dek && !afterCredit && !noiseRule(line) && !isTailHeading(line) && n >= 6 && n <= 60 && !looksLikeCaption(line)) dek = line
    else note(line)
    afterCredit = noiseRule(line) === 'photo-credit' || /^(?:getty images|reuters|epa|afp|ap|pa media|pa|shutterstock|alamy|bloomberg|anadolu|xinhua|ap photo)(?:\s+via\s+.+)?$/i.test(line)
  }

  const rest: string[] = []
  let inTail = false
  // A list widget ("list of 3 items", "list 1 of 3" … "end of list") holds link titles, not the story.
  let inList = false
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!
    if (!line) continue
    if (/^list of \d+ items?$/i.test(line)) inList = true
    if (inList && !(isBodyLike(line) && !noiseRule(line))) {
      note(line)
      if (/^end of list$/i.test(line)) inList = false
      continue
    }
    inList = false
    if (isTailHeading(line)) {
      note(line)
      inTail = true
      continue
    }
    if (inTail) {
      // Inside a tail of links: link titles are stripped until prose resumes.
      if (isBodyLike(line) && !noiseRule(line) && !looksLikeTeaser(lines, i)) inTail = false
      else {
        note(line)
        continue
      }
    }
    if (noiseRule(line) || isNavigationRun(lines, i) || (best >= 0 && line === lines[best]) || isWidgetInterior(lines, i)) {
      note(line)
      continue
    }
    rest.push(line)
  }

  // Trailing short lines after the last prose paragraph are page furniture (tags, sign-offs, link titles).
  while (rest.length > 1 && !isBodyLike(rest.at(-1)!) && !endsSentence(rest.at(-1)!)) stripped.push(rest.pop()!)

  return {headline, dek, paragraphs: rest, stripped, dateLines, byline}
}

/**
 * The first line of the body: a prose line followed (past any chrome) by more prose, so that a
 * one-paragraph dek set off by a byline is not taken for the article's opening.
 */
function findBodyStart(lines: string[], headline: number): number {
  let firstProse = -1
  for (let i = headline + 1; i < lines.length; i++) {
    const line = lines[i]!
    if (!line || noiseRule(line) || !isBodyLike(line)) continue
    if (firstProse < 0) firstProse = i
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!
      if (!next) continue
      if (noiseRule(next)) continue
      if (isBodyLike(next) || isTailHeading(next)) return i
      break
    }
  }
  return firstProse >= 0 ? firstProse : headline + 1
}

/**
 * A short line that is no sentence, set between two lines of page furniture, belongs to that widget
 * (a newsletter box's blurb between "Free weekly newsletter" and its privacy notice).
 */
function isWidgetInterior(lines: string[], i: number): boolean {
  const line = lines[i]!
  if (endsSentence(line) || wordsOf(line).length > 30) return false
  const neighbour = (step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]) return lines[j]!
    return undefined
  }
  const before = neighbour(-1)
  const after = neighbour(1)
  return Boolean(before && after && noiseRule(before) && noiseRule(after))
}

/** A caption describes a picture: a present-tense scene sentence, often with a credit. */
function looksLikeCaption(line: string): boolean {
  return /(?:pictured|photograph(?:ed)?|seen here|left|right|centre|center)|\((?:left|right|centre|center)\)/i.test(line)
}

/**
 * Rejoins hard-wrapped prose: a long line that does not end a sentence, followed directly by a line
 * that continues it (lowercase start, or the first line ends mid-clause).
 */
function unwrap(lines: string[]): string[] {
  // A page hard-wrapped at a fixed width: no line longer than the width, and most prose lines close to it.
  const lengths = lines.map((l) => l.length).filter((n) => n >= 40)
  const width = Math.max(0, ...lines.map((l) => l.length))
  const wrapped = width >= 50 && width <= 110 && lengths.length >= 8 && lengths.filter((n) => n >= width - 25).length >= lengths.length * 0.6
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
        (prev.length >= 50 && !/[.!?:"')\]]$/.test(prev) && (/^[a-z0-9(“"']/.test(line) || /[,;–—-]$/.test(prev) || /\b(?:the|a|an|of|to|in|and|or|for|with|that|on|at|by)$/i.test(prev))))
    if (continues) out[out.length - 1] = `${prev} ${line}`
    else {
      out.push(line)
      joinable = Boolean(line) && !noiseRule(line)
    }
  }
  return out
}

/** Link titles in a tail are short and title-like; a prose paragraph that follows a tail heading is rare. */
function looksLikeTeaser(lines: string[], i: number): boolean {
  const line = lines[i]!
  return wordsOf(line).length < 35 && !/"/.test(line)
}

/** A run of three or more very short lines without sentence punctuation is a menu. */
function isNavigationRun(lines: string[], i: number): boolean {
  const short = (l: string | undefined) => l !== undefined && l.length > 0 && wordsOf(l).length <= 3 && !/[.!?:"]$/.test(l) && l.length <= 30
  if (!short(lines[i])) return false
  let run = 1
  for (let j = i - 1; j >= 0 && (short(lines[j]) || !lines[j]); j--) if (lines[j]) run++
  for (let j = i + 1; j < lines.length && (short(lines[j]) || !lines[j]); j++) if (lines[j]) run++
  return run >= 3
}
