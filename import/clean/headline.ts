// The headline of a text dump: of the title-like lines above the article's body run, the one that
// best matches the body (shared content words), sits just above it (page chrome in between does not
// count), and has a headline's length and shape. Position alone picks captions, alerts and site names.
import {endsSentence, isBodyLike, isTailHeading, noiseRule, wordCount} from './noise.ts'

/** How far above the body run a headline may sit, in lines that are not page furniture (galleries and media players come between). */
const MAX_DISTANCE = 40
/** Lines at the top of the body run that may still be the title. */
const OPENING_LINES = 3
/** Shared words with the body that count: past a few, both a headline and its dek are on topic. */
const SHARED_CAP = 6
/** How close in score a shorter line right above the best must be to be its headline (the best its dek). */
const PAIR_MARGIN = 1.5
/** What a line gains for having a dek-like line right below it (the headline-and-standfirst pair). */
const DEK_BONUS = 3
/** Lines of the body run compared with each candidate. */
const BODY_SAMPLE = 5

const STOP = new Set(
  'that this with from have has had were was will would could should their there they them than then what when where which while about after before into over under more most also been being your just like such only some other very said says'.split(
    ' ',
  ),
)

/** Lowercased content words cut to five letters, a crude stem ("agreed" and "agree" meet). */
export function contentWords(line: string): string[] {
  return (line.toLowerCase().match(/[\p{L}\p{N}£$€]{4,}/gu) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) => w.slice(0, 5))
}

/** The share of the shorter title's words found in the other. */
export function titleOverlap(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
  const wb = new Set(b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
  if (!wa.size || !wb.size) return 0
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / Math.min(wa.size, wb.size)
}

/** Whether a line can be a headline at all. */
export function isHeadlineShaped(line: string): boolean {
  const n = wordCount(line)
  if (n < 3 || n > 30 || line.length > 220) return false
  if (noiseRule(line) || isTailHeading(line)) return false
  return /^["'(\p{N}\p{Lu}\p{Lo}]/u.test(line)
}

/** The next line below i that is not page furniture, within two lines. */
function nextContentLine(lines: string[], i: number): number | undefined {
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) if (!noiseRule(lines[j]!)) return j
  return undefined
}

function repeats(lines: string[], line: string): number {
  let n = 0
  for (const l of lines) if (l === line) n++
  return n
}

export interface HeadlineChoice {
  index: number
  score: number
}

/**
 * Scores every headline-shaped line above the body run (and the run's first lines, which a short title can
 * open) and returns the best; a known title (from an HTML page's metadata) wins where a line carries it.
 */
export function chooseHeadline(
  lines: string[],
  runStart: number,
  runEnd: number,
  known?: string,
): HeadlineChoice | undefined {
  const candidates = headlineCandidates(lines, runStart, runEnd, known)
  if (!candidates.length) return undefined
  // The best wins; of equals, the one nearer the body.
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a))
  // Unless it is the dek of the line right above it: a shorter title-like line scoring nearly as well.
  const above = candidates.find(
    (c) => c.index < best.index && nextContentLine(lines, c.index) === best.index,
  )
  // A kicker ("ASSEMBLY ELECTIONS 2026") is no headline: the pair needs a title of five words or more, not in capitals.
  const title = above && lines[above.index]!
  if (
    above &&
    title &&
    above.score >= best.score - PAIR_MARGIN &&
    wordCount(title) >= 5 &&
    title !== title.toUpperCase() &&
    wordCount(title) < wordCount(lines[best.index]!)
  )
    return above
  return best
}

/** Every headline-shaped line considered, nearest the body first, with its score. */
export function headlineCandidates(
  lines: string[],
  runStart: number,
  runEnd: number,
  known?: string,
): HeadlineChoice[] {
  const sample = lines
    .map((line, i) => ({line, i}))
    .slice(runStart, runStart + BODY_SAMPLE * 2)
    .filter(({line}) => isBodyLike(line))
    .slice(0, BODY_SAMPLE)
  const candidates: HeadlineChoice[] = []
  let distance = 0
  // The run can open with the title itself (a short line next to prose is smoothed into the body).
  for (
    let i = Math.min(runStart + OPENING_LINES, runEnd - 1, lines.length - 1);
    i >= 0 && distance <= MAX_DISTANCE;
    i--
  ) {
    const line = lines[i]!
    const furniture = Boolean(noiseRule(line))
    if (i < runStart && !furniture) distance++
    if (!isHeadlineShaped(line)) continue
    // Inside the run only a line that is no sentence can be the title.
    if (i >= runStart && (isBodyLike(line) || endsSentence(line))) continue
    const bodyWords = new Set(sample.filter((s) => s.i !== i).flatMap((s) => contentWords(s.line)))
    const n = wordCount(line)
    let score = n >= 5 && n <= 16 ? 3 : n <= 22 ? 2 : 1
    // A headline comes with its dek below it: a longer line, also no body paragraph, next but for chrome.
    const below = nextContentLine(lines, i)
    if (
      below !== undefined &&
      below < runStart &&
      wordCount(lines[below]!) > n &&
      !isBodyLike(lines[below]!) &&
      wordCount(lines[below]!) <= 60
    )
      score += DEK_BONUS
    // Headlines rarely end with a full stop; body sentences and captions do.
    if (/\.["')]*$/.test(line) && !/\b[A-Z]\.$/.test(line)) score -= 3
    if (isBodyLike(line)) score -= 4
    const shared = new Set(contentWords(line).filter((w) => bodyWords.has(w))).size
    // A headline is about what the first paragraphs are about.
    score += shared ? Math.min(shared, SHARED_CAP) * 1.0 : -2
    score -= Math.min(4, Math.max(0, distance - 1) * 0.25)
    // Pages repeat their headline (breadcrumb, gallery title, share text): once or twice more is a sign.
    const copies = repeats(lines, line)
    if (copies >= 2 && copies <= 4) score += 1
    // Site names and section labels in capitals.
    if (line === line.toUpperCase() && /\p{Lu}{3}/u.test(line) && n <= 4) score -= 3
    if (known && titleOverlap(line, known) >= 0.6) score += 10
    candidates.push({index: i, score})
  }
  return candidates
}
