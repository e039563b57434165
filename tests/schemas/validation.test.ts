import {readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildDocuments} from '../../import/pipeline.ts'
import {errorsOf, ref, valid, validDataset, validate, withChanges} from './helpers.ts'

const ROOT = join(import.meta.dirname, '../..')
const BUNDLED_ARTICLE = join(ROOT, 'data/articles/000_fcede281fa476672.txt')

/** The paths of a document's errors, each with its message: one assertion shows both. */
async function errorPaths(document: Record<string, unknown>, dataset = validDataset) {
  return (await errorsOf(document, dataset)).map((problem) => problem.path)
}

describe('the valid fixtures', () => {
  it('validate with no error or warning, one document of each type', async () => {
    for (const document of validDataset) {
      expect({id: document._id, problems: await validate(document, validDataset)}).toEqual({
        id: document._id,
        problems: [],
      })
    }
  })
})

describe('claim validation', () => {
  it('requires a source', async () => {
    const problems = await errorsOf(withChanges(valid.claim, {source: undefined}), validDataset)
    expect(problems[0]).toEqual({
      level: 'error',
      path: 'source',
      message: 'A claim must have a source',
    })
    expect(problems.map((problem) => problem.path)).toEqual(['source', 'source.kind'])
  })

  it('requires the person of a person source', async () => {
    const source = {_type: 'claimSource', kind: 'person', description: 'the envoy'}
    expect(await errorPaths(withChanges(valid.claim, {source}))).toEqual(['source.person'])
  })

  it('requires the organization of an organization source, and accepts one that has it', async () => {
    const without = {_type: 'claimSource', kind: 'organization'}
    expect(await errorPaths(withChanges(valid.claim, {source: without}))).toEqual([
      'source.organization',
    ])
    const withOrganization = {
      ...without,
      organization: ref('organization-international-crisis-group'),
    }
    expect(await errorPaths(withChanges(valid.claim, {source: withOrganization}))).toEqual([])
  })

  it('requires a description of an unnamed source, and accepts one that has it', async () => {
    const blank = {_type: 'claimSource', kind: 'unnamed', description: '  ', plural: true}
    const problems = await errorsOf(withChanges(valid.claim, {source: blank}), validDataset)
    expect(problems).toEqual([
      {
        level: 'error',
        path: 'source.description',
        message: 'An unnamed source needs a description of who it is',
      },
    ])
    const described = {
      ...blank,
      description: 'a source familiar with US intelligence',
      affiliation: ref('place-iran'),
    }
    expect(await errorPaths(withChanges(valid.claim, {source: described}))).toEqual([])
  })

  it('refuses a person or organization left behind on a source of another kind', async () => {
    const organizationWithPerson = {
      _type: 'claimSource',
      kind: 'organization',
      organization: ref('organization-international-crisis-group'),
      person: ref('person-ali-vaez'),
    }
    expect(
      await errorsOf(withChanges(valid.claim, {source: organizationWithPerson}), validDataset),
    ).toEqual([
      {
        level: 'error',
        path: 'source.person',
        message: 'Only a person source names a person: remove it, or set the kind to Person',
      },
    ])
    const unnamedWithOrganization = {
      _type: 'claimSource',
      kind: 'unnamed',
      description: 'a diplomat',
      organization: ref('organization-international-crisis-group'),
    }
    expect(await errorPaths(withChanges(valid.claim, {source: unnamedWithOrganization}))).toEqual([
      'source.organization',
    ])
  })

  it('requires the kind of a source to be person, organization or unnamed', async () => {
    const source = {_type: 'claimSource', kind: 'rumour', description: 'word on the street'}
    expect(await errorPaths(withChanges(valid.claim, {source}))).toEqual(['source.kind'])
  })

  it('keeps confidence within 0 and 1', async () => {
    expect(await errorPaths(withChanges(valid.claim, {confidence: 1.5}))).toEqual(['confidence'])
    expect(await errorPaths(withChanges(valid.claim, {confidence: -0.1}))).toEqual(['confidence'])
    expect(await errorPaths(withChanges(valid.claim, {confidence: 0}))).toEqual([])
    expect(await errorPaths(withChanges(valid.claim, {confidence: 1}))).toEqual([])
  })

  it('requires the statement and the article', async () => {
    expect(
      await errorPaths(withChanges(valid.claim, {statement: undefined, article: undefined})),
    ).toEqual(['statement', 'article'])
  })

  it('accepts only the listed review statuses, quote types, hedging and verification values', async () => {
    const wrong = {
      reviewStatus: 'maybe',
      quoteType: 'paraphrase',
      hedging: 'sure',
      verification: 'true',
    }
    expect((await errorPaths(withChanges(valid.claim, wrong))).sort()).toEqual([
      'hedging',
      'quoteType',
      'reviewStatus',
      'verification',
    ])
  })

  it('refuses a reference to a document that does not exist', async () => {
    expect(await errorPaths(withChanges(valid.claim, {article: ref('article-missing')}))).toEqual([
      'article',
    ])
  })
})

describe('slug validation', () => {
  it('requires a slug on every document type that has one (claims are named by a hash instead)', async () => {
    for (const document of validDataset.filter((d) => d._type !== 'claim')) {
      const problems = await errorsOf(withChanges(document, {slug: undefined}), validDataset)
      expect({type: document._type, first: problems[0]}).toEqual({
        type: document._type,
        first: {level: 'error', path: 'slug', message: 'Required'},
      })
    }
  })

  it('refuses a slug another document of the same type already has', async () => {
    const twin = {...valid.person, _id: 'person-ali-vaez-2', name: 'Ali Vaez (2)'}
    const problems = await errorsOf(twin, validDataset)
    expect(problems).toEqual([{level: 'error', path: 'slug', message: 'Slug is already in use'}])
  })

  it('accepts a slug a document of another type has (a person and a place may share one)', async () => {
    const place = {
      ...valid.place,
      _id: 'place-ali-vaez',
      name: 'Ali Vaez Square',
      slug: {_type: 'slug', current: 'ali-vaez'},
    }
    expect(await errorPaths(place)).toEqual([])
  })

  it("does not count the document's own draft or published version as a duplicate", async () => {
    const draft = {...valid.person, _id: 'drafts.person-ali-vaez'}
    expect(await errorPaths(draft, [...validDataset, draft])).toEqual([])
  })

  it('refuses a slug that is not lowercase ASCII words joined by hyphens', async () => {
    for (const current of ['Ali Vaez', 'ali_vaez', 'ali--vaez', '-ali', 'álí']) {
      const person = withChanges(valid.person, {slug: {_type: 'slug', current}})
      expect({current, paths: await errorPaths(person)}).toEqual({current, paths: ['slug']})
    }
  })
})

describe('place validation', () => {
  it('refuses a latitude outside -90..90', async () => {
    for (const lat of [90.5, -91]) {
      const place = withChanges(valid.place, {location: {_type: 'geopoint', lat, lng: 53}})
      expect(await errorsOf(place, validDataset)).toEqual([
        {level: 'error', path: 'location', message: 'Latitude must be a number between -90 and 90'},
      ])
    }
  })

  it('refuses a longitude outside -180..180', async () => {
    const place = withChanges(valid.place, {location: {_type: 'geopoint', lat: 10, lng: 180.1}})
    expect(await errorsOf(place, validDataset)).toEqual([
      {
        level: 'error',
        path: 'location',
        message: 'Longitude must be a number between -180 and 180',
      },
    ])
  })

  it('accepts the extreme corners of the map', async () => {
    for (const [lat, lng] of [
      [90, 180],
      [-90, -180],
    ] as const) {
      expect(
        await errorPaths(withChanges(valid.place, {location: {_type: 'geopoint', lat, lng}})),
      ).toEqual([])
    }
  })

  it('refuses a place contained in itself', async () => {
    expect(await errorPaths(withChanges(valid.place, {containedIn: ref('place-iran')}))).toEqual([
      'containedIn',
    ])
  })

  it('refuses an ISO code that is not ISO 3166 and a GeoNames id that is not a positive integer', async () => {
    expect(await errorPaths(withChanges(valid.place, {isoCode: 'iran', geonamesId: 1.5}))).toEqual([
      'isoCode',
      'geonamesId',
    ])
    expect(
      await errorPaths(withChanges(valid.place, {isoCode: 'IR-23', geonamesId: 130758})),
    ).toEqual([])
  })

  it('requires a kind from the list', async () => {
    expect(await errorPaths(withChanges(valid.place, {kind: 'continent'}))).toEqual(['kind'])
  })
})

describe('URL validation', () => {
  it('refuses a canonical URL that is not an http(s) URL', async () => {
    expect(
      await errorPaths(withChanges(valid.article, {canonicalUrl: 'example.com/article'})),
    ).toEqual(['canonicalUrl'])
    expect(
      await errorPaths(withChanges(valid.article, {canonicalUrl: 'ftp://example.com/article'})),
    ).toEqual(['canonicalUrl'])
  })

  it('refuses a sameAs entry that is not an http(s) URL', async () => {
    const organization = withChanges(valid.organization, {
      sameAs: ['https://www.wikidata.org/wiki/Q1', 'Q1672144'],
    })
    expect(await errorPaths(organization)).toEqual(['sameAs.1'])
  })
})

describe('person and organization validation', () => {
  it('refuses a role that ends before it starts', async () => {
    const roles = [
      {_key: 'r0', _type: 'role', title: 'Envoy', from: '2020-01-01', to: '2019-12-31'},
    ]
    expect(await errorPaths(withChanges(valid.person, {roles}))).toEqual(['roles.{"_key":"r0"}.to'])
  })

  it('requires a role to have a title or an organization, and accepts either alone', async () => {
    const role = (fields: Record<string, unknown>) => ({
      roles: [{_key: 'r0', _type: 'role', from: '2020-01-01', ...fields}],
    })
    expect(await errorPaths(withChanges(valid.person, role({})))).toEqual(['roles.{"_key":"r0"}'])
    expect(await errorPaths(withChanges(valid.person, role({title: 'Envoy'})))).toEqual([])
    expect(
      await errorPaths(
        withChanges(
          valid.person,
          role({organization: ref('organization-international-crisis-group')}),
        ),
      ),
    ).toEqual([])
  })

  it('accepts entity links to documents another import creates (weak references)', async () => {
    const weak = {_type: 'reference', _ref: 'place-palestine', _weak: true}
    expect(await errorPaths(withChanges(valid.place, {containedIn: weak}))).toEqual([])
    expect(await errorPaths(withChanges(valid.organization, {country: weak}))).toEqual([])
    expect(await errorPaths(withChanges(valid.person, {nationality: weak}))).toEqual([])
  })

  it('refuses an organization that is its own parent', async () => {
    const organization = withChanges(valid.organization, {
      parent: ref('organization-international-crisis-group'),
    })
    expect(await errorPaths(organization)).toEqual(['parent'])
  })

  it('requires names', async () => {
    for (const document of [valid.person, valid.place, valid.organization]) {
      expect(await errorPaths(withChanges(document, {name: undefined}))).toEqual(['name'])
    }
  })
})

describe('article validation', () => {
  it('requires a headline', async () => {
    expect(await errorPaths(withChanges(valid.article, {headline: undefined}))).toEqual([
      'headline',
    ])
  })

  it('refuses import provenance whose sha256 is not a hex digest', async () => {
    const provenance = {...valid.article.import, sha256: 'not-a-digest'}
    expect(await errorPaths(withChanges(valid.article, {import: provenance}))).toEqual([
      'import.sha256',
    ])
  })

  it('accepts an article whose publication date is unknown', async () => {
    expect(await errorPaths(withChanges(valid.article, {publishedAt: undefined}))).toEqual([])
  })
})

describe('the import of the bundled article', () => {
  it('produces documents that all pass the Studio validation', async () => {
    const raw = await readFile(BUNDLED_ARTICLE, 'utf8')
    const {documents, claims, people} = buildDocuments(raw, {sourceFile: basename(BUNDLED_ARTICLE)})
    expect(claims.length).toBeGreaterThan(0)
    expect(people.length).toBeGreaterThan(0)
    const dataset = documents as unknown as Record<string, unknown>[]
    const failures: {id: unknown; problems: unknown}[] = []
    for (const document of dataset) {
      const problems = await validate(document, dataset)
      if (problems.length > 0) failures.push({id: document._id, problems})
    }
    expect(failures).toEqual([])
  })
})
