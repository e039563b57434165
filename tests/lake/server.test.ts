// The lake server through the real @sanity/client (and raw HTTP where the client would refuse to
// send what we need to test): mutations, perspectives, auth, doc, listen, actions, bad requests.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {firstValueFrom, filter, take, toArray, timeout} from 'rxjs'
import type {MutationEvent} from '@sanity/client'
import {applyPatch} from 'mendoza'
import {join} from 'node:path'
import {Store} from '../../lake/store.ts'
import {clientFor, startTestLake, type RunningLake} from './helpers.ts'

describe('the lake server with the real @sanity/client', () => {
  let lake: RunningLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('creates with client.create and returns the stored document', async () => {
    const doc = await lake.client.create({_id: 'place-beirut', _type: 'place', name: 'Beirut'})
    expect(doc).toMatchObject({_id: 'place-beirut', _type: 'place', name: 'Beirut'})
    expect(doc._rev).toMatch(/^[A-Za-z0-9]{22}$/)
  })

  it('generates an id when create is given none, and a prefixed one for an id ending in a dot', async () => {
    const plain = await lake.client.create({_type: 'place', name: 'Anywhere'})
    expect(plain._id).toMatch(/^[A-Za-z0-9]{22}$/)
    const drafted = await lake.client.create({
      _id: 'drafts.',
      _type: 'place',
      name: 'Draft somewhere',
    })
    expect(drafted._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/)
  })

  it('runs createOrReplace, createIfNotExists, patch and delete through the client helpers', async () => {
    await lake.client.createOrReplace({_id: 'person-a', _type: 'person', name: 'A', aliases: []})
    await lake.client.createIfNotExists({_id: 'person-a', _type: 'person', name: 'ignored'})
    await lake.client
      .patch('person-a')
      .setIfMissing({roles: []})
      .append('aliases', ['Alpha'])
      .commit()
    await lake.client.patch('person-a').prepend('aliases', ['First']).commit()
    const patched = await lake.client
      .patch('person-a')
      .insert('after', 'aliases[0]', ['Second'])
      .set({description: 'd'})
      .commit()
    expect(patched).toMatchObject({
      name: 'A',
      aliases: ['First', 'Second', 'Alpha'],
      roles: [],
      description: 'd',
    })
    const replaced = await lake.client
      .patch('person-a')
      .insert('replace', 'aliases[1]', ['Zwei'])
      .unset(['description'])
      .commit()
    expect(replaced.aliases).toEqual(['First', 'Zwei', 'Alpha'])
    expect(replaced).not.toHaveProperty('description')
    await lake.client.delete('person-a')
    expect(await lake.client.getDocument('person-a')).toBeUndefined()
  })

  it('returns ids and documents for a transaction when asked', async () => {
    const result = await lake.client
      .transaction()
      .create({_id: 'place-t1', _type: 'place', name: 'T1'})
      .create({_id: 'place-t2', _type: 'place', name: 'T2'})
      .commit({returnDocuments: true})
    expect(result.map((doc) => doc.name)).toEqual(['T1', 'T2'])
    const ids = await lake.client
      .transaction()
      .patch('place-t1', (p) => p.set({kind: 'city'}))
      .commit({visibility: 'sync'})
    expect(ids.results).toEqual([{id: 'place-t1', operation: 'update'}])
    expect(ids.documentIds).toEqual(['place-t1'])
  })

  it('fails a whole transaction when one mutation fails, with the Lake error shape', async () => {
    const error = await lake.client
      .transaction()
      .create({_id: 'place-t3', _type: 'place'})
      .patch('place-missing', (p) => p.set({name: 'x'}))
      .commit()
      .then(
        () => null,
        (e: unknown) =>
          e as {statusCode: number; details: {type: string; items: {index: number}[]}},
      )
    if (!error) throw new Error('the transaction should have failed')
    expect(error.statusCode).toBe(409)
    expect(error.details.type).toBe('mutationError')
    expect(error.details.items[0]!.index).toBe(1)
    expect(await lake.client.getDocument('place-t3')).toBeUndefined()
  })

  it('answers doc with documents and omitted ids', async () => {
    const response = await lake.client.request<{
      documents: {_id: string}[]
      omitted: {id: string; reason: string}[]
    }>({
      uri: '/data/doc/production/place-beirut,place-none',
    })
    expect(response.documents.map((doc) => doc._id)).toEqual(['place-beirut'])
    expect(response.omitted).toEqual([{id: 'place-none', reason: 'existence'}])
  })

  it('answers queries as {query, ms, result} and takes parameters by GET and POST', async () => {
    const raw = await lake.client.fetch(
      '*[_id == $id][0].name',
      {id: 'place-beirut'},
      {filterResponse: false},
    )
    expect(raw).toMatchObject({query: '*[_id == $id][0].name', result: 'Beirut'})
    expect(typeof raw.ms).toBe('number')
    const long = 'x'.repeat(12_000) // past the client's GET limit, so it POSTs
    expect(
      await lake.client.fetch('*[_id == $id && $long != ""][0].name', {id: 'place-beirut', long}),
    ).toBe('Beirut')
  })

  it('defaults to the published perspective from API version 2025-02-19 and to raw before', async () => {
    await lake.client.createOrReplace({
      _id: 'drafts.place-beirut',
      _type: 'place',
      name: 'Beirut (draft)',
    })
    const query = '*[_type == "place" && name match "Beirut*"] | order(_id)._id'
    expect(await lake.client.fetch(query)).toEqual(['place-beirut'])
    expect(await clientFor(lake.server, {apiVersion: '2024-01-01'}).fetch(query)).toEqual([
      'drafts.place-beirut',
      'place-beirut',
    ])
    expect(await lake.client.fetch(query, {}, {perspective: 'drafts'})).toEqual(['place-beirut'])
    expect(
      await lake.client.fetch(
        '*[_id == "place-beirut"][0]._originalId',
        {},
        {perspective: 'drafts'},
      ),
    ).toBe('drafts.place-beirut')
  })

  it('shapes GROQ errors as queryParseError with HTTP 400', async () => {
    const response = await fetch(
      `${lake.server.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == ')}`,
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      error: {type: string; description: string; query: string; start: number}
    }
    expect(body.error).toMatchObject({type: 'queryParseError', query: '*[_type == '})
    expect(typeof body.error.start).toBe('number')
  })

  it('streams a welcome and then the mutations that match the listener', async () => {
    const events = lake.client.listen(
      '*[_type == "place"]',
      {},
      {
        events: ['welcome', 'mutation'],
        includeResult: true,
        includePreviousRevision: true,
        effectFormat: 'mendoza',
      },
    )
    const firstTwo = firstValueFrom(events.pipe(take(2), toArray(), timeout(5000)))
    await new Promise((resolve) => setTimeout(resolve, 200))
    await lake.client.create({_id: 'person-ignored', _type: 'person'})
    await lake.client.patch('place-beirut').set({isoCode: 'LB'}).commit()
    const [welcome, mutation] = (await firstTwo) as [{type: string}, MutationEvent]
    expect(welcome.type).toBe('welcome')
    expect(mutation).toMatchObject({
      type: 'mutation',
      documentId: 'place-beirut',
      transition: 'update',
    })
    expect(mutation.result).toMatchObject({isoCode: 'LB'})
    expect(mutation.mutations).toEqual([{patch: {id: 'place-beirut', set: {isoCode: 'LB'}}}])
    // Mendoza effects change only what changed, and rebuild one version from the other.
    const {_rev: resultRev, ...result} = mutation.result!
    const {_rev: previousRev, ...previous} = mutation.previous!
    expect(applyPatch(previous, mutation.effects!.apply)).toEqual(result)
    expect(applyPatch(result, mutation.effects!.revert)).toEqual(previous)
    expect(JSON.stringify(mutation.effects!.apply)).not.toContain('Beirut')
    expect([resultRev, previousRev]).toEqual([mutation.resultRev, mutation.previousRev])
    expect(mutation.previousRev).not.toBe(mutation.resultRev)
  })

  it('reports appear and disappear transitions as documents enter and leave the filter', async () => {
    const events = lake.client.listen(
      '*[_type == "place" && kind == "country"]',
      {},
      {events: ['mutation']},
    )
    const two = firstValueFrom(
      events.pipe(
        filter((e) => e.type === 'mutation'),
        take(2),
        toArray(),
        timeout(5000),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    await lake.client.patch('place-beirut').set({kind: 'country'}).commit()
    await lake.client.patch('place-beirut').set({kind: 'city'}).commit()
    expect((await two).map((e) => (e as MutationEvent).transition)).toEqual(['appear', 'disappear'])
  })

  it('streams commits another process makes to the same dataset file', async () => {
    const events = lake.client.listen('*[_type == "note"]', {}, {events: ['mutation']})
    const first = firstValueFrom(
      events.pipe(
        filter((e) => e.type === 'mutation'),
        take(1),
        timeout(5000),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    // A second Store on the same file is what an import running in another process looks like.
    const other = await Store.open(join(lake.dir, 'production.ndjson'))
    await other.commit([{create: {_id: 'note-from-elsewhere', _type: 'note'}}])
    expect(await first).toMatchObject({documentId: 'note-from-elsewhere', transition: 'appear'})
    expect(await lake.client.getDocument('note-from-elsewhere')).toMatchObject({_type: 'note'})
  })

  it('edits, publishes and discards through the Actions API', async () => {
    await lake.client.action({
      actionType: 'sanity.action.document.create',
      publishedId: 'place-tyre',
      attributes: {
        _id: 'drafts.place-tyre',
        _type: 'place',
        name: 'Tyre',
        containedIn: {
          _type: 'reference',
          _ref: 'place-lebanon',
          _weak: true,
          _strengthenOnPublish: {type: 'place'},
        },
      },
      ifExists: 'fail',
    })
    await lake.client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.place-tyre',
      publishedId: 'place-tyre',
      patch: {set: {kind: 'city'}},
    })
    await lake.client.create({_id: 'place-lebanon', _type: 'place', name: 'Lebanon'})
    await lake.client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.place-tyre',
      publishedId: 'place-tyre',
    })
    const [draft, published] = await lake.client.getDocuments(['drafts.place-tyre', 'place-tyre'])
    expect(draft).toBeNull()
    expect(published).toMatchObject({
      name: 'Tyre',
      kind: 'city',
      containedIn: {_type: 'reference', _ref: 'place-lebanon'},
    })
    expect(published!.containedIn).not.toHaveProperty('_weak')
    await lake.client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.place-tyre',
      publishedId: 'place-tyre',
      patch: {set: {name: 'Sour'}},
    })
    expect((await lake.client.getDocument('drafts.place-tyre'))?.name).toBe('Sour')
    await lake.client.action({
      actionType: 'sanity.action.document.discard',
      draftId: 'drafts.place-tyre',
    })
    await lake.client.action({
      actionType: 'sanity.action.document.unpublish',
      draftId: 'drafts.place-tyre',
      publishedId: 'place-tyre',
    })
    const [unpublishedDraft, gone] = await lake.client.getDocuments([
      'drafts.place-tyre',
      'place-tyre',
    ])
    expect(unpublishedDraft).toMatchObject({name: 'Tyre'})
    expect(gone).toBeNull()
    await lake.client.action({
      actionType: 'sanity.action.document.delete',
      publishedId: 'place-tyre',
      includeDrafts: ['drafts.place-tyre'],
    })
    expect(await lake.client.getDocuments(['drafts.place-tyre', 'place-tyre'])).toEqual([
      null,
      null,
    ])
  })

  it('deletes a never-published draft, discards, duplicates and unpublishes as the Studio asks', async () => {
    const {client} = lake
    const create = (id: string, name: string) =>
      client.action({
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: {_id: `drafts.${id}`, _type: 'place', name},
        ifExists: 'fail',
      })
    const renameDraft = (name: string) =>
      client.action({
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.place-byblos',
        publishedId: 'place-byblos',
        patch: {set: {name}},
      })
    // Delete on a document that was never published: the Studio first asks for references from
    // other datasets, then sends one version.discard per version.
    await create('place-sidon', 'Sidon')
    expect(
      await client.request({
        uri: '/data/references/production/documents/drafts.place-sidon/to?excludeInternalReferences=true&excludePaths=true',
      }),
    ).toEqual({totalCount: 0, references: []})
    await expect(
      client.request({uri: '/data/references/production/documents/drafts.place-sidon'}),
    ).rejects.toMatchObject({statusCode: 404})
    await client.action([
      {actionType: 'sanity.action.document.version.discard', versionId: 'drafts.place-sidon'},
    ])
    expect(await client.getDocuments(['drafts.place-sidon', 'place-sidon'])).toEqual([null, null])
    await expect(
      client.action({
        actionType: 'sanity.action.document.version.discard',
        versionId: 'drafts.place-sidon',
      }),
    ).rejects.toMatchObject({statusCode: 409})
    await expect(
      client.action({actionType: 'sanity.action.document.version.discard', versionId: 'place-x'}),
    ).rejects.toMatchObject({statusCode: 400})

    // Discard changes on a published document keeps the published one.
    await create('place-byblos', 'Byblos')
    await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.place-byblos',
      publishedId: 'place-byblos',
    })
    const published = (await client.getDocument('place-byblos'))!
    await renameDraft('Jbeil')
    await client.action({
      actionType: 'sanity.action.document.version.discard',
      versionId: 'drafts.place-byblos',
    })
    expect(await client.getDocuments(['drafts.place-byblos', 'place-byblos'])).toEqual([
      null,
      published,
    ])

    // Duplicate: the Studio creates the copy as a new draft with a plain create mutation.
    const system = ['_id', '_rev', '_createdAt', '_updatedAt']
    const fields = Object.fromEntries(
      Object.entries(published).filter(([key]) => !system.includes(key)),
    ) as {_type: string}
    const copy = await client.create({...fields, _id: 'drafts.place-byblos-copy'})
    expect(copy).toMatchObject({_id: 'drafts.place-byblos-copy', _type: 'place', name: 'Byblos'})
    expect(copy._rev).not.toBe(published._rev)

    // Copy to drafts (version.create from a base), refused when the base has moved on.
    await expect(
      client.action({
        actionType: 'sanity.action.document.version.create',
        publishedId: 'place-byblos',
        baseId: 'place-byblos',
        versionId: 'drafts.place-byblos',
        ifBaseRevisionId: 'not-the-revision',
      }),
    ).rejects.toMatchObject({statusCode: 409})
    await client.action({
      actionType: 'sanity.action.document.version.create',
      publishedId: 'place-byblos',
      baseId: 'place-byblos',
      versionId: 'drafts.place-byblos',
      ifBaseRevisionId: published._rev,
    })
    expect(await client.getDocument('drafts.place-byblos')).toMatchObject({name: 'Byblos'})

    // Unpublish keeps an existing draft's edits rather than overwriting them with the published copy.
    await renameDraft('Jbeil')
    await client.action({
      actionType: 'sanity.action.document.unpublish',
      draftId: 'drafts.place-byblos',
      publishedId: 'place-byblos',
    })
    const [draft, gone] = await client.getDocuments(['drafts.place-byblos', 'place-byblos'])
    expect(draft).toMatchObject({name: 'Jbeil'})
    expect(gone).toBeNull()
  })

  it('answers the project, user, grants, ACL, features and keyvalue requests a Studio makes', async () => {
    const get = (uri: string) => lake.client.request({uri})
    expect(await get('/users/me')).toMatchObject({id: expect.any(String), name: 'Local Editor'})
    expect(await get('/projects/local')).toMatchObject({
      id: 'local',
      members: [expect.objectContaining({isCurrentUser: true})],
    })
    expect(await get('/projects/local/datasets/production/acl')).toEqual([
      expect.objectContaining({permissions: expect.arrayContaining(['read', 'update'])}),
    ])
    expect(await get('/projects/local/datasets')).toEqual([
      expect.objectContaining({name: 'production'}),
    ])
    expect(await get('/projects/local/grants')).toHaveProperty(['sanity.project.datasets'])
    expect(await get('/features')).toEqual([])
    await lake.client.request({
      method: 'PUT',
      uri: '/users/me/keyvalue',
      body: [{key: 'studio.layout', value: {width: 3}}],
    })
    expect(await get('/users/me/keyvalue/studio.layout,studio.other')).toEqual([
      {key: 'studio.layout', value: {width: 3}},
      {key: 'studio.other', value: null},
    ])
    // History: the first test of this file wrote place-beirut straight to its published id, as the
    // one implicit local editor.
    const history = (await get('/data/history/production/events/documents/place-beirut')) as {
      events: Record<string, {type: string; author: string}[]>
      nextCursor: string
    }
    expect(history.events['place-beirut']!.at(-1)).toMatchObject({
      type: 'publishDocumentVersion',
      author: 'p-local-editor',
    })
    expect(history.nextCursor).toBe('')
  })

  it('echoes the Origin with credentials for CORS and answers preflight requests', async () => {
    const preflight = await fetch(`${lake.server.url}/v2025-02-19/data/mutate/production`, {
      method: 'OPTIONS',
      headers: {
        'Origin': 'http://127.0.0.1:3333',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3333')
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    const get = await fetch(`${lake.server.url}/v2025-02-19/users/me`, {
      headers: {Origin: 'http://localhost:3333'},
    })
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:3333')
  })
})

describe('malformed requests to the lake server', () => {
  let lake: RunningLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  const post = (path: string, body: string) =>
    fetch(`${lake.server.url}/v2025-02-19${path}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body,
    })

  it('answers a body that is not JSON with 400', async () => {
    const response = await post('/data/mutate/production', '{"mutations": [')
    expect(response.status).toBe(400)
    expect(((await response.json()) as {error: {description: string}}).error.description).toMatch(
      /JSON/,
    )
  })

  it('answers a body without mutations, or with an unknown operation, with 400', async () => {
    expect((await post('/data/mutate/production', '{"nope": []}')).status).toBe(400)
    expect((await post('/data/mutate/production', '{"mutations": [{"explode": {}}]}')).status).toBe(
      400,
    )
    expect(
      (await post('/data/mutate/production', '{"mutations": [{"create": {"_id": "no type"}}]}'))
        .status,
    ).toBe(400)
    expect(
      (
        await post(
          '/data/mutate/production',
          '{"mutations": [{"patch": {"id": "x", "unset": "name"}}]}',
        )
      ).status,
    ).toBe(400)
  })

  it('answers an unknown dataset or route with 404', async () => {
    expect((await fetch(`${lake.server.url}/v2025-02-19/data/query/staging?query=*`)).status).toBe(
      404,
    )
    expect((await post('/data/mutate/staging', '{"mutations": []}')).status).toBe(404)
    expect((await fetch(`${lake.server.url}/v2025-02-19/nothing/here`)).status).toBe(404)
    expect((await fetch(`${lake.server.url}/not-versioned`)).status).toBe(404)
  })

  it('answers malformed percent-encoding in a path with 400', async () => {
    expect(
      (await fetch(`${lake.server.url}/v2025-02-19/data/doc/production/place-%E0%A4%A`)).status,
    ).toBe(400)
    expect((await fetch(`${lake.server.url}/v2025-02-19/users/me/keyvalue/%ZZ`)).status).toBe(400)
  })

  it('answers a query parameter that is not JSON with 400 and keeps serving', async () => {
    const response = await fetch(
      `${lake.server.url}/v2025-02-19/data/query/production?query=*[_id==$id]&$id=unquoted`,
    )
    expect(response.status).toBe(400)
    expect(await lake.client.fetch('count(*)')).toBe(0)
  })
})

describe('the lake server with a token', () => {
  const token = 'sk-local-test-token-0123456789abcdef'
  let lake: RunningLake
  beforeAll(async () => {
    lake = await startTestLake({token})
    await lake.client.createOrReplace({_id: 'place-open', _type: 'place', name: 'Open'})
    await lake.client.createOrReplace({
      _id: 'drafts.place-open',
      _type: 'place',
      name: 'Open (draft)',
    })
    await lake.client.createOrReplace({_id: 'drafts.place-secret', _type: 'place', name: 'Secret'})
  })
  afterAll(() => lake.stop())

  it('shows anonymous readers published documents only, whatever perspective they ask for', async () => {
    const anonymous = clientFor(lake.server)
    for (const perspective of ['raw', 'drafts', 'published'] as const) {
      expect(await anonymous.fetch('*[_type == "place"]{_id, name}', {}, {perspective})).toEqual([
        {_id: 'place-open', name: 'Open'},
      ])
    }
    expect(await anonymous.getDocuments(['drafts.place-secret', 'place-open'])).toEqual([
      null,
      expect.objectContaining({_id: 'place-open'}),
    ])
    expect(await anonymous.request({uri: '/users/me'})).toEqual({})
  })

  it('lets the token holder see drafts', async () => {
    expect(
      await lake.client.fetch('*[_type == "place"] | order(_id)._id', {}, {perspective: 'raw'}),
    ).toEqual(['drafts.place-open', 'drafts.place-secret', 'place-open'])
  })

  it('refuses anonymous writes and bad tokens with 401', async () => {
    const anonymous = clientFor(lake.server)
    await expect(anonymous.create({_type: 'place', name: 'Sneaky'})).rejects.toMatchObject({
      statusCode: 401,
    })
    const wrong = clientFor(lake.server, {token: 'sk-wrong-token-000000000000000000000'})
    await expect(wrong.fetch('count(*)')).rejects.toMatchObject({statusCode: 401})
    expect(await lake.client.fetch('count(*[name == "Sneaky"])', {}, {perspective: 'raw'})).toBe(0)
  })
})
