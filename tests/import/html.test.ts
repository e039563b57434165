import {describe, expect, it} from 'vitest'
import {ImportInputError} from '../../import/errors.ts'
import {cleanHtmlPage, visibleHeadline} from '../../import/html/page.ts'
import {isoDate, readMetadata, stripSiteName} from '../../import/html/metadata.ts'
import {parseDocument} from '../../import/html/page.ts'
import {buildDocuments} from '../../import/pipeline.ts'

// Invented story text; the page chrome around it imitates what news CMSs emit.
const STORY = [
  'Dock workers in Porto voted on Sunday to end a three-week strike after the port authority offered a 6% pay rise, the union said.',
  'The dispute had halted container traffic and left dozens of ships waiting offshore, according to the port authority.',
  'Union leader Carla Mendes said the agreement was "a fair result for people who keep the country supplied".',
  'Shipping companies said it would take at least ten days to clear the backlog of vessels anchored off the coast.',
  'The port authority said cranes would run around the clock from Monday to catch up with the delayed cargo.',
]

const NAV =
  '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>'
const FOOTER =
  '<footer><p>© 2025 Example Press. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>'

const page = (head: string, article: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${NAV}<main>${article}</main>${FOOTER}</body></html>`
const paragraphs = (texts: string[]) => texts.map((t) => `<p>${t}</p>`).join('\n')

const JSON_LD = JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    {'@type': 'WebSite', 'name': 'Example Press', 'url': 'https://news.example/'},
    {
      '@type': 'NewsArticle',
      'headline': 'Porto dock workers end strike after pay deal',
      'description': 'Union says members will return to work on Monday',
      'datePublished': '2025-03-12T09:14:00+01:00',
      'author': [
        {'@type': 'Person', 'name': 'Ana Costa'},
        {'@type': 'Person', 'name': 'Rui Lopes'},
      ],
      'publisher': {'@type': 'NewsMediaOrganization', 'name': 'Example Press'},
      'mainEntityOfPage': {
        '@type': 'WebPage',
        '@id': 'https://news.example/business/porto-strike-ends',
      },
    },
  ],
})

describe('HTML pages', () => {
  it('takes headline, byline, date, canonical URL and publisher from JSON-LD and keeps the story paragraphs', () => {
    const html = page(
      `<title>Porto dock workers end strike after pay deal | Example Press</title><script type="application/ld+json">${JSON_LD}</script>`,
      `<article><h1>Porto dock workers end strike after pay deal</h1><p class="standfirst">Union says members will return to work on Monday</p><p class="byline">By Ana Costa and Rui Lopes</p>${paragraphs(STORY)}</article>`,
    )
    const cleaned = cleanHtmlPage(html)
    expect(cleaned.headline).toBe('Porto dock workers end strike after pay deal')
    expect(cleaned.dek).toBe('Union says members will return to work on Monday')
    expect(cleaned.byline).toBe('Ana Costa and Rui Lopes')
    expect(cleaned.publishedAt).toBe('2025-03-12T08:14:00.000Z')
    expect(cleaned.canonicalUrl).toBe('https://news.example/business/porto-strike-ends')
    expect(cleaned.publisher).toBe('Example Press')
    expect(cleaned.paragraphs).toEqual(STORY)
  })

  it('falls back to Open Graph, article:published_time and <link rel=canonical> without JSON-LD', () => {
    const head = [
      '<title>Porto strike ends - Example Press</title>',
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      '<meta property="og:site_name" content="Example Press">',
      '<meta property="og:description" content="A 6% rise ends three weeks of disruption">',
      '<meta property="article:published_time" content="2025-03-12T08:14:00Z">',
      '<meta name="author" content="Ana Costa">',
      '<link rel="canonical" href="/business/porto-strike-ends">',
    ].join('')
    const meta = readMetadata(
      parseDocument(page(head, paragraphs(STORY))),
      'https://news.example/amp/porto',
    )
    expect(meta).toMatchObject({
      title: 'Porto dock workers end strike after pay deal',
      description: 'A 6% rise ends three weeks of disruption',
      byline: 'Ana Costa',
      publishedAt: '2025-03-12T08:14:00.000Z',
      canonicalUrl: 'https://news.example/business/porto-strike-ends',
      publisher: 'Example Press',
    })
    expect(meta.from).toMatchObject({
      title: 'og:title',
      publishedAt: 'article:published_time',
      canonicalUrl: 'link',
      publisher: 'og:site_name',
    })
  })

  it('prefers the visible <h1> when it is the metadata title, and the metadata title when the <h1> is the site logo', () => {
    expect(
      visibleHeadline({title: 'Porto dock workers end strike after pay deal'}, [
        'Porto dock workers end strike after pay deal, union says',
      ]),
    ).toBe('Porto dock workers end strike after pay deal, union says')
    const logoPage = page(
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      `<h1><a href="/">Example Press Daily</a></h1><article>${paragraphs(STORY)}</article>`,
    )
    expect(cleanHtmlPage(logoPage).headline).toBe('Porto dock workers end strike after pay deal')
  })

  it('drops figures, captions and photo credits inside the story', () => {
    const html = page(
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      `<article><h1>Porto dock workers end strike after pay deal</h1>
        <p>${STORY[0]}</p>
        <figure><img src="/dock.jpg" alt=""><figcaption>Dockers at the port on Friday. Photo: Rui Lopes / Example Press</figcaption></figure>
        <p>${STORY[1]}</p>
        <p class="image-caption">Cranes stand idle at the container terminal on Wednesday.</p>
        <p>${STORY[2]}</p>
        <p>Container ships wait offshore, Tuesday, March 11, 2025, in Porto, Portugal.</p>
        <p>Jo Bloggs, AP</p>
        ${paragraphs(STORY.slice(3))}</article>`,
    )
    const cleaned = cleanHtmlPage(html)
    expect(cleaned.paragraphs).toEqual(STORY)
    expect(cleaned.stripped).toEqual(
      expect.arrayContaining([
        'Container ships wait offshore, Tuesday, March 11, 2025, in Porto, Portugal.',
        'Jo Bloggs, AP',
      ]),
    )
  })

  it('drops a related-links block in the middle of the story and keeps the story after it', () => {
    const html = page(
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      `<article><h1>Porto dock workers end strike after pay deal</h1>${paragraphs(STORY.slice(0, 2))}
        <aside><h3>Related</h3><ul><li><a href="/a">Fishing fleet ties up in protest over fuel prices</a></li><li><a href="/b">Ferry operator cuts winter timetable</a></li></ul></aside>
        <div><h3>Read more</h3><ul><li><a href="/c">Why the river port wants a new crane</a></li><li><a href="/d">Lisbon metro strike called off</a></li><li><a href="/e">Tourism numbers hit record</a></li></ul></div>
        ${paragraphs(STORY.slice(2))}</article>`,
    )
    const cleaned = cleanHtmlPage(html)
    expect(cleaned.paragraphs).toEqual(STORY)
  })

  it('keeps the story when its container is named like a widget or a paywall, and drops the small widget inside it', () => {
    const html = page(
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      `<article><h1>Porto dock workers end strike after pay deal</h1><div class="article-body paywall has-share-tools">${paragraphs(STORY.slice(0, 3))}
        <div class="share-bar"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <span>Copy this link to send it to a friend</span></div>
        ${paragraphs(STORY.slice(3))}</div></article>`,
    )
    expect(cleanHtmlPage(html).paragraphs).toEqual(STORY)
  })

  it('keeps subheads, quotations and list items as blocks of their own kinds', () => {
    const html = page(
      '<meta property="og:title" content="Porto dock workers end strike after pay deal">',
      `<article><h1>Porto dock workers end strike after pay deal</h1>${paragraphs(STORY.slice(0, 2))}
        <h2>What the deal gives workers</h2>
        <ul><li>A 6% rise backdated to January for every grade of dock worker</li><li>Two extra rest days a year for night shifts at the container terminal</li></ul>
        <blockquote><p>We kept the country supplied through the winter and now that has been recognised.</p></blockquote>
        ${paragraphs(STORY.slice(2))}</article>`,
    )
    const cleaned = cleanHtmlPage(html)
    const kinds = Object.fromEntries(cleaned.paragraphs.map((p, i) => [p, cleaned.kinds?.[i]]))
    expect(kinds['What the deal gives workers']).toBe('heading')
    expect(kinds['A 6% rise backdated to January for every grade of dock worker']).toBe('item')
    expect(
      kinds['We kept the country supplied through the winter and now that has been recognised.'],
    ).toBe('quote')
    expect(kinds[STORY[0]!]).toBe('paragraph')
    const result = buildDocuments(html, {sourceFile: 'porto.html'})
    const styles = (
      result.article.body as {style: string; listItem?: string; children: {text: string}[]}[]
    ).map((b) => [b.children.map((c) => c.text).join(''), b.style, b.listItem ?? ''])
    expect(styles).toContainEqual(['What the deal gives workers', 'h2', ''])
    expect(styles).toContainEqual([
      'A 6% rise backdated to January for every grade of dock worker',
      'normal',
      'bullet',
    ])
    expect(styles).toContainEqual([
      'We kept the country supplied through the winter and now that has been recognised.',
      'blockquote',
      '',
    ])
  })

  it('fills the article document from the page metadata', () => {
    const html = page(
      `<script type="application/ld+json">${JSON_LD}</script>`,
      `<article><h1>Porto dock workers end strike after pay deal</h1>${paragraphs(STORY)}</article>`,
    )
    const {article, claims} = buildDocuments(html, {
      sourceFile: 'porto.html',
      importedAt: '2025-03-13T00:00:00.000Z',
    })
    expect(article).toMatchObject({
      headline: 'Porto dock workers end strike after pay deal',
      publishedAt: '2025-03-12T08:14:00.000Z',
      canonicalUrl: 'https://news.example/business/porto-strike-ends',
      publisher: 'Example Press',
      byline: 'Ana Costa and Rui Lopes',
    })
    const quote = claims.find((c) =>
      String(c.statement).includes('a fair result for people who keep the country supplied'),
    )
    expect(quote?.source).toMatchObject({kind: 'person'})
  })

  it('refuses a page with no article and says what it found instead', () => {
    const links = Array.from(
      {length: 14},
      (_, i) => `<li><a href="/s/${i}">Section number ${i}</a></li>`,
    ).join('')
    const refusal = (html: string) => {
      try {
        buildDocuments(html, {sourceFile: 'index.html'})
      } catch (err) {
        expect(err).toBeInstanceOf(ImportInputError)
        return (err as Error).message
      }
      throw new Error('expected a refusal')
    }
    expect(refusal(page('<title>Example Press</title>', `<ul>${links}</ul>`))).toMatch(
      /^index\.html: only navigation and a list of links \(\d+ links, 0 paragraphs of prose\)$/,
    )
    expect(
      refusal('<!doctype html><html><head><title>x</title></head><body></body></html>'),
    ).toMatch(/^index\.html: the page has no visible text$/)
  })
})

describe('page metadata helpers', () => {
  it('reads the date formats pages use as UTC ISO datetimes', () => {
    expect(isoDate('2025-03-12T09:14:00+0100')).toBe('2025-03-12T08:14:00.000Z')
    expect(isoDate('2025-03-12')).toBe('2025-03-12T00:00:00.000Z')
    expect(isoDate('1741767240')).toBe('2025-03-12T08:14:00.000Z')
    expect(isoDate('sometime last week')).toBeUndefined()
  })
  it('strips a site name from a <title>, not a dash inside the headline', () => {
    expect(stripSiteName('Porto dock workers end strike | Example Press', 'Example Press')).toBe(
      'Porto dock workers end strike',
    )
    expect(stripSiteName('Porto dock workers end strike - BBC News')).toBe(
      'Porto dock workers end strike',
    )
    expect(stripSiteName('Ex-minister says half-measures - not enough - will fail')).toBe(
      'Ex-minister says half-measures - not enough - will fail',
    )
  })
})
