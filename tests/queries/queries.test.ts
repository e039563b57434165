import {readFileSync} from 'node:fs'

import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {
  articleBySlugQuery,
  articleJsonLdQuery,
  articleListQuery,
  claimsCountQuery,
  claimsQuery,
  organizationBySlugQuery,
  personBySlugQuery,
  placeBySlugQuery,
  searchCountQuery,
  searchQuery,
} from '../../queries/index.ts'
import type {
  ArticleBySlugQueryResult,
  ArticleJsonLdQueryResult,
  ArticleListQueryResult,
  ClaimsQueryResult,
  OrganizationBySlugQueryResult,
  PersonBySlugQueryResult,
  PlaceBySlugQueryResult,
  SearchQueryResult,
} from '../../sanity.types.ts'
import {BUNDLED_GOLD, bundledDocuments, openDataset, type OpenDataset} from './bundled.ts'
import {byString, Expected} from './expected.ts'
import {jsonLdProblems} from './jsonld.ts'

let dataset: OpenDataset
let expected: Expected

beforeAll(async () => {
  const documents = await bundledDocuments()
  expected = new Expected(documents)
  dataset = await openDataset(documents)
})
afterAll(() => dataset?.close())

const fetch = <R>(query: string, params: Record<string, unknown>) =>
  dataset.target.fetch<R>(query, params)
const articleSlug = () => expected.article.slug.current as string

describe('articleListQuery', () => {
  test('lists the imported article with its claim count and unnamed share', async () => {
    const article = expected.article
    const sourcing = expected.sourcing(article)
    const result = await fetch<ArticleListQueryResult>(articleListQuery, {offset: 0, limit: 20})
    expect(result).toEqual([
      {
        _id: article._id,
        headline: article.headline,
        slug: article.slug.current,
        dek: article.dek ?? null,
        publishedAt: article.publishedAt ?? null,
        dateline: article.dateline ? expected.byId.get(article.dateline._ref)!.name : null,
        claimCount: expected.claimsOf(article).length,
        unnamedShare: sourcing.unnamedShare,
      },
    ])
    expect(result[0]!.claimCount).toBeGreaterThan(0)
  })

  test('puts the newest first, undated articles last, ties by headline, and pages by offset and limit', async () => {
    const extra = [
      {
        _id: 'article-older',
        _type: 'article',
        headline: 'Older',
        slug: {_type: 'slug', current: 'older'},
        publishedAt: '2024-04-01T00:00:00Z',
      },
      {
        _id: 'article-newer',
        _type: 'article',
        headline: 'Newer',
        slug: {_type: 'slug', current: 'newer'},
        publishedAt: '2024-04-12T00:00:00Z',
      },
      {
        _id: 'article-aaa-undated',
        _type: 'article',
        headline: 'Aaa undated',
        slug: {_type: 'slug', current: 'aaa-undated'},
      },
    ]
    const more = await openDataset([...expected.documents, ...extra])
    try {
      const all = await more.target.fetch<ArticleListQueryResult>(articleListQuery, {
        offset: 0,
        limit: 10,
      })
      const listed = [...extra, expected.article].sort(
        (a, b) =>
          Number(Boolean(b.publishedAt)) - Number(Boolean(a.publishedAt)) ||
          byString(b.publishedAt ?? '', a.publishedAt ?? '') ||
          byString(a.headline, b.headline),
      )
      expect(all.map((item) => item._id)).toEqual(listed.map((doc) => doc._id))
      expect(all.slice(0, 2).map((item) => item.slug)).toEqual(['newer', 'older'])
      expect(all.find((item) => item.slug === 'older')).toMatchObject({
        claimCount: 0,
        unnamedShare: null,
        dateline: null,
      })
      const page = await more.target.fetch<ArticleListQueryResult>(articleListQuery, {
        offset: 1,
        limit: 2,
      })
      expect(page.map((item) => item.slug)).toEqual(all.slice(1, 3).map((item) => item.slug))
    } finally {
      await more.close()
    }
  })
})

describe('articleBySlugQuery', () => {
  let page: NonNullable<ArticleBySlugQueryResult>
  beforeAll(async () => {
    page = (await fetch<ArticleBySlugQueryResult>(articleBySlugQuery, {slug: articleSlug()}))!
  })

  test('returns the article with every claim in body order, each with its source', () => {
    const article = expected.article
    expect(page).toMatchObject({
      _id: article._id,
      headline: article.headline,
      slug: article.slug.current,
    })
    const bodyOrder = expected.bodyClaimIds(article)
    expect(page.claims.map((claim) => claim._id)).toEqual(bodyOrder)
    expect([...bodyOrder].sort()).toEqual(
      expected
        .claimsOf(article)
        .map((claim) => claim._id)
        .sort(),
    )
    for (const claim of page.claims) {
      const doc = expected.byId.get(claim._id)!
      expect(claim.statement).toBe(doc.statement)
      expect(claim.cue).toBe(doc.cue ?? null)
      expect(claim.source?.kind).toBe(doc.source.kind)
      expect(claim.source?.name).toBe(expected.sourceName(doc))
      expect(claim.source?.entity?._id ?? null).toBe(expected.sourceEntityId(doc))
    }
  })

  test('expands every claim and mention annotation in the body', () => {
    const defs = (page.body ?? []).flatMap((block) =>
      'markDefs' in block ? (block.markDefs ?? []) : [],
    )
    const claimRefs = defs.filter((def) => def._type === 'claimRef')
    const mentions = defs.filter((def) => def._type === 'mention')
    expect(claimRefs.length).toBe(expected.bodyClaimIds(expected.article).length)
    expect(mentions.length).toBe(expected.mentionIds(expected.article).length)
    for (const def of claimRefs) {
      const claim = 'claim' in def ? def.claim : null
      const doc = expected.byId.get((claim as {_id: string})._id)!
      expect(claim).toMatchObject({
        statement: doc.statement,
        source: {kind: doc.source.kind, name: expected.sourceName(doc)},
      })
    }
    for (const def of mentions) {
      const entity =
        'entity' in def ? (def.entity as {_id: string; name: string; slug: string | null}) : null
      const doc = expected.byId.get(entity!._id)!
      expect(entity).toMatchObject({
        name: doc.name,
        slug: doc.slug?.current ?? null,
        _type: doc._type,
      })
    }
  })

  test('lists the people, places and organizations mentioned, by name, with slugs', () => {
    const article = expected.article
    expect(page.people.map((person) => person.name)).toEqual(
      expected.mentionedNames(article, 'person'),
    )
    expect(page.places.map((place) => place.name)).toEqual(
      expected.mentionedNames(article, 'place'),
    )
    expect(page.organizations.map((org) => org.name)).toEqual(
      expected.mentionedNames(article, 'organization'),
    )
    const mentions = expected.mentionIds(article)
    for (const entity of [...page.people, ...page.places, ...page.organizations]) {
      expect(entity.slug).toBe(expected.byId.get(entity._id)!.slug.current)
      expect(entity.mentions).toBe(mentions.filter((id) => id === entity._id).length)
    }
    for (const place of page.places) {
      const location = expected.byId.get(place._id)!.location
      expect(place.location).toEqual(location ? {lat: location.lat, lng: location.lng} : null)
    }
  })

  test('summarises the sourcing: claims by source kind, named and unnamed shares', () => {
    const sourcing = expected.sourcing(expected.article)
    expect(page.sourcing).toEqual(sourcing)
    expect(sourcing.claims).toBeGreaterThan(0)
    expect(sourcing.unnamed).toBeGreaterThan(0)
    expect(sourcing.person).toBeGreaterThan(0)
  })

  test('groups the sources panel: each named source with its claims, each unnamed attribution', () => {
    const claims = expected.claimsOf(expected.article)
    const namedIds = [
      ...new Set(
        claims
          .map((claim) => expected.sourceEntityId(claim))
          .filter((id): id is string => Boolean(id)),
      ),
    ]
    const named = namedIds
      .map((id) => expected.byId.get(id)!)
      .sort((a, b) => byString(a.name, b.name))
      .map((entity) => ({
        _id: entity._id,
        name: entity.name,
        claims: page.claims
          .filter((claim) => claim.source?.entity?._id === entity._id)
          .map((claim) => claim._id),
      }))
    expect(page.sources.named.map(({_id, name, claims}) => ({_id, name, claims}))).toEqual(named)
    expect(page.sources.unnamed.map((item) => item._id)).toEqual(
      page.claims.filter((claim) => claim.source?.kind === 'unnamed').map((claim) => claim._id),
    )
  })

  test('names Ali Vaez as the source of the "according to" and "emphasized" claims, as the gold annotation does', () => {
    const vaez = page.claims.filter((claim) => claim.source?.entity?.name === 'Ali Vaez')
    expect(vaez.map((claim) => claim.cue?.toLowerCase())).toEqual(
      expect.arrayContaining(['according to', 'emphasized']),
    )
    expect(page.sources.named.find((source) => source.name === 'Ali Vaez')?.slug).toBe('ali-vaez')
  })

  test('returns null for a slug that does not exist', async () => {
    expect(await fetch(articleBySlugQuery, {slug: 'no-such-article'})).toBeNull()
  })
})

describe('personBySlugQuery and organizationBySlugQuery', () => {
  test('give a person the claims they are the source of, the claims about them and the articles mentioning them', async () => {
    for (const person of expected.ofType('person')) {
      const page = await fetch<PersonBySlugQueryResult>(personBySlugQuery, {
        slug: person.slug.current,
      })
      const claims = expected.publicClaims()
      expect(page).toMatchObject({_id: person._id, name: person.name, slug: person.slug.current})
      expect(page!.claimsBy.map((claim) => claim._id)).toEqual(
        expected.orderClaims(claims.filter((claim) => claim.source.person?._ref === person._id)),
      )
      expect(page!.claimsAbout.map((claim) => claim._id)).toEqual(
        expected.orderClaims(
          claims.filter((claim) =>
            (claim.about ?? []).some((about: {_ref: string}) => about._ref === person._id),
          ),
        ),
      )
      expect(page!.articles.map((article) => article._id)).toEqual(
        expected.referencing(person._id, 'article').map((article) => article._id),
      )
      for (const claim of page!.claimsBy) expect(claim.article).toMatchObject({slug: articleSlug()})
    }
  })

  test('give Ali Vaez his two claims from the bundled article', async () => {
    const page = await fetch<PersonBySlugQueryResult>(personBySlugQuery, {slug: 'ali-vaez'})
    expect(page!.claimsBy.map((claim) => claim.cue?.toLowerCase())).toEqual(
      expect.arrayContaining(['according to', 'emphasized']),
    )
    expect(page!.articles.map((article) => article.slug)).toEqual([articleSlug()])
  })

  test('give an organization its claims, the claims about it, its people and the articles mentioning it', async () => {
    for (const organization of expected.ofType('organization')) {
      const page = await fetch<OrganizationBySlugQueryResult>(organizationBySlugQuery, {
        slug: organization.slug.current,
      })
      const claims = expected.publicClaims()
      expect(page).toMatchObject({
        _id: organization._id,
        name: organization.name,
        kind: organization.kind ?? null,
      })
      expect(page!.claimsBy.map((claim) => claim._id)).toEqual(
        expected.orderClaims(
          claims.filter((claim) => claim.source.organization?._ref === organization._id),
        ),
      )
      expect(page!.claimsAbout.map((claim) => claim._id)).toEqual(
        expected.orderClaims(
          claims.filter((claim) =>
            (claim.about ?? []).some((about: {_ref: string}) => about._ref === organization._id),
          ),
        ),
      )
      expect(page!.people.map((person) => person.name)).toEqual(
        expected
          .ofType('person')
          .filter((person) =>
            (person.roles ?? []).some(
              (role: {organization?: {_ref: string}}) =>
                role.organization?._ref === organization._id,
            ),
          )
          .map((person) => person.name)
          .sort(byString),
      )
      expect(page!.articles.map((article) => article._id)).toEqual(
        expected.referencing(organization._id, 'article').map((article) => article._id),
      )
    }
  })
})

describe('placeBySlugQuery', () => {
  test('gives Damascus as a city in Syria, and Syria as containing Damascus, as the gold annotation does', async () => {
    const damascus = await fetch<PlaceBySlugQueryResult>(placeBySlugQuery, {slug: 'damascus'})
    expect(damascus).toMatchObject({
      name: 'Damascus',
      kind: 'city',
      parent: {name: 'Syria', slug: 'syria', kind: 'country'},
    })
    const syria = await fetch<PlaceBySlugQueryResult>(placeBySlugQuery, {slug: 'syria'})
    expect(syria!.contains.map((place) => place.name)).toContain('Damascus')
  })

  test('gives every place its parent, contained places, articles and the claims about it', async () => {
    for (const place of expected.ofType('place')) {
      const page = await fetch<PlaceBySlugQueryResult>(placeBySlugQuery, {slug: place.slug.current})
      expect(page).toMatchObject({_id: place._id, name: place.name, kind: place.kind ?? null})
      // A reference to a place the dataset lacks reads as no parent.
      const parent = expected.byId.get(place.containedIn?._ref)
      expect(page!.parent?._id ?? null).toBe(parent?._id ?? null)
      expect(page!.contains.map((child) => child.name)).toEqual(
        expected
          .ofType('place')
          .filter((child) => child.containedIn?._ref === place._id)
          .map((child) => child.name)
          .sort(byString),
      )
      const articles = expected.referencing(place._id, 'article')
      expect(page!.articles.map((article) => [article._id, article.datelined])).toEqual(
        articles.map((article) => [article._id, article.dateline?._ref === place._id]),
      )
      expect(page!.claimsAbout.map((claim) => claim._id)).toEqual(
        expected.orderClaims(
          expected
            .publicClaims()
            .filter((claim) =>
              (claim.about ?? []).some((about: {_ref: string}) => about._ref === place._id),
            ),
        ),
      )
    }
  })
})

describe('claimsQuery', () => {
  const any = {sourceKind: null, reviewStatus: null, articleSlug: null, offset: 0, limit: 100}

  test('lists every claim when no filter is set', async () => {
    const result = await fetch<ClaimsQueryResult>(claimsQuery, any)
    expect(result.map((claim) => claim._id)).toEqual(expected.orderClaims(expected.publicClaims()))
    expect(result.every((claim) => claim.article?.slug === articleSlug())).toBe(true)
  })

  test('narrows by source kind, review status and article, alone and together', async () => {
    const claims = expected.publicClaims()
    for (const kind of ['person', 'organization', 'unnamed']) {
      const result = await fetch<ClaimsQueryResult>(claimsQuery, {...any, sourceKind: kind})
      expect(result.map((claim) => claim._id)).toEqual(
        expected.orderClaims(claims.filter((claim) => claim.source.kind === kind)),
      )
    }
    const status = claims[0]!.reviewStatus
    const byStatus = await fetch<ClaimsQueryResult>(claimsQuery, {...any, reviewStatus: status})
    expect(byStatus.length).toBe(claims.filter((claim) => claim.reviewStatus === status).length)
    expect(await fetch<ClaimsQueryResult>(claimsQuery, {...any, reviewStatus: 'rejected'})).toEqual(
      claims.some((claim) => claim.reviewStatus === 'rejected') ? expect.anything() : [],
    )
    const byArticle = await fetch<ClaimsQueryResult>(claimsQuery, {
      ...any,
      articleSlug: articleSlug(),
      sourceKind: 'unnamed',
    })
    expect(byArticle.length).toBe(expected.sourcing(expected.article).unnamed)
    expect(await fetch(claimsQuery, {...any, articleSlug: 'no-such-article'})).toEqual([])
  })

  test('pages: consecutive pages of three add up to the whole list, in order', async () => {
    const all = expected.orderClaims(expected.ofType('claim'))
    expect(all.length).toBeGreaterThan(3)
    const paged: string[] = []
    for (let offset = 0; offset < all.length + 3; offset += 3) {
      const page = await fetch<ClaimsQueryResult>(claimsQuery, {...any, offset, limit: 3})
      expect(page.length).toBe(Math.max(0, Math.min(3, all.length - offset)))
      paged.push(...page.map((claim) => claim._id))
    }
    expect(paged).toEqual(all)
  })

  test('claimsCountQuery counts exactly the claims claimsQuery pages through, for every filter', async () => {
    const filters = [
      {},
      {sourceKind: 'person'},
      {sourceKind: 'unnamed', articleSlug: articleSlug()},
      {reviewStatus: expected.publicClaims()[0]!.reviewStatus},
      {reviewStatus: 'rejected'},
      {articleSlug: 'no-such-article'},
    ]
    const counts: number[] = []
    for (const filter of filters) {
      const params = {...any, ...filter}
      const {offset: _offset, limit: _limit, ...unpaged} = params
      const total = await fetch<number>(claimsCountQuery, unpaged)
      expect(total).toBe((await fetch<ClaimsQueryResult>(claimsQuery, params)).length)
      counts.push(total)
    }
    expect(counts[0]).toBe(expected.publicClaims().length)
    expect(counts.at(-1)).toBe(0)
  })
})

describe('searchQuery', () => {
  const ids = async (q: unknown) =>
    (await fetch<SearchQueryResult>(searchQuery, {q, offset: 0, limit: 100})).map((hit) => hit._id)

  test('finds people by name, alias and name prefix, places by name, articles by headline word', async () => {
    const vaez = expected.byName('person', 'Ali Vaez')
    expect(await ids('Ali Vaez')).toContain(vaez._id)
    expect(await ids('vaez')).toContain(vaez._id)
    expect(await ids('Va')).toContain(vaez._id)
    expect(await ids('Damasc')).toEqual([expected.byName('place', 'Damascus')._id])
    expect(await ids('retaliation')).toContain(expected.article._id)
  })

  test('orders hits by type, then title', async () => {
    const hits = await fetch<SearchQueryResult>(searchQuery, {q: 'Iran', offset: 0, limit: 100})
    const sorted = [...hits].sort(
      (a, b) => byString(a._type, b._type) || byString(a.title ?? '', b.title ?? ''),
    )
    expect(hits).toEqual(sorted)
    expect(hits.length).toBeGreaterThan(1)
    const second = await fetch<SearchQueryResult>(searchQuery, {q: 'Iran', offset: 1, limit: 1})
    expect(second).toEqual(hits.slice(1, 2))
  })

  test('finds nothing for a wildcard, punctuation or an empty term', async () => {
    for (const q of ['*', '**', ' * ', '"', '', '   ', '()', null, 42])
      expect(await ids(q)).toEqual([])
  })

  test('searchCountQuery counts every hit searchQuery pages through, and 0 where it finds none', async () => {
    for (const q of ['Iran', 'Vaez', 'Va', 'retaliation', 'no-such-word', '*', '()', null]) {
      const total = await fetch<number>(searchCountQuery, {q})
      expect(total).toBe((await ids(q)).length)
    }
    expect(await fetch<number>(searchCountQuery, {q: 'Iran'})).toBeGreaterThan(1)
  })
})

describe('articleJsonLdQuery', () => {
  test('builds a NewsArticle that passes the JSON-LD sanity check', async () => {
    const jsonLd = await fetch<ArticleJsonLdQueryResult>(articleJsonLdQuery, {slug: articleSlug()})
    expect(jsonLdProblems(jsonLd)).toEqual([])
    const article = expected.article
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      'headline': article.headline,
    })
    expect('datePublished' in jsonLd!).toBe(Boolean(article.publishedAt))
  })

  test('gives the gold headline and, the article being undated, no datePublished and no null anywhere', async () => {
    const gold = JSON.parse(readFileSync(BUNDLED_GOLD, 'utf8')) as {
      headline: string
      published: string | null
    }
    const jsonLd = await fetch<ArticleJsonLdQueryResult>(articleJsonLdQuery, {slug: articleSlug()})
    expect(gold.published).toBeNull()
    expect(jsonLd).toMatchObject({headline: gold.headline})
    expect(jsonLd).not.toHaveProperty('datePublished')
    expect(JSON.stringify(jsonLd)).not.toContain('null')
  })

  test('lists the mentioned entities with schema.org types and coordinates, and every claim with its author', async () => {
    const jsonLd = (await fetch<ArticleJsonLdQueryResult>(articleJsonLdQuery, {
      slug: articleSlug(),
    }))!
    const article = expected.article
    const mentioned = ['organization', 'person', 'place'].flatMap((type) =>
      expected.mentionedNames(article, type),
    )
    expect(jsonLd.mentions.map((entity) => entity.name)).toEqual(mentioned)
    const damascus = jsonLd.mentions.find((entity) => entity.name === 'Damascus')
    expect(damascus).toMatchObject({'@type': 'City'})
    if (expected.byName('place', 'Damascus').location) {
      expect(damascus).toMatchObject({
        geo: {
          '@type': 'GeoCoordinates',
          'latitude': expect.any(Number),
          'longitude': expect.any(Number),
        },
      })
    }
    const claims = expected.bodyClaimIds(article).map((id) => expected.byId.get(id)!)
    const parts = 'hasPart' in jsonLd ? jsonLd.hasPart : []
    expect(parts.map((part) => part.text)).toEqual(claims.map((claim) => claim.statement))
    parts.forEach((part, i) => {
      const claim = claims[i]!
      const kind = claim.source.kind
      const author = part.author as {'@type': string; 'name': string}
      expect(author.name).toBe(expected.sourceName(claim))
      if (kind === 'person') expect(author['@type']).toBe('Person')
      else if (kind === 'unnamed') expect(author['@type']).toBe('Thing')
      else expect(author['@type']).toMatch(/Organization$|^NGO$/)
      expect(part.appearance).toMatchObject({'@type': 'NewsArticle', 'headline': article.headline})
    })
  })
})

describe('every public query with claims an editor rejected', () => {
  // Four claims rejected, chosen so each list loses something: the first span of the body (an
  // unnamed source), the White House's only claim, one of Ali Vaez's two, and Gregory Brew's only
  // claim (which is also about Ali Khamenei). Another claim is approved, one has no status at all.
  const rejectedCues = ['according to', 'reiterated', 'emphasized', 'pointed out']
  let full: Expected
  let edited: Expected
  let rejected: string[]
  let rejectedDataset: OpenDataset
  const query = <R>(q: string, params: Record<string, unknown>) =>
    rejectedDataset.target.fetch<R>(q, params)

  beforeAll(async () => {
    full = expected
    const bodyOrder = full.bodyClaimIds(full.article)
    const bySource = (sourceId: string, cue: string) =>
      full
        .ofType('claim')
        .find((claim) => full.sourceEntityId(claim) === sourceId && claim.cue === cue)!._id
    rejected = [
      bodyOrder[0]!,
      bySource('organization-white-house', 'reiterated'),
      bySource('person-ali-vaez', 'emphasized'),
      bySource('person-gregory-brew', 'pointed out'),
    ]
    expect(rejected.map((id) => full.byId.get(id)!.cue)).toEqual(rejectedCues)
    const [approved, unset] = bodyOrder.filter((id) => !rejected.includes(id))
    const documents = full.documents.map((doc) => {
      if (rejected.includes(doc._id)) return {...doc, reviewStatus: 'rejected'}
      if (doc._id === approved) return {...doc, reviewStatus: 'approved'}
      if (doc._id === unset)
        return Object.fromEntries(
          Object.entries(doc).filter(([key]) => key !== 'reviewStatus'),
        ) as typeof doc
      return doc
    })
    edited = new Expected(documents)
    rejectedDataset = await openDataset(documents)
  })
  afterAll(() => rejectedDataset?.close())

  test('the article list counts only the claims left public', async () => {
    const [item] = await query<ArticleListQueryResult>(articleListQuery, {offset: 0, limit: 20})
    expect(edited.claimsOf(edited.article).length).toBe(full.claimsOf(full.article).length - 4)
    expect(item).toMatchObject({
      claimCount: edited.claimsOf(edited.article).length,
      unnamedShare: edited.sourcing(edited.article).unnamedShare,
    })
  })

  test('the article page lists, counts and sources only public claims, and empties the rejected annotations', async () => {
    const page = (await query<ArticleBySlugQueryResult>(articleBySlugQuery, {
      slug: articleSlug(),
    }))!
    const publicIds = edited.bodyClaimIds(edited.article)
    expect(page.claims.map((claim) => claim._id)).toEqual(publicIds)
    expect(publicIds.some((id) => rejected.includes(id))).toBe(false)
    expect(page.sourcing).toEqual(edited.sourcing(edited.article))
    expect(page.sourcing.claims).toBe(full.sourcing(full.article).claims - 4)
    expect(page.sources.named.map((source) => source.name)).not.toContain('White House')
    expect(page.sources.named.map((source) => source.name)).not.toContain('Gregory Brew')
    expect(page.sources.named.find((source) => source.name === 'Ali Vaez')!.claims).toEqual([
      full
        .ofType('claim')
        .find(
          (claim) =>
            claim.cue === 'according to' && full.sourceEntityId(claim) === 'person-ali-vaez',
        )!._id,
    ])
    expect(page.sources.unnamed.map((source) => source._id)).not.toContain(rejected[0])
    // Every annotation stays, so the span's text stays; a rejected one carries no claim.
    const claimRefs = (page.body ?? [])
      .flatMap((block) => ('markDefs' in block ? (block.markDefs ?? []) : []))
      .filter((def) => def._type === 'claimRef')
      .map((def) => ('claim' in def ? (def.claim as {_id: string} | null) : null)?._id ?? null)
    const annotated = full.markDefs(full.article, 'claimRef').map((def) => def.claim._ref)
    expect(claimRefs).toEqual(annotated.map((id) => (rejected.includes(id) ? null : id)))
    expect(JSON.stringify(page)).not.toContain(rejected[1])
  })

  test('the JSON-LD has a part for each public claim only', async () => {
    const jsonLd = (await query<ArticleJsonLdQueryResult>(articleJsonLdQuery, {
      slug: articleSlug(),
    }))!
    const parts = 'hasPart' in jsonLd ? jsonLd.hasPart : []
    expect(parts.map((part) => part.text)).toEqual(
      edited.bodyClaimIds(edited.article).map((id) => edited.byId.get(id)!.statement),
    )
    expect(parts.length).toBe(full.bodyClaimIds(full.article).length - 4)
    expect(jsonLdProblems(jsonLd)).toEqual([])
  })

  test('the person, organization and place pages leave out rejected claims by and about them', async () => {
    const vaez = await query<PersonBySlugQueryResult>(personBySlugQuery, {slug: 'ali-vaez'})
    expect(vaez!.claimsBy.map((claim) => claim.cue)).toEqual(['according to'])
    const brew = await query<PersonBySlugQueryResult>(personBySlugQuery, {slug: 'gregory-brew'})
    expect(brew!.claimsBy).toEqual([])
    const khamenei = await query<PersonBySlugQueryResult>(personBySlugQuery, {slug: 'ali-khamenei'})
    const aboutKhamenei = (claim: Record<string, any>) =>
      (claim.about ?? []).some((about: {_ref: string}) => about._ref === 'person-ali-khamenei')
    expect(khamenei!.claimsAbout.map((claim) => claim._id)).toEqual(
      edited.orderClaims(edited.publicClaims().filter(aboutKhamenei)),
    )
    expect(khamenei!.claimsAbout.length).toBe(full.publicClaims().filter(aboutKhamenei).length - 2)
    const house = await query<OrganizationBySlugQueryResult>(organizationBySlugQuery, {
      slug: full.byId.get('organization-white-house')!.slug.current,
    })
    expect(house!.claimsBy).toEqual([])
    for (const place of full.ofType('place')) {
      const page = await query<PlaceBySlugQueryResult>(placeBySlugQuery, {
        slug: place.slug.current,
      })
      expect(page!.claimsAbout.map((claim) => claim._id)).toEqual(
        edited.orderClaims(
          edited
            .publicClaims()
            .filter((claim) =>
              (claim.about ?? []).some((about: {_ref: string}) => about._ref === place._id),
            ),
        ),
      )
    }
  })

  test('the claims list never lists a rejected claim, even when asked for rejected ones', async () => {
    const any = {sourceKind: null, reviewStatus: null, articleSlug: null, offset: 0, limit: 1000}
    const all = await query<ClaimsQueryResult>(claimsQuery, any)
    expect(all.map((claim) => claim._id)).toEqual(edited.orderClaims(edited.publicClaims()))
    expect(all.length).toBe(full.publicClaims().length - 4)
    expect(all.filter((claim) => claim.reviewStatus === null).length).toBe(1)
    expect(await query(claimsQuery, {...any, reviewStatus: 'rejected'})).toEqual([])
    const unpaged = {sourceKind: null, reviewStatus: null, articleSlug: null}
    expect(await query(claimsCountQuery, unpaged)).toBe(all.length)
    expect(await query(claimsCountQuery, {...unpaged, reviewStatus: 'rejected'})).toBe(0)
    const approved = await query<ClaimsQueryResult>(claimsQuery, {...any, reviewStatus: 'approved'})
    expect(approved.map((claim) => claim._id)).toEqual([edited.bodyClaimIds(edited.article)[0]])
  })

  test('search finds articles and entities, never claims, so no rejected claim can surface there', async () => {
    for (const q of ['Iran', 'Vaez', 'retaliation', 'White House']) {
      const hits = await query<SearchQueryResult>(searchQuery, {q, offset: 0, limit: 100})
      expect(hits.length).toBeGreaterThan(0)
      expect(hits.filter((hit) => (hit._type as string) === 'claim')).toEqual([])
    }
  })
})
