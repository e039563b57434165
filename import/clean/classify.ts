// The block classifier for whole-page text dumps (one block per line), in the manner of jusText
// (Pomikálek 2011) and trafilatura: each line gets features (length, function-word density, sentence
// punctuation, repetition in the page, named furniture rules, section headings), an initial class from
// them, then context smoothing, and the article is the densest run of body lines with a story header.
// (Title case is read where it tells: the headline choice, teaser cards, hard-wrap joining.)
import {readLexicon} from '../lexicons.ts'
import {contentWords, isHeadlineShaped} from './headline.ts'
import {
  endsSentence,
  isAuthorBoxHeading,
  noiseRule,
  sectionHeading,
  wordCount,
  type SectionHeading,
} from './noise.ts'

const FUNCTION_WORDS = new Set(readLexicon<{words: string[]}>('function-words.en.json').words)

/** Tunables, named as in jusText where they mean the same (its defaults: 70, 200, 0.30, 0.32). */
export const CLASSIFIER = {
  /** Below this many characters a line is "short": its class comes from its neighbours. */
  lengthLow: 70,
  /** Above this many characters, with enough function words, a line is prose on its own. */
  lengthHigh: 200,
  stopwordsLow: 0.3,
  stopwordsHigh: 0.32,
  /** A page whose long lines have fewer function words than this is not in the stoplist's language: length alone decides. */
  foreignPage: 0.12,
  /** Consecutive short lines without sentence punctuation that make a menu or a link list. */
  linkRun: 2,
  /** The mean length of a menu's labels, in words, at most. */
  menuWords: 4,
  /**
   * The densest-run weights: a body line earns a point per 100 characters (so long paragraphs outweigh a
   * list of teaser titles), between minGain and maxGain; each furniture line costs badCost, a run of them
   * no more than badRunCap lines' worth (an advert block does not split a story); an end heading
   * ("Comments") costs tailCost.
   */
  maxGain: 5,
  minGain: 0.1,
  badCost: 1,
  badRunCap: 6,
  tailCost: 8,
  /** Runs lighter than this share of the heaviest are not candidates. */
  runFloor: 0.3,
  /** The longest widget a story is read across (lines between two runs). */
  gapMax: 12,
  /** A closing list has at least this many items of at most this many words. */
  listItems: 3,
  listItemWords: 25,
  /** The share of a later run's content words found in the story for it to continue the story after a widget. */
  topicShare: 0.15,
  /** The least weight of an earlier run joined as the story's opening (a promo line above a story weighs less). */
  minOpening: 2,
  /** Lines above a run searched for its header, and what a header adds to the run's weight. */
  headerReach: 8,
  bylineReach: 4,
  headerBonus: 4,
  /** What a run keeps of its score when it follows a story and an end heading ("Comments"). */
  afterEndFactor: 0.7,
  /** What a run that reads as a comment thread keeps of its score. */
  commentFactor: 0.2,
} as const

export type InitialClass = 'good' | 'neargood' | 'short' | 'bad'

export interface LineFeatures {
  text: string
  /** Characters, with unspaced scripts weighted as their word count suggests. */
  length: number
  words: number
  /** Share of tokens that are function words (0–1). */
  stopDensity: number
  ends: boolean
  /** How often the same line occurs in the page. */
  repeats: number
  noise?: string
  /** A section heading: 'box' (related links, which a story may resume after) or 'end' (comments, author box). */
  section?: SectionHeading
}

const keyOf = (line: string) => line.toLowerCase().replace(/\s+/g, ' ').trim()

export function lineFeatures(lines: string[]): LineFeatures[] {
  const counts = new Map<string, number>()
  for (const l of lines) counts.set(keyOf(l), (counts.get(keyOf(l)) ?? 0) + 1)
  return lines.map((text) => {
    const key = keyOf(text)
    const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? []
    const stop = tokens.filter((t) => FUNCTION_WORDS.has(t)).length
    const words = wordCount(text)
    const noise = noiseRule(text)
    const spacedWords = text.split(/\s+/).filter(Boolean).length
    return {
      text,
      length: words > spacedWords ? Math.max(text.length, words * 5) : text.length,
      words,
      stopDensity: tokens.length ? stop / tokens.length : 0,
      ends: endsSentence(text),
      repeats: counts.get(key) ?? 1,
      noise,
      // An author's biography closes the story as a heading would.
      section: sectionHeading(text) ?? (noise === 'author-bio' ? 'end' : undefined),
    }
  })
}

/** Whether the page is in the stoplist's language: its long lines carry function words. */
export function usesStoplist(features: LineFeatures[]): boolean {
  const long = features.filter((f) => f.length >= CLASSIFIER.lengthLow && !f.noise)
  if (!long.length) return true
  const density =
    long.reduce((n, f) => n + f.stopDensity * f.length, 0) / long.reduce((n, f) => n + f.length, 0)
  return density >= CLASSIFIER.foreignPage
}

/** jusText's context-free class of one line. */
export function initialClass(f: LineFeatures, stoplist: boolean): InitialClass {
  if (f.noise || f.section) return 'bad'
  // A recurring line is navigation or a widget label; a recurring sentence is a highlight or pull quote
  // of the story's own text, and its place decides (the cleaner keeps one copy).
  if (f.repeats > 1 && !(f.ends && f.words >= 6)) return 'bad'
  if (f.length < CLASSIFIER.lengthLow) return 'short'
  if (!stoplist) return f.length > CLASSIFIER.lengthHigh || f.ends ? 'good' : 'neargood'
  if (f.stopDensity >= CLASSIFIER.stopwordsHigh)
    return f.length > CLASSIFIER.lengthHigh ? 'good' : 'neargood'
  if (f.stopDensity >= CLASSIFIER.stopwordsLow) return 'neargood'
  // Few function words but a full sentence of some length: headline-case prose or a list; near good.
  if (f.ends && f.words >= 12 && f.stopDensity >= 0.15) return 'neargood'
  return 'bad'
}

/** Menus and link lists: runs of short lines that end no sentence are bad, however they are surrounded. */
export function markLinkRuns(classes: InitialClass[], features: LineFeatures[]): InitialClass[] {
  const out = [...classes]
  const listy = (i: number) => classes[i] === 'short' && !features[i]!.ends
  for (let i = 0; i < out.length;) {
    if (!listy(i)) {
      i++
      continue
    }
    let j = i
    while (j < out.length && (listy(j) || (classes[j] === 'bad' && features[j]!.words <= 6))) j++
    const shorts = features.slice(i, j).filter((_, k) => classes[i + k] === 'short')
    const meanWords = shorts.reduce((n, f) => n + f.words, 0) / Math.max(1, shorts.length)
    // Menus are runs of one- to few-word labels; a list of longer items inside a story is left to its neighbours.
    if (shorts.length >= CLASSIFIER.linkRun && meanWords <= CLASSIFIER.menuWords)
      for (let k = i; k < j; k++) out[k] = 'bad'
    i = j
  }
  return out
}

/**
 * Inside a box ("Related", "Highlights"): after its heading, the short lines belong to the box, up to the
 * first line of prose.
 */
export function markBoxes(classes: InitialClass[], features: LineFeatures[]): InitialClass[] {
  const out = [...classes]
  for (let i = 0; i < out.length; i++) {
    if (features[i]!.section !== 'box') continue
    for (
      let j = i + 1;
      j < out.length && (out[j] === 'short' || out[j] === 'bad') && !features[j]!.section;
      j++
    )
      out[j] = 'bad'
  }
  return out
}

/**
 * Prose in a row is the article even when no line is long: two or more near-good lines with only short
 * lines between them are good (jusText alone drops a story of short paragraphs).
 */
export function promoteProseRuns(classes: InitialClass[]): InitialClass[] {
  const out = [...classes]
  for (let i = 0; i < out.length;) {
    if (classes[i] === 'bad') {
      i++
      continue
    }
    let j = i
    while (j < classes.length && classes[j] !== 'bad') j++
    const prose = classes.slice(i, j).filter((c) => c === 'good' || c === 'neargood').length
    if (prose >= 2) for (let k = i; k < j; k++) if (out[k] === 'neargood') out[k] = 'good'
    i = j
  }
  return out
}

/**
 * The nearest neighbour's class in one direction, skipping short lines (and near-good ones when asked).
 * Past the page's edge there is nothing: 'edge' sides with the other neighbour, so text that is only the
 * article (no page around it) is not lost at its ends.
 */
function neighbour(
  classes: InitialClass[],
  i: number,
  step: 1 | -1,
  skipNeargood: boolean,
  inline: boolean[],
): InitialClass | 'edge' {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j]!
    if (c === 'short' || (skipNeargood && c === 'neargood') || inline[j]) continue
    return c
  }
  return 'edge'
}

/**
 * Furniture that pages set inside a story's text (adverts, share bars, captions and credits, inline "Read
 * more" links, separators): it says nothing about whether the lines around it are the story, so context
 * looks past it.
 */
const INLINE_FURNITURE = new Set([
  'advert',
  'share',
  'share-on',
  'photo-credit',
  'agency-credit',
  'caption-date',
  'caption-prefix',
  'caption-credit',
  'caption-credit-tail',
  'caption-label',
  'gallery',
  'gallery-control',
  'inline-link',
  'separator',
  'player-notice',
  'link-notice',
  'counter',
  'reading-time',
])

export function isInlineFurniture(f: LineFeatures): boolean {
  return f.noise !== undefined && INLINE_FURNITURE.has(f.noise)
}

/** jusText's context-sensitive pass: short and near-good lines take the class their neighbours agree on. */
export function smooth(
  classes: InitialClass[],
  inline: boolean[] = classes.map(() => false),
): boolean[] {
  const stage1 = classes.map((c, i) => {
    if (c !== 'short') return c
    let prev = neighbour(classes, i, -1, true, inline)
    let next = neighbour(classes, i, 1, true, inline)
    if (prev === 'edge') prev = next === 'edge' ? 'good' : next
    if (next === 'edge') next = prev
    if (prev === 'good' && next === 'good') return 'good'
    if (prev === 'bad' && next === 'bad') return 'bad'
    // Between prose and furniture: body only when the prose side is right next to it.
    const near = (step: 1 | -1) => {
      let j = i + step
      while (inline[j]) j += step
      return classes[j] === 'good' || classes[j] === 'neargood'
    }
    return (prev === 'good' && near(-1)) || (next === 'good' && near(1)) ? 'neargood' : 'bad'
  })
  return stage1.map((c, i) => {
    if (c === 'good') return true
    if (c === 'bad') return false
    const prev = neighbour(stage1, i, -1, true, inline)
    const next = neighbour(stage1, i, 1, true, inline)
    // Near-good goes with any good neighbour; a page that is this line alone keeps it.
    if (prev === 'edge' && next === 'edge') return true
    return prev === 'good' || next === 'good'
  })
}

/** A stretch of lines whose weights sum above zero: a candidate for the article's run. */
export interface Run {
  start: number
  end: number
  weight: number
}

/** The weight of one line for the densest-run search (see CLASSIFIER). */
function lineWeight(body: boolean, f: LineFeatures, badRun: number): number {
  if (f.section === 'end') return -CLASSIFIER.tailCost
  if (body) return Math.min(CLASSIFIER.maxGain, Math.max(CLASSIFIER.minGain, f.length / 100))
  return badRun > CLASSIFIER.badRunCap ? 0 : -CLASSIFIER.badCost
}

/**
 * Candidate runs: the best-scoring span of each stretch between points where the running sum falls to
 * zero (Kadane's maximum-subarray scan, keeping every stretch's best rather than only the page's). Body
 * lines gain by length and furniture costs, so a long run of furniture costs no more than a few lines
 * (an advert block does not split a story) while a section heading ("Related", "Comments") costs a lot.
 */
export function candidateRuns(body: boolean[], features: LineFeatures[]): Run[] {
  const runs: Run[] = []
  let sum = 0
  let start = 0
  let badRun = 0
  let best: Run | undefined
  for (let i = 0; i < body.length; i++) {
    const f = features[i]!
    badRun = body[i] || f.section === 'end' ? 0 : badRun + 1
    const w = lineWeight(body[i]!, f, badRun)
    if (sum <= 0) {
      if (best) runs.push(best)
      best = undefined
      sum = 0
      start = i
    }
    sum += w
    if (sum > 0 && (!best || sum > best.weight)) best = {start, end: i, weight: sum}
  }
  if (best) runs.push(best)
  return runs
}

/** Bylines, datelines and timestamps: what a story's own header carries just above its first paragraph. */
const HEADER_RULES = new Set([
  'byline',
  'timestamp',
  'timestamp-word',
  'date-only',
  'reading-time',
  'contributor',
])

/**
 * Of the candidate runs, the article's: the heaviest, with a bonus for a story header above it (a byline
 * or a date within a few lines, a title sharing words with its first paragraphs). Lists of teasers and
 * blurbs can outweigh a short story; they have no header of their own.
 */
/** A run with comment headers or controls in it ("Jane on May 2 at 8:50 pm said:", "Reply") is the readers', not the story. */
function readsAsComments(r: Run, features: LineFeatures[]): boolean {
  return (
    features
      .slice(r.start, r.end + 1)
      .filter((f) => f.noise === 'comment-header' || f.noise === 'comment-control').length >= 2
  )
}

export function articleRun(runs: Run[], features: LineFeatures[]): Run | undefined {
  const commentLike = (r: Run) => readsAsComments(r, features)
  const weights = runs.map((r) => r.weight * (commentLike(r) ? CLASSIFIER.commentFactor : 1))
  const heaviest = Math.max(0, ...weights)
  const candidate = (i: number) => weights[i]! >= heaviest * CLASSIFIER.runFloor
  let chosen: Run | undefined
  let chosenScore = -Infinity
  runs.forEach((run, i) => {
    if (!candidate(i)) return
    let bonus = 0
    const above = features.slice(Math.max(0, run.start - CLASSIFIER.headerReach), run.start)
    if (hasStoryHeader(run, features)) bonus += CLASSIFIER.headerBonus
    // The run's opening paragraphs (its long lines): a story's title shares their words.
    const opening = new Set(
      features
        .slice(run.start, run.end + 1)
        .filter((f) => f.length >= CLASSIFIER.lengthLow)
        .slice(0, 2)
        .flatMap((f) => contentWords(f.text)),
    )
    const titled = above.some(
      (f) =>
        isHeadlineShaped(f.text) &&
        new Set(contentWords(f.text).filter((w) => opening.has(w))).size >= 2,
    )
    if (titled) bonus += CLASSIFIER.headerBonus
    let score = weights[i]! + bonus * Math.min(1, heaviest / 4)
    // Prose after "Comments" or "About the author" that follows a story is the readers' or the author's.
    const story = runs.find((q, j) => q.end < run.start && candidate(j))
    if (story && features.slice(story.end + 1, run.start).some((f) => f.section === 'end'))
      score *= CLASSIFIER.afterEndFactor
    if (score > chosenScore) {
      chosen = run
      chosenScore = score
    }
  })
  return chosen
}

/**
 * A story interrupted by a widget (a newsletter box, a list of links, a "More from UK" box) is one story:
 * the runs after the chosen one join it across gaps of at most gapMax lines that hold named furniture,
 * when they are on the story's own topic (teasers for other stories are not) and do not read like
 * comments (a timestamp over every few lines).
 * (Runs before it are not joined: above a story sit teasers and promos, not more of it.)
 */
export function mergeAcrossWidgets(
  best: Run,
  runs: Run[],
  features: LineFeatures[],
): [number, number] {
  let start = best.start
  let end = best.end
  const topic = new Set(
    features.slice(best.start, best.end + 1).flatMap((f) => contentWords(f.text)),
  )
  const onTopic = (r: Run) => {
    const words = features.slice(r.start, r.end + 1).flatMap((f) => contentWords(f.text))
    const dates = features
      .slice(r.start, r.end + 1)
      .filter((f) => f.noise === 'timestamp' || f.noise === 'date-only').length
    return (
      words.length > 0 &&
      words.filter((w) => topic.has(w)).length / words.length >= CLASSIFIER.topicShare &&
      dates * 3 <= r.end - r.start + 1
    )
  }
  for (const r of runs.filter((r) => r.start > best.end).sort((a, b) => a.start - b.start)) {
    const gap = features.slice(end + 1, r.start)
    // An author box or a company's "About" section is on the story's topic but never the story.
    const aboutBox = gap.some((f) => f.noise === 'author-bio' || isAuthorBoxHeading(f.text))
    const joinable =
      gap.length <= CLASSIFIER.gapMax &&
      gap.some((f) => f.noise || f.section) &&
      !aboutBox &&
      !readsAsComments(r, features) &&
      onTopic(r)
    if (!joinable) break
    end = r.end
  }
  // Backwards only to the story's own opening: an earlier run on the topic with a story header above it.
  for (const r of runs.filter((r) => r.end < best.start).sort((a, b) => b.start - a.start)) {
    const gap = features.slice(r.end + 1, start)
    const joinable =
      gap.length <= CLASSIFIER.gapMax &&
      gap.some((f) => f.noise || f.section) &&
      r.weight >= CLASSIFIER.minOpening &&
      !readsAsComments(r, features) &&
      onTopic(r) &&
      hasStoryHeader(r, features)
    if (!joinable) break
    start = r.start
  }
  return [start, end]
}

/** A byline, dateline or timestamp within a few lines above a run. */
function hasStoryHeader(r: Run, features: LineFeatures[]): boolean {
  return features
    .slice(Math.max(0, r.start - CLASSIFIER.bylineReach), r.start)
    .some((f) => f.noise !== undefined && HEADER_RULES.has(f.noise))
}

/** The shape of a list item's opening: a date, a number or ordinal, a bullet, a label with its value, or a word. */
function itemShape(text: string): string {
  const t = text.trim()
  if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(t)) return 'date'
  if (/^\d{1,3}(?:[.)]|\s*[-–—:]|\s)/.test(t)) return 'number'
  if (/^[•*·▪‣◦–—-]\s/.test(t)) return 'bullet'
  // "Czech Republic (Group A): Seventh appearance", "Tampa, FL @ Amphitheatre": a label and its value.
  if (/^[^:–—@.!?]{2,50}\s?[:–—@]\s/.test(t)) return 'labelled'
  return 'word'
}

/**
 * A list that closes a story (tour dates, numbered picks, bullet points) sits just after its last
 * paragraph: a run of three or more lines of one shape ("June 10 – Tampa, FL", "3) …"), none of them page
 * furniture or a heading. Bare URLs between the items (the items' links) are passed over.
 */
export function closingList(end: number, features: LineFeatures[]): number {
  const items: number[] = []
  let shape: string | undefined
  // The run may already hold the list's first items (short lines next to prose join it): start before them.
  let from = end
  while (
    from > 0 &&
    features[from]!.length < CLASSIFIER.lengthLow &&
    itemShape(features[from]!.text) !== 'word' &&
    !features[from]!.noise
  )
    from--
  for (let i = from + 1; i < features.length; i++) {
    const f = features[i]!
    if (f.noise === 'url') continue
    if (f.noise || f.section || f.words < 3 || f.words > CLASSIFIER.listItemWords) break
    const s = itemShape(f.text)
    if (s === 'word') break
    if (shape && s !== shape) break
    shape = s
    items.push(i)
  }
  return items.length >= CLASSIFIER.listItems ? Math.max(end, items.at(-1)!) : end
}

export interface Classification {
  features: LineFeatures[]
  initial: InitialClass[]
  body: boolean[]
  /** Inclusive line range of the article's body run. */
  run?: [number, number]
  /** Every candidate run considered. */
  runs: Run[]
  /** A list that closes the story (lines of one shape after its last paragraph), when there is one. */
  list?: [number, number]
}

/** Classifies the page's non-blank lines; body lines outside the densest run are not the article's. */
export function classifyLines(lines: string[]): Classification {
  const features = lineFeatures(lines)
  const stoplist = usesStoplist(features)
  const initial = markBoxes(
    markLinkRuns(
      features.map((f) => initialClass(f, stoplist)),
      features,
    ),
    features,
  )
  const inline = features.map((f) => isInlineFurniture(f))
  let smoothed = smooth(promoteProseRuns(initial), inline)
  // A story of lone short paragraphs between widgets has no line good on its own: then near-good is good.
  if (!smoothed.some(Boolean))
    smoothed = smooth(
      initial.map((c) => (c === 'neargood' ? 'good' : c)),
      inline,
    )
  const runs = candidateRuns(smoothed, features)
  const best = articleRun(runs, features)
  const merged = best ? mergeAcrossWidgets(best, runs, features) : undefined
  const listEnd = merged ? closingList(merged[1], features) : undefined
  const run: [number, number] | undefined = merged ? [merged[0], listEnd!] : undefined
  const body = smoothed.map(
    (b, i) =>
      run !== undefined &&
      i >= run[0] &&
      i <= run[1] &&
      (b || (i > merged![1] && features[i]!.noise !== 'url')),
  )
  const list: [number, number] | undefined =
    merged && listEnd! > merged[1] ? [merged[1] + 1, listEnd!] : undefined
  return {features, initial, body, run, runs, list}
}
