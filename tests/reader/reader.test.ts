import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {articleJsonLdQuery} from '../../queries/index.ts'
import {startReader, type RunningReader} from '../../reader/index.ts'
import {searchPage} from '../../reader/pages/lists.ts'
import {bundledDocuments, openDataset, type OpenDataset} from '../queries/bundled.ts'
import {Expected} from '../queries/expected.ts'
import {jsonLdProblems} from '../queries/jsonld.ts'

let dataset: OpenDataset
let reader: RunningReader
let expected: Expected
let articleHtml: string

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
const textOf = (markup: string) => unescape(markup.replace(/<[^>]*>/g, ''))
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
function isSubsequence(needle: string[], haystack: string[]): boolean {
  let at = 0
  for (const word of haystack) if (word === needle[at]) at++
  return at === needle.length && needle.length > 0
}
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

async function get(path: string): Promise<{status: number; html: string; type: string | null}> {
  const response = await fetch(new URL(path, reader.url))
  return {
    status: response.status,
    html: await response.text(),
    type: response.headers.get('content-type'),
  }
}

beforeAll(async () => {
  const documents = await bundledDocuments()
  expected = new Expected(documents)
  dataset = await openDataset(documents)
  reader = await startReader({target: dataset.target})
  const page = await get(`/articles/${expected.article.slug.current}`)
  expect(page.status).toBe(200)
  articleHtml = page.html
})
afterAll(async () => {
  await reader?.close()
  await dataset?.close()
})

describe('the article page', () => {
  test('marks the span of every claim with its id, the marked text carrying the statement', () => {
    const marked = new Map<string, string>()
    for (const [, id, inner] of articleHtml.matchAll(
      /<mark class="claim"[^>]*? data-claim-id="([^"]+)"[^>]*>([\s\S]*?)<\/mark>/g,
    )) {
      marked.set(id!, (marked.get(id!) ?? '') + textOf(inner!))
    }
    const claims = expected.claimsOf(expected.article)
    expect([...marked.keys()].sort()).toEqual(claims.map((claim) => claim._id).sort())
    // The mark may also cover an attribution the statement leaves out ("strikes, as per X, would"),
    // so the statement's words must appear in the marked text in order.
    for (const claim of claims)
      expect(isSubsequence(words(claim.statement), words(marked.get(claim._id)!)), claim._id).toBe(
        true,
      )
  })

  test("links every claim to its source's page, or to the source's entry in the sources panel", async () => {
    for (const claim of expected.claimsOf(expected.article)) {
      const links = [
        ...articleHtml.matchAll(
          new RegExp(`<a href="([^"]+)" data-claim-source="${claim._id}"`, 'g'),
        ),
      ].map((m) => unescape(m[1]!))
      expect(links.length).toBeGreaterThan(0)
      const entityId = expected.sourceEntityId(claim)
      const entity = entityId ? expected.byId.get(entityId) : null
      const want =
        claim.source.kind === 'person' && entity
          ? `/people/${entity.slug.current}`
          : claim.source.kind === 'organization' && entity
            ? `/organizations/${entity.slug.current}`
            : `#source-${claim._id}`
      for (const href of links) expect(href).toBe(want)
      if (want.startsWith('#')) expect(articleHtml).toContain(`id="${attr(want.slice(1))}"`)
      else expect((await get(want)).status).toBe(200)
    }
  })

  test('shows a sources panel with every named source and every unnamed attribution', () => {
    const panel = articleHtml.slice(
      articleHtml.indexOf('<section class="sources"'),
      articleHtml.indexOf('<section class="entities"'),
    )
    const claims = expected.claimsOf(expected.article)
    const named = new Set(claims.map((claim) => expected.sourceEntityId(claim)).filter(Boolean))
    const unnamed = claims.filter((claim) => claim.source.kind === 'unnamed')
    const sourcing = expected.sourcing(expected.article)
    for (const id of named) expect(panel).toContain(`data-source="${id}"`)
    for (const claim of unnamed) {
      expect(panel).toContain(`id="source-${claim._id}"`)
      expect(panel).toContain(attr(claim.source.description).replace(/'/g, '&#39;'))
    }
    expect(panel).toContain(
      `data-claims="${sourcing.claims}" data-named="${sourcing.named}" data-unnamed="${sourcing.unnamed}"`,
    )
    expect([...panel.matchAll(/<li id="source-/g)].length).toBe(named.size + unnamed.length)
  })

  test('carries the JSON-LD of the article in its head, valid and equal to the query result', async () => {
    const head = articleHtml.slice(0, articleHtml.indexOf('</head>'))
    const scripts = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBe(1)
    const jsonLd = JSON.parse(scripts[0]![1]!)
    expect(jsonLdProblems(jsonLd)).toEqual([])
    expect(jsonLd).toEqual(
      await dataset.target.fetch(articleJsonLdQuery, {slug: expected.article.slug.current}),
    )
  })

  test('links only to pages and anchors that exist', async () => {
    const hrefs = new Set([...articleHtml.matchAll(/href="([^"]+)"/g)].map((m) => unescape(m[1]!)))
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(articleHtml).toContain(`id="${attr(href.slice(1))}"`)
      else expect((await get(href)).status, href).toBe(200)
    }
  })
})

describe('the other pages', () => {
  test('list the article on the front page with its claim count', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.html).toContain(`href="/articles/${expected.article.slug.current}"`)
    expect(page.html).toContain(`${expected.claimsOf(expected.article).length} claims`)
  })

  test('give every person, place and organization a page naming it and linking back to the article', async () => {
    const folders = {person: 'people', place: 'places', organization: 'organizations'} as const
    for (const [type, folder] of Object.entries(folders)) {
      for (const entity of expected.ofType(type)) {
        const page = await get(`/${folder}/${entity.slug.current}`)
        expect(page.status).toBe(200)
        expect(page.html).toContain(`<h1>${attr(entity.name).replace(/'/g, '&#39;')}</h1>`)
        if (expected.referencing(entity._id, 'article').length) {
          expect(page.html).toContain(`href="/articles/${expected.article.slug.current}"`)
        }
      }
    }
  })

  test("list Ali Vaez's claims on his page, each linking to its span in the article", async () => {
    const page = await get('/people/ali-vaez')
    const claims = expected
      .ofType('claim')
      .filter((claim) => claim.source.person?._ref === 'person-ali-vaez')
    expect(claims.length).toBeGreaterThanOrEqual(2)
    for (const claim of claims)
      expect(page.html).toContain(`/articles/${expected.article.slug.current}#claim-${claim._id}`)
  })

  test('page the claims list 20 at a time, keeping the filters in the page links', async () => {
    const total = expected.ofType('claim').length
    expect(total).toBeLessThan(20)
    const first = await get('/claims')
    expect([...first.html.matchAll(/<li data-claim="/g)].length).toBe(total)
    expect(first.html).toContain(`claims 1–${total} of ${total}`)
    expect(first.html).toContain('page 1 of 1')
    expect(first.html).not.toContain('>Next</a>')
    const beyond = await get('/claims?reviewStatus=extracted&page=3')
    expect(beyond.html).not.toContain('<li data-claim="')
    // Past the end, Previous leads back to the last page there is.
    expect(beyond.html).toContain('href="/claims?reviewStatus=extracted&amp;page=0">Previous</a>')
  })

  test('say where a page stands in a long list and link only to pages that exist', () => {
    const hits = Array.from({length: 20}, (_, i) => ({
      _id: `person-${i}`,
      _type: 'person' as const,
      title: `Person ${i}`,
      slug: `p${i}`,
    }))
    const paging = {pageSize: 20, total: 137}
    const second = searchPage(hits, 'person', {...paging, page: 1})
    expect(second).toContain('results 21–40 of 137')
    expect(second).toContain('page 2 of 7')
    expect(second).toContain('href="/search?q=person&amp;page=0">Previous</a>')
    expect(second).toContain('href="/search?q=person&amp;page=2">Next</a>')
    const last = searchPage(hits.slice(0, 17), 'person', {...paging, page: 6})
    expect(last).toContain('results 121–137 of 137')
    expect(last).toContain('page 7 of 7')
    expect(last).not.toContain('>Next</a>')
  })

  test('answer claims and search pages, and 404 for unknown addresses and slugs', async () => {
    const unnamed = await get('/claims?sourceKind=unnamed')
    expect(unnamed.status).toBe(200)
    expect([...unnamed.html.matchAll(/<li data-claim="/g)].length).toBe(
      expected.sourcing(expected.article).unnamed,
    )
    const search = await get('/search?q=Vaez')
    expect(search.html).toContain('href="/people/ali-vaez"')
    expect(search.html).not.toContain('>Next</a>')
    for (const path of [
      '/nope',
      '/articles/nope',
      '/people/%22%3E%3Cscript%3E',
      '/places/',
      '/articles/%E0%A4%A',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
    expect((await fetch(new URL('/', reader.url), {method: 'POST'})).status).toBe(405)
  })
})

describe('escaping', () => {
  test('renders markup in any document field as text', async () => {
    const evil = '<img src=x onerror=alert(1)>"\'&'
    const documents = [
      {
        _id: 'person-evil',
        _type: 'person',
        name: evil,
        slug: {_type: 'slug', current: 'evil'},
        sameAs: ['javascript:alert(1)'],
      },
      {
        _id: 'article-evil',
        _type: 'article',
        headline: evil,
        dek: evil,
        slug: {_type: 'slug', current: 'evil'},
        body: [
          {
            _key: 'b',
            _type: 'block',
            style: 'normal',
            markDefs: [
              {
                _key: 'c',
                _type: 'claimRef',
                claim: {_type: 'reference', _ref: 'claim-evil-00000000', _weak: true},
              },
              {_key: 'm', _type: 'mention', entity: {_type: 'reference', _ref: 'person-evil'}},
            ],
            children: [
              {_key: 's0', _type: 'span', marks: ['m'], text: evil},
              {_key: 's1', _type: 'span', marks: ['c'], text: `</mark>${evil}`},
            ],
          },
        ],
      },
      {
        _id: 'claim-evil-00000000',
        _type: 'claim',
        statement: `</mark>${evil}`,
        cue: evil,
        source: {_type: 'claimSource', kind: 'unnamed', description: `</script>${evil}`},
        article: {_type: 'reference', _ref: 'article-evil'},
      },
    ]
    const own = await openDataset(documents)
    const ownReader = await startReader({target: own.target})
    try {
      const echoed = [
        '/search?q=%3Cimg%20src%3Dx%3E',
        '/claims?article=%22%3E%3Cimg%20src%3Dx%3E&sourceKind=%3Cimg%3E',
      ]
      for (const path of [
        '/',
        '/articles/evil',
        '/people/evil',
        '/search?q=img',
        '/claims',
        ...echoed,
      ]) {
        const html = await (await fetch(new URL(path, ownReader.url))).text()
        expect(html, path).not.toContain('<img')
        expect(html, path).not.toContain('href="javascript:')
        expect(html.match(/<\/script>/g)?.length ?? 0, path).toBe(path === '/articles/evil' ? 1 : 0)
      }
      const article = await (await fetch(new URL('/articles/evil', ownReader.url))).text()
      const jsonLd = JSON.parse(
        /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(article)![1]!,
      )
      expect(jsonLd.headline).toBe(evil)
      expect(jsonLdProblems(jsonLd)).toEqual([])
    } finally {
      await ownReader.close()
      await own.close()
    }
  })
})

describe('a claim an editor rejected', () => {
  test('is gone from the article, its sources panel, the person page and the claims list; its span is plain text', async () => {
    const rejected = expected
      .ofType('claim')
      .find(
        (claim) => claim.source.person?._ref === 'person-ali-vaez' && claim.cue === 'emphasized',
      )!
    const documents = expected.documents.map((doc) =>
      doc._id === rejected._id ? {...doc, reviewStatus: 'rejected'} : doc,
    )
    const own = await openDataset(documents)
    const ownReader = await startReader({target: own.target})
    const page = async (path: string) => (await fetch(new URL(path, ownReader.url))).text()
    try {
      const article = await page(`/articles/${expected.article.slug.current}`)
      expect(article).not.toContain(rejected._id)
      const marks = [...article.matchAll(/<mark class="claim"/g)].length
      expect(marks).toBe([...articleHtml.matchAll(/<mark class="claim"/g)].length - 1)
      // The words stay in the body, unmarked.
      const body = textOf(/<div class="body">([\s\S]*?)<\/div>/.exec(article)![1]!)
      expect(isSubsequence(words(rejected.statement), words(body))).toBe(true)
      const sourcing = /data-claims="(\d+)"/.exec(article)![1]
      expect(Number(sourcing)).toBe(expected.claimsOf(expected.article).length - 1)
      const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(article)![1]!
      expect(JSON.parse(jsonLd).hasPart.map((part: {text: string}) => part.text)).not.toContain(
        rejected.statement,
      )
      for (const path of ['/people/ali-vaez', '/claims', '/claims?reviewStatus=rejected'])
        expect(await page(path), path).not.toContain(rejected._id)
      expect(await page('/people/ali-vaez')).toContain('<li data-claim="')
    } finally {
      await ownReader.close()
      await own.close()
    }
  })
})

describe('reading for an audience', () => {
  const slug = () => expected.article.slug.current as string

  test('gives every page exactly one h1, the page’s own heading', async () => {
    const paths = [
      '/',
      `/articles/${slug()}`,
      '/people/ali-vaez',
      '/places/damascus',
      `/organizations/${expected.byId.get('organization-white-house')!.slug.current}`,
      '/claims',
      '/search?q=Iran',
      '/nope',
    ]
    for (const path of paths) {
      const {html} = await get(path)
      expect([...html.matchAll(/<h1[\s>]/g)].length, path).toBe(1)
    }
    expect(articleHtml).toMatch(new RegExp(`<h1>${attr(expected.article.headline)}</h1>`))
  })

  test('opens the article page with a skip link to the sources panel and explains the highlights', () => {
    const body = articleHtml.slice(articleHtml.indexOf('<body>'))
    expect(/<a [^>]*href="([^"]+)"/.exec(body)![0]).toBe('<a class="skip" href="#sources"')
    expect(articleHtml).toContain('<section class="sources" id="sources">')
    const legend = textOf(/<p class="legend"[^>]*>([\s\S]*?)<\/p>/.exec(articleHtml)![1]!)
    expect(legend).toContain('a claim from a named person or organization')
    expect(legend).toContain('a claim from an unnamed source')
  })

  test('puts only direct quotes in quotation marks, and shows indirect claims as paraphrase', async () => {
    const [direct, ...rest] = expected.bodyClaimIds(expected.article)
    const documents = expected.documents.map((doc) =>
      doc._id === direct ? {...doc, quoteType: 'direct'} : doc,
    )
    const own = await openDataset(documents)
    const ownReader = await startReader({target: own.target})
    try {
      const page = await (await fetch(new URL(`/articles/${slug()}`, ownReader.url))).text()
      const items = new Map(
        [
          ...page.matchAll(/<li data-claim="([^"]+)" data-quote-type="([^"]+)">([\s\S]*?)<\/li>/g),
        ].map((m) => [m[1]!, {type: m[2]!, inner: m[3]!}]),
      )
      expect(items.get(direct!)!.type).toBe('direct')
      expect(items.get(direct!)!.inner).toMatch(/^<q class="direct">/)
      for (const id of rest) {
        const item = items.get(id)!
        expect(item.type, id).toBe(expected.byId.get(id)!.quoteType)
        expect(item.inner, id).toMatch(/^<span class="paraphrase">/)
        expect(item.inner, id).not.toMatch(/<q[\s>]|^“/)
      }
      // Reported speech: "<source> <cue> <statement>", or "According to <source>, <statement>".
      for (const id of rest) {
        const claim = expected.byId.get(id)!
        const shown = textOf(items.get(id)!.inner)
        const name = expected.sourceName(claim)
        const words = claim.statement.slice(1, 30)
        if (/^(according to|as per|as indicated by)$/.test(claim.cue))
          expect(shown, id).toMatch(new RegExp(`^${claim.cue}`, 'i'))
        else expect(shown, id).toContain(`${name} ${claim.cue} `)
        expect(shown, id).toContain(`${name}`)
        expect(shown, id).toContain(words)
      }
    } finally {
      await ownReader.close()
      await own.close()
    }
  })

  test('names places by kind and containing place, never by raw coordinates', async () => {
    const damascus = expected.byName('place', 'Damascus')
    const page = textOf((await get('/places/damascus')).html)
    expect(page).toContain('City in Syria')
    const article = textOf(articleHtml)
    for (const place of expected.ofType('place').filter((p) => p.location)) {
      const coordinates = `${place.location.lat}, ${place.location.lng}`
      expect(article, place.name).not.toContain(coordinates)
    }
    if (damascus.location) expect(page).not.toContain(String(damascus.location.lat))
  })

  test('says in words whether an editor has checked a claim, never the internal status', async () => {
    const {html} = await get('/claims')
    const said = [...html.matchAll(/ · ([^<]*)<\/span><\/li>/g)].map((m) => m[1])
    expect(said.length).toBe(expected.publicClaims().length)
    expect(new Set(said)).toEqual(new Set(['not yet checked by an editor']))
    const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]!)
    expect(options.length).toBeGreaterThan(0)
    for (const status of ['needsReview', 'extracted', 'approved', 'rejected'])
      expect(options.join('|')).not.toContain(status)
  })
})
