import {describe, expect, it} from 'vitest'
import {
  articleRun,
  classifyLines,
  closingList,
  initialClass,
  lineFeatures,
  markLinkRuns,
  mergeAcrossWidgets,
  promoteProseRuns,
  smooth,
  usesStoplist,
} from '../../import/clean/classify.ts'

// Invented page lines. Prose lines are long enough (over 200 characters) to be "good" on their own.
const P1 =
  'Dock workers in Porto voted on Sunday to end a three-week strike after the port authority offered a six per cent pay rise, the union said, and the first ships were expected to berth on Monday morning at the container terminal.'
const P2 =
  'The dispute had halted container traffic for most of the month and left dozens of ships waiting offshore, according to the port authority, which said it would take at least ten days to clear the backlog of vessels.'
const P3 =
  'Union leader Carla Mendes said the agreement was a fair result for people who keep the country supplied, and that members would vote again in the spring if the promised review of night-shift pay did not happen.'
const P4 =
  'Shipping companies said the strike had cost them millions in delays, and several said they had diverted cargo to Spanish ports for the rest of the year because they could not plan around another stoppage at Porto.'
const SHORT_A = 'The vote was close.'
const MENU = ['Home', 'World', 'Business', 'Sport', 'Culture']

const classes = (lines: string[]) => {
  const f = lineFeatures(lines)
  return markLinkRuns(
    f.map((x) => initialClass(x, usesStoplist(f))),
    f,
  )
}

describe('block classifier features and first classes', () => {
  it('calls long prose with function words good, menu labels bad and a short sentence short', () => {
    expect(classes([P1, ...MENU, SHORT_A])).toEqual([
      'good',
      'bad',
      'bad',
      'bad',
      'bad',
      'bad',
      'short',
    ])
  })

  it('calls a line the page repeats bad unless it is a full sentence (a highlight of the story)', () => {
    const f = lineFeatures([
      'Most read',
      P1,
      'Most read',
      'Israeli courts have declared most settlements legal.',
      P2,
      'Israeli courts have declared most settlements legal.',
    ])
    expect(f.map((x) => x.repeats)).toEqual([2, 1, 2, 2, 1, 2])
    const c = f.map((x) => initialClass(x, true))
    expect(c[0]).toBe('bad')
    expect(c[3]).toBe('short')
  })

  it('calls a run of one- to few-word lines a menu even where no single line is page furniture', () => {
    expect(
      markLinkRuns(
        ['short', 'short', 'short'],
        lineFeatures(['Opinion', 'Beltway Confidential', 'China']),
      ),
    ).toEqual(['bad', 'bad', 'bad'])
    // Longer items are a list in the story: their neighbours decide.
    const items = [
      'A six per cent rise for every grade',
      'Two extra rest days a year for nights',
      'A review of pay in the spring',
    ]
    expect(markLinkRuns(['short', 'short', 'short'], lineFeatures(items))).toEqual([
      'short',
      'short',
      'short',
    ])
  })

  it('reads a page in a language without the stoplist by length alone', () => {
    const italian = Array.from(
      {length: 4},
      (_, i) =>
        `Il porto di Genova ha chiuso per tre settimane dopo lo sciopero dei portuali, e le navi hanno aspettato al largo per giorni ${i}.`,
    )
    const f = lineFeatures(italian)
    expect(usesStoplist(f)).toBe(false)
    expect(f.map((x) => initialClass(x, false))).toEqual(['good', 'good', 'good', 'good'])
  })
})

describe('context smoothing', () => {
  it('keeps a short line between two paragraphs and drops one between furniture', () => {
    expect(smooth(['good', 'short', 'good', 'bad', 'short', 'bad'])).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('keeps a near-good line next to prose and drops one alone among furniture', () => {
    expect(smooth(['bad', 'neargood', 'good', 'bad', 'bad', 'neargood', 'bad'])).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })

  it('makes a story of short paragraphs good when two or more come together', () => {
    expect(
      promoteProseRuns(['bad', 'neargood', 'short', 'neargood', 'bad', 'neargood', 'bad']),
    ).toEqual(['bad', 'good', 'short', 'good', 'bad', 'neargood', 'bad'])
  })

  it('looks past an advert line for a short line’s context', () => {
    const lines = [P1, 'Advertisement', SHORT_A, P2]
    const f = lineFeatures(lines)
    const inline = f.map((x) => x.noise === 'advert')
    expect(smooth(['good', 'bad', 'short', 'good'], inline)).toEqual([true, false, true, true])
  })

  it('keeps text that is only an article, with no page around it, whole', () => {
    const {body} = classifyLines([
      'Short opening line of a pasted story.',
      P1,
      'Another short line.',
    ])
    expect(body).toEqual([true, true, true])
  })
})

describe('the article run', () => {
  it('is the densest stretch of body lines, across a short advert break but not across a "Comments" heading', () => {
    const lines = [...MENU, P1, 'Advertisement', P2, P3, 'Comments', P4]
    const {run} = classifyLines(lines)
    expect(run).toEqual([5, 8])
  })

  it('is the story with a byline and a title above it, not a heavier list of teaser blurbs', () => {
    const titles = [
      'Ferry operator cuts winter timetable',
      'Lisbon metro strike called off',
      'Tourism numbers hit a record',
      'Why the river port wants a new crane',
    ]
    const teasers = titles.flatMap((title, i) => [title, P4.replace('Porto', `Faro ${i}`)])
    const lines = [
      'Porto dock workers end strike after pay deal',
      'By Ana Costa',
      P1,
      P2,
      ...MENU,
      ...teasers,
    ]
    const {runs, features, run} = classifyLines(lines)
    expect(runs.length).toBeGreaterThan(1)
    expect(runs.find((r) => r.start > 3)!.weight).toBeGreaterThan(runs[0]!.weight)
    expect(articleRun(runs, features)).toMatchObject({start: 2, end: 3})
    expect(run).toEqual([2, 3])
  })

  it('is not a comment thread, however long', () => {
    const comments = [0, 1, 2].flatMap((i) => [
      `Reader${i} on May 2, 2025 at 8:50 pm said:`,
      P3,
      'Reply',
    ])
    const lines = [
      'Porto dock workers end strike after pay deal',
      'By Ana Costa',
      P1,
      'Comments',
      ...comments,
      ...comments.map((c) => c.replace('Reader', 'Other')),
    ]
    const {run} = classifyLines(lines)
    expect(run).toEqual([2, 2])
  })

  it('joins the story across a newsletter box, but not across an author box', () => {
    const box = [
      'Sign up to Harbour Weekly',
      'Free weekly newsletter',
      'The week in shipping, the good, the bad and the essential',
    ]
    expect(classifyLines([P1, P2, ...box, P3, P4]).run).toEqual([0, 6])
    const author = ['About Ana Costa', 'Ana Costa is a freelance writer living in Lisbon.']
    const lines = [P1, P2, ...author, P3.replace('Carla Mendes', 'Ana Costa')]
    const {runs, features, run} = classifyLines(lines)
    expect(runs).toHaveLength(2)
    expect(mergeAcrossWidgets(runs[0]!, runs, features)).toEqual([0, 1])
    expect(run).toEqual([0, 1])
  })

  it('keeps a closing list of one shape with the story', () => {
    const dates = [
      'June 10 – Tampa, FL @ Harbour Amphitheatre',
      'June 17 – Nashville, TN @ River Arena',
      'June 20 – Raleigh, NC @ Walnut Creek Park',
    ]
    const lines = [P1, P2, ...dates, 'Most read', 'Ferry operator cuts winter timetable']
    expect(closingList(1, lineFeatures(lines))).toBe(4)
    const {body} = classifyLines(lines)
    expect(body).toEqual([true, true, true, true, true, false, false])
  })
})
