import {describe, expect, it} from 'vitest'
import {
  isTeaserCard,
  isTailHeading,
  noiseRule,
  sectionHeading,
  wordCount,
} from '../../import/clean/noise.ts'

// Each named rule with a line it must catch and a line of story text it must leave alone (invented text).
const RULES: [rule: string, furniture: string, story: string][] = [
  ['agency-credit', 'Michael Doe, AP', 'He told the AP the talks had failed.'],
  [
    'caption-date',
    'Teachers rally at the Statehouse in Springfield, Tuesday, Nov. 19, 2024, calling for higher pay.',
    'Teachers rallied at the Statehouse on Tuesday, calling for higher pay.',
  ],
  [
    'caption-prefix',
    'Media captionWho is the new minister?',
    'The media caught up with the minister on Friday.',
  ],
  [
    'caption-credit-tail',
    'A man rides a donkey past the settlement opposite the village on Monday. Residents say the only road to the market has been closed for a month and the school bus no longer comes. Jane DOE / AFP',
    'Residents say the road is closed, according to AFP.',
  ],
  ['gallery', 'Image 1 of / 5', 'One in five images was never published.'],
  ['gallery-control', 'Back to Gallery', 'The gallery reopened on Monday after a year of repairs.'],
  ['engagement', 'Like this article?', 'Voters like this article of the constitution.'],
  [
    'source-note',
    'This article has been adapted from its original source.',
    'The article of the treaty has been adapted for the new members.',
  ],
  [
    'player-notice',
    'Media playback is unsupported on your device',
    'Playback of the recording was stopped by the judge.',
  ],
  [
    'link-notice',
    'These are external links and will open in a new window',
    'The new window factory will open in the spring.',
  ],
  [
    'teaser-card',
    'The 4 Best Vegan Spots In SpringfieldHoodline crunched the numbers to find the top spots in town.',
    'The company said its new PlayStation console would ship in the spring to shops across Europe.',
  ],
  [
    'author-bio',
    'Ana Costa is a freelance writer living in Lisbon.',
    'Ana Costa is a nurse who has worked nights for ten years.',
  ],
  ['comment-header', 'Gary M on September 17, 2024 at 8:50 pm said:', 'The minister said:'],
  ['comment-control', 'Reply', 'He did not reply to questions.'],
  [
    'counted-link',
    'Week 12 power rankings (133)',
    'The team has won 12 of its last 13 games (a club record).',
  ],
  ['url', 'Examplenews.com', 'Examplenews.com reported the figures first, the ministry said.'],
  [
    'language-switch',
    'Read this story in Portuguese',
    'Read the full report in Portuguese, the ministry told reporters.',
  ],
  [
    'alert',
    'BREAKING: Storm warning for the north coast',
    'The storm broke records along the north coast on Monday.',
  ],
  [
    'cookie',
    'This website uses cookies to improve your experience while you navigate through the website. Necessary cookies are essential.',
    'The bakery sold 4,000 cookies at the fair, its owner said.',
  ],
  ['advert', 'LEARN MORE', 'Learn more about the scheme at the town hall, officials said.'],
]

describe('page furniture rules', () => {
  it.each(RULES)(
    '%s catches its furniture and leaves story text alone',
    (rule, furniture, story) => {
      expect(noiseRule(furniture)).toBe(rule)
      expect(noiseRule(story)).toBeUndefined()
    },
  )

  it('reads an embedded post’s attribution as the story’s, not as a timestamp', () => {
    expect(noiseRule('— Jane Doe (@janedoe) November 18, 2024')).toBeUndefined()
    expect(noiseRule('November 18, 2024 at 9:08 GMT')).toBe('timestamp')
  })

  it('tells a teaser card from a brand name glued into prose', () => {
    expect(
      isTeaserCard(
        'Internet back in the valley after local officials say it is safe: HM NEW DELHI: The minister said on Wednesday it would return.',
      ),
    ).toBe(true)
    expect(
      isTeaserCard(
        'Since the AirPods first launched in 2016, users have asked for noise cancelling.',
      ),
    ).toBe(false)
  })
})

describe('section headings', () => {
  it('tells boxes a story resumes after from headings that end it', () => {
    expect(sectionHeading('Related articles')).toBe('box')
    expect(sectionHeading("DON'T MISS")).toBe('box')
    expect(sectionHeading('Highlights')).toBe('box')
    expect(sectionHeading('Top Rated Comments')).toBe('end')
    expect(sectionHeading('[ 167 comments ]')).toBe('end')
    expect(sectionHeading('More Washington Gazette')).toBe('end')
    expect(sectionHeading('About Ana Costa')).toBe('end')
    expect(sectionHeading('More from UK')).toBe('end')
    expect(sectionHeading('Related links: the minister said the list was long.')).toBeUndefined()
    expect(isTailHeading('Comments (12)')).toBe(true)
  })
})

describe('word count', () => {
  it('counts scripts written without spaces by characters, so a Japanese paragraph is not a short line', () => {
    expect(wordCount('Dock workers voted on Sunday')).toBe(5)
    expect(
      wordCount('不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕された'),
    ).toBeGreaterThan(15)
  })
})
