// One suite, two adapters of DatasetTarget: the local store in-process, and @sanity/client talking
// HTTP to the lake server. Whatever one answers, the other must answer the same.
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {clientTarget, openLocalTarget, type DatasetTarget} from '../../lake/target.ts'
import {clientFor, ref, tempDir} from './helpers.ts'

const adapters: {
  name: string
  open: () => Promise<{target: DatasetTarget; done: () => Promise<void>}>
}[] = [
  {
    name: 'the local store in-process',
    open: async () => {
      const {dir, remove} = tempDir()
      const target = await openLocalTarget(join(dir, 'production.ndjson'))
      return {target, done: async () => (await target.close(), remove())}
    },
  },
  {
    name: '@sanity/client over HTTP',
    open: async () => {
      const {dir, remove} = tempDir()
      const server: LakeServer = await startLakeServer({port: 0, dir, datasets: ['production']})
      const target = clientTarget(clientFor(server), `lake server ${server.url}`)
      return {target, done: async () => (await target.close(), await server.close(), remove())}
    },
  },
]

describe.each(adapters)('DatasetTarget through $name', ({open}) => {
  let target: DatasetTarget
  let done: () => Promise<void>
  beforeAll(async () => {
    ;({target, done} = await open())
    await target.mutate([
      {create: {_id: 'place-lebanon', _type: 'place', name: 'Lebanon', kind: 'country'}},
      {
        create: {
          _id: 'person-ali-vaez',
          _type: 'person',
          name: 'Ali Vaez',
          nationality: ref('place-lebanon'),
        },
      },
      {
        create: {
          _id: 'article-one',
          _type: 'article',
          headline: 'One',
          slug: {_type: 'slug', current: 'one'},
          dateline: ref('place-lebanon'),
          body: [
            {
              _key: 'b0',
              _type: 'block',
              style: 'normal',
              markDefs: [{_key: 'c', _type: 'claimRef', claim: ref('claim-one-00000000', true)}],
              children: [{_key: 's0', _type: 'span', marks: ['c'], text: 'A claim.'}],
            },
          ],
        },
      },
      {
        create: {
          _id: 'claim-one-00000000',
          _type: 'claim',
          statement: 'A claim.',
          source: {_type: 'claimSource', kind: 'person', person: ref('person-ali-vaez')},
          article: ref('article-one'),
          confidence: 0.5,
        },
      },
    ])
  })
  afterAll(() => done())

  it('stamps _rev, _createdAt and _updatedAt on the documents it creates', async () => {
    const [doc] = await target.getDocuments(['place-lebanon'])
    expect(doc).toMatchObject({_id: 'place-lebanon', _type: 'place', name: 'Lebanon'})
    expect(doc!._rev).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(doc!._createdAt).toBe(doc!._updatedAt)
  })

  it('hands out copies: editing a fetched document changes nothing stored', async () => {
    const [doc] = await target.getDocuments(['place-lebanon'])
    doc!.name = 'Changed in memory'
    const [listed] = await target.fetch<{name: string}[]>('*[_id == "place-lebanon"]')
    listed!.name = 'Changed too'
    expect((await target.getDocuments(['place-lebanon']))[0]).toMatchObject({name: 'Lebanon'})
    expect(await target.fetch('*[_id == "place-lebanon"][0].name')).toBe('Lebanon')
  })

  it('answers getDocuments in the order asked, with null for missing ids', async () => {
    const docs = await target.getDocuments(['person-ali-vaez', 'person-nobody', 'place-lebanon'])
    expect(docs.map((doc) => doc?._id ?? null)).toEqual(['person-ali-vaez', null, 'place-lebanon'])
  })

  it('finds an article by slug with its claims and their sources expanded', async () => {
    const result = await target.fetch(
      `*[_type == "article" && slug.current == $slug][0]{
        headline, "dateline": dateline->name,
        "claims": *[_type == "claim" && article._ref == ^._id]{statement, "source": source.person->name}
      }`,
      {slug: 'one'},
    )
    expect(result).toEqual({
      headline: 'One',
      dateline: 'Lebanon',
      claims: [{statement: 'A claim.', source: 'Ali Vaez'}],
    })
  })

  it('applies set, setIfMissing, unset, inc, dec, insert and diffMatchPatch in one patch', async () => {
    await target.mutate([
      {
        createOrReplace: {
          _id: 'person-patched',
          _type: 'person',
          name: 'Anna',
          aliases: ['b'],
          roles: [],
          count: 10,
          note: 'x',
        },
      },
    ])
    await target.mutate([
      {
        patch: {
          id: 'person-patched',
          set: {description: 'set'},
          setIfMissing: {name: 'ignored', sameAs: []},
          unset: ['note'],
        },
      },
    ])
    await target.mutate([
      {patch: {id: 'person-patched', inc: {count: 5}}},
      {patch: {id: 'person-patched', dec: {count: 2}}},
    ])
    await target.mutate([
      {patch: {id: 'person-patched', insert: {before: 'aliases[0]', items: ['a']}}},
    ])
    await target.mutate([
      {patch: {id: 'person-patched', diffMatchPatch: {name: '@@ -1,4 +1,5 @@\n Anna\n+h\n'}}},
    ])
    const [doc] = await target.getDocuments(['person-patched'])
    expect(doc).toMatchObject({
      name: 'Annah',
      description: 'set',
      sameAs: [],
      count: 13,
      aliases: ['a', 'b'],
    })
    expect(doc).not.toHaveProperty('note')
  })

  it('patches inside Portable Text through the keyed paths the Studio sends', async () => {
    await target.mutate([
      {
        patch: {
          id: 'article-one',
          set: {
            'body[_key=="b0"].style': 'h2',
            'body[_key=="b0"].children[_key=="s0"].text': 'A claim!',
          },
        },
      },
      {
        patch: {
          id: 'article-one',
          insert: {
            after: 'body[_key=="b0"]',
            items: [{_key: 'b1', _type: 'block', style: 'normal', markDefs: [], children: []}],
          },
        },
      },
      {patch: {id: 'article-one', unset: ['body[_key=="b1"]']}},
    ])
    const [article] = await target.getDocuments(['article-one'])
    expect(article!.body).toEqual([
      expect.objectContaining({
        _key: 'b0',
        style: 'h2',
        children: [expect.objectContaining({text: 'A claim!'})],
      }),
    ])
  })

  it('refuses a patch whose ifRevisionID is stale and applies one that matches', async () => {
    const [before] = await target.getDocuments(['place-lebanon'])
    await expect(
      target.mutate([
        {patch: {id: 'place-lebanon', ifRevisionID: 'not-the-revision', set: {isoCode: 'XX'}}},
      ]),
    ).rejects.toThrow(/revision/i)
    await target.mutate([
      {patch: {id: 'place-lebanon', ifRevisionID: before!._rev, set: {isoCode: 'LB'}}},
    ])
    const [after] = await target.getDocuments(['place-lebanon'])
    expect(after).toMatchObject({isoCode: 'LB', _createdAt: before!._createdAt})
    expect(after!._rev).not.toBe(before!._rev)
  })

  it('reports create, update, none and delete operations per mutation', async () => {
    const result = await target.mutate([
      {createIfNotExists: {_id: 'organization-un', _type: 'organization', name: 'UN'}},
      {createIfNotExists: {_id: 'organization-un', _type: 'organization', name: 'ignored'}},
      {createOrReplace: {_id: 'organization-un', _type: 'organization', name: 'United Nations'}},
      {delete: {id: 'organization-un'}},
    ])
    expect(result.results).toEqual([
      {id: 'organization-un', operation: 'create'},
      {id: 'organization-un', operation: 'none'},
      {id: 'organization-un', operation: 'update'},
      {id: 'organization-un', operation: 'delete'},
    ])
    expect(await target.getDocuments(['organization-un'])).toEqual([null])
  })

  it('uses the transaction id it is given', async () => {
    const result = await target.mutate(
      [{createOrReplace: {_id: 'place-x', _type: 'place', name: 'X'}}],
      {transactionId: 'my-transaction-1'},
    )
    expect(result.transactionId).toBe('my-transaction-1')
    const [doc] = await target.getDocuments(['place-x'])
    expect(doc!._rev).toBe('my-transaction-1')
  })

  it('changes nothing on a dry run', async () => {
    const result = await target.mutate(
      [{create: {_id: 'place-dry', _type: 'place', name: 'Dry'}}],
      {dryRun: true},
    )
    expect(result.results).toEqual([{id: 'place-dry', operation: 'create'}])
    expect(await target.getDocuments(['place-dry'])).toEqual([null])
  })

  it('applies all of a transaction or none of it', async () => {
    await expect(
      target.mutate([
        {create: {_id: 'place-half', _type: 'place', name: 'Half'}},
        {create: {_id: 'place-lebanon', _type: 'place', name: 'Duplicate'}},
      ]),
    ).rejects.toThrow(/already exists/)
    expect(await target.getDocuments(['place-half'])).toEqual([null])
    expect((await target.getDocuments(['place-lebanon']))[0]).toMatchObject({name: 'Lebanon'})
  })

  it('refuses a strong reference to a missing document but accepts a weak one', async () => {
    await expect(
      target.mutate([
        {create: {_id: 'person-x', _type: 'person', nationality: ref('place-nowhere')}},
      ]),
    ).rejects.toThrow(/place-nowhere/)
    await target.mutate([
      {create: {_id: 'person-y', _type: 'person', nationality: ref('place-nowhere', true)}},
    ])
    expect(
      (await target.getDocuments(['person-x', 'person-y'])).map((doc) => doc?._id ?? null),
    ).toEqual([null, 'person-y'])
  })

  it('refuses to delete a strongly referenced document unless the referrer goes too', async () => {
    await expect(target.mutate([{delete: {id: 'person-ali-vaez'}}])).rejects.toThrow(/references/)
    await target.mutate([
      {createOrReplace: {_id: 'place-tmp', _type: 'place'}},
      {createOrReplace: {_id: 'person-tmp', _type: 'person', nationality: ref('place-tmp')}},
    ])
    await target.mutate([{delete: {id: 'person-tmp'}}, {delete: {id: 'place-tmp'}}])
    expect(await target.getDocuments(['person-tmp', 'place-tmp'])).toEqual([null, null])
  })

  it('deletes and patches by query', async () => {
    await target.mutate([
      {createOrReplace: {_id: 'organization-a', _type: 'organization', name: 'A', kind: 'ngo'}},
      {createOrReplace: {_id: 'organization-b', _type: 'organization', name: 'B', kind: 'ngo'}},
    ])
    await target.mutate([
      {
        patch: {
          query: '*[_type == "organization" && kind == $kind]',
          params: {kind: 'ngo'},
          set: {kind: 'thinktank'},
        },
      },
    ])
    expect(await target.fetch('*[_type == "organization"] | order(_id) {_id, kind}')).toEqual([
      {_id: 'organization-a', kind: 'thinktank'},
      {_id: 'organization-b', kind: 'thinktank'},
    ])
    const result = await target.mutate([{delete: {query: '*[_type == "organization"]'}}])
    expect(result.results.map((r) => r.id).sort()).toEqual(['organization-a', 'organization-b'])
    expect(await target.fetch('count(*[_type == "organization"])')).toBe(0)
  })

  it('shows drafts only in the drafts and raw perspectives', async () => {
    await target.mutate([
      {createOrReplace: {_id: 'drafts.place-lebanon', _type: 'place', name: 'Lebanon (draft)'}},
    ])
    expect(await target.fetch('*[_id == $id][0].name', {id: 'place-lebanon'})).toBe('Lebanon')
    expect(
      await target.fetch(
        '*[_id == $id][0]{name, _originalId}',
        {id: 'place-lebanon'},
        {perspective: 'drafts'},
      ),
    ).toEqual({
      name: 'Lebanon (draft)',
      _originalId: 'drafts.place-lebanon',
    })
    expect(
      await target.fetch(
        '*[_type == "place" && name match "Lebanon*"] | order(_id)._id',
        {},
        {perspective: 'raw'},
      ),
    ).toEqual(['drafts.place-lebanon', 'place-lebanon'])
    expect(
      await target.fetch(
        '*[_id == "person-ali-vaez"][0].nationality->name',
        {},
        {perspective: 'drafts'},
      ),
    ).toBe('Lebanon (draft)')
  })

  it('rejects a malformed query', async () => {
    await expect(target.fetch('*[_type == "place"')).rejects.toThrow(/query/i)
  })

  it('rejects a query that uses a parameter it was not given', async () => {
    await expect(target.fetch('*[_type == $type]')).rejects.toThrow(/\$type/)
  })
})
