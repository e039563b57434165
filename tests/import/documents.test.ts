import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {slugify} from '../../import/documents.ts'
import {buildDocuments} from '../../import/pipeline.ts'
import {BUNDLED} from './helpers.ts'

const raw = readFileSync(BUNDLED, 'utf8')
const build = (importedAt = '2024-04-14T10:00:00.000Z') =>
  buildDocuments(raw, {sourceFile: '000_fcede281fa476672.txt', importedAt})
type Block = {
  _key: string
  markDefs: {
    _key: string
    _type: string
    claim?: {_ref: string; _weak?: boolean}
    entity?: {_ref: string}
  }[]
  children: {text: string; marks: string[]}[]
}

describe('documents stage', () => {
  const result = build()

  it('is deterministic: the same text gives the same ids and documents', () => {
    expect(build().documents).toEqual(result.documents)
    expect(build('2030-01-01T00:00:00.000Z').documents.map((d) => d._id)).toEqual(
      result.documents.map((d) => d._id),
    )
  })
  it('writes links between entities as weak references, as the schema declares them', () => {
    type Ref = {_ref: string; _weak?: boolean}
    const links: Ref[] = [
      ...result.claims.map((c) => (c.source as {affiliation?: Ref}).affiliation),
      ...result.people.flatMap((p) => [
        (p as {nationality?: Ref}).nationality,
        ...((p as {roles?: {organization?: Ref}[]}).roles ?? []).map((r) => r.organization),
      ]),
      ...result.organizations.map((o) => (o as {country?: Ref}).country),
      ...result.places.map((p) => (p as {containedIn?: Ref}).containedIn),
    ].filter((r): r is Ref => Boolean(r))
    expect(links.length).toBeGreaterThan(5)
    expect(links.filter((r) => r._weak !== true)).toEqual([])
    // The claim's own source stays a strong reference: the claim means nothing without it.
    const vaez = result.claims.find(
      (c) => (c.source as {person?: Ref}).person?._ref === 'person-ali-vaez',
    )!
    expect((vaez.source as {person: Ref}).person._weak).toBeUndefined()
  })
  it('makes dot-free ids per the contract, the article first', () => {
    expect(result.documents[0]).toBe(result.article)
    expect(result.article._id).toBe(
      'article-iran-pledges-retaliation-for-israeli-attack-on-embassy-without',
    )
    for (const d of result.documents) {
      expect(d._id).not.toContain('.')
      expect(d._id).toMatch(/^(article|claim|person|place|organization)-[a-z0-9-]+$/)
    }
    expect(result.people.map((p) => p._id)).toContain('person-ali-vaez')
    expect(result.places.map((p) => p._id)).toContain('place-united-states')
    for (const c of result.claims)
      expect(c._id).toMatch(
        new RegExp(`^claim-${(result.article.slug as {current: string}).current}-[0-9a-f]{8}$`),
      )
    expect(slugify('Ça va, São Paulo & co.')).toBe('ca-va-sao-paulo-and-co')
  })
  it('puts claimRef marks on exactly the statement spans and mention marks on entity names', () => {
    const body = result.article.body as Block[]
    const claimIds = new Set(result.claims.map((c) => c._id))
    const entityIds = new Set(
      [...result.people, ...result.places, ...result.organizations].map((d) => d._id),
    )
    let claimMarks = 0
    for (const block of body) {
      for (const def of block.markDefs) {
        const text = block.children
          .filter((c) => c.marks.includes(def._key))
          .map((c) => c.text)
          .join('')
        if (def._type === 'claimRef') {
          claimMarks++
          expect(claimIds.has(def.claim!._ref)).toBe(true)
          expect(def.claim!._weak).toBe(true)
          const claim = result.claims.find((c) => c._id === def.claim!._ref)!
          expect(text.replace(/"/g, '')).toContain(String(claim.statement).slice(0, 20))
        } else {
          expect(def._type).toBe('mention')
          expect(entityIds.has(def.entity!._ref)).toBe(true)
          expect(text.length).toBeGreaterThan(1)
        }
      }
    }
    expect(claimMarks).toBe(result.claims.length)
    const vaez = body.flatMap((b) =>
      b.children.filter((c) =>
        c.marks.some(
          (m) => b.markDefs.find((d) => d._key === m)?.entity?._ref === 'person-ali-vaez',
        ),
      ),
    )
    expect(vaez.map((c) => c.text)).toEqual(['Ali Vaez'])
  })
  it('links claims to their article, source, sentence and what they are about', () => {
    const vaez = result.claims.filter(
      (c) => (c.source as {person?: {_ref: string}}).person?._ref === 'person-ali-vaez',
    )
    expect(vaez.map((c) => c.cue)).toEqual(['according to', 'emphasized'])
    for (const c of result.claims) {
      expect(c.article).toEqual({_type: 'reference', _ref: result.article._id})
      expect(c.reviewStatus).toBe('extracted')
      expect(c.verification).toBe('unverified')
      expect(String(c.sentence)).toContain(String(c.statement).split(' ').slice(0, 3).join(' '))
      expect(c.confidence).toBeGreaterThan(0)
      expect(c.confidence).toBeLessThanOrEqual(1)
    }
    const hedged = result.claims.find((c) => c.cue === 'as per')
    expect(hedged?.hedging).toBe('hedged')
    expect(result.claims.find((c) => c.cue === 'stated')?.hedging).toBe('asserted')
  })
  it('gives places coordinates, ISO codes, GeoNames ids and containedIn, and records provenance', () => {
    const damascus = result.places.find((p) => p.name === 'Damascus')!
    expect(damascus).toMatchObject({
      kind: 'city',
      geonamesId: 170654,
      containedIn: {_type: 'reference', _ref: 'place-syria'},
    })
    expect(damascus.isoCode).toBeUndefined()
    expect(result.places.find((p) => p.name === 'United States')).toMatchObject({
      isoCode: 'US',
      kind: 'country',
      location: {_type: 'geopoint', lat: 38, lng: -97},
    })
    expect(result.article.import).toMatchObject({
      sourceFile: '000_fcede281fa476672.txt',
      strippedLines: ['30.1 C', 'New York', 'Related articles', 'Recent articles'],
      importedAt: '2024-04-14T10:00:00.000Z',
    })
    expect((result.article.import as {sha256: string}).sha256).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('buildDocuments input errors', () => {
  it('throws a one-line ImportInputError naming the file for empty text, an HTML page without an article and page furniture alone', async () => {
    const {ImportInputError} = await import('../../import/errors.ts')
    const cases: [string, RegExp][] = [
      ['   \n\n', /^x\.txt: empty article/],
      [
        '<html><head></head><body><div><p>a</p><p>b</p><span>c</span></div></body></html>',
        /^x\.txt: no article text found \(0 paragraphs of prose/,
      ],
      ['Share\nFacebook\nSubscribe to our newsletter', /^x\.txt: no article text found/],
    ]
    for (const [raw, message] of cases) {
      let error: unknown
      try {
        buildDocuments(raw, {sourceFile: 'x.txt'})
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(ImportInputError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('\n')
    }
  })
})
