// Mutation rules the Lake enforces and the local lake got wrong: a transaction id is used once,
// dryRun in the body commits nothing, autoGenerateArrayKeys keys arrays inside documents, a
// strongly referenced document keeps its type, and visibility takes only Sanity's three values.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer} from '../../lake/server.ts'
import {clientFor, ref, startTestLake, tempDir, type RunningLake} from './helpers.ts'

describe('mutation rules', () => {
  let lake: RunningLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  const post = (path: string, body: unknown) =>
    fetch(`${lake.server.url}/v2025-02-19${path}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    })

  it("refuses a transaction id that was used before, also one that is a document's revision", async () => {
    await lake.client.mutate([{create: {_id: 'note-tx', _type: 'note', n: 1}}], {
      transactionId: 'tx-first',
    })
    await lake.client.patch('note-tx').set({n: 2}).commit()
    const reuse = lake.client.mutate(
      [{patch: {id: 'note-tx', ifRevisionID: 'tx-first', set: {n: 3}}}],
      {transactionId: 'tx-first'},
    )
    await expect(reuse).rejects.toMatchObject({
      statusCode: 409,
      response: {body: {error: {type: 'conflictError'}}},
    })
    expect(await lake.client.getDocument('note-tx')).toMatchObject({n: 2})
    // The revision left on a document is used too.
    const current = (await lake.client.getDocument('note-tx'))!._rev
    await expect(
      lake.client.mutate([{create: {_id: 'note-tx2', _type: 'note'}}], {transactionId: current}),
    ).rejects.toMatchObject({statusCode: 409})
  })

  it('still refuses a used transaction id after a restart folded the log into the snapshot', async () => {
    const {dir, remove} = tempDir()
    try {
      const first = await startLakeServer({port: 0, dir, datasets: ['production']})
      await clientFor(first).mutate([{create: {_id: 'note-a', _type: 'note'}}], {
        transactionId: 'tx-before',
      })
      await clientFor(first).createOrReplace({_id: 'note-a', _type: 'note', n: 2})
      await first.close()
      const second = await startLakeServer({port: 0, dir, datasets: ['production']})
      try {
        const client = clientFor(second)
        await expect(
          client.mutate([{create: {_id: 'note-b', _type: 'note'}}], {transactionId: 'tx-before'}),
        ).rejects.toMatchObject({statusCode: 409})
        await client.mutate([{create: {_id: 'note-b', _type: 'note'}}], {transactionId: 'tx-fresh'})
        expect(await client.getDocument('note-b')).toMatchObject({_rev: 'tx-fresh'})
      } finally {
        await second.close()
      }
    } finally {
      remove()
    }
  })

  it('commits nothing for dryRun given in the body, and says what would happen', async () => {
    const response = await post('/data/mutate/production?returnIds=true', {
      mutations: [{create: {_id: 'note-dry', _type: 'note'}}],
      dryRun: true,
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as {results: unknown[]}).results).toEqual([
      {id: 'note-dry', operation: 'create'},
    ])
    expect(await lake.client.getDocument('note-dry')).toBeUndefined()
    const action = await post('/data/actions/production', {
      actions: [
        {
          actionType: 'sanity.action.document.create',
          publishedId: 'note-dry',
          attributes: {_id: 'drafts.note-dry', _type: 'note'},
          ifExists: 'fail',
        },
      ],
      dryRun: true,
    })
    expect(action.status).toBe(200)
    expect(await lake.client.getDocument('drafts.note-dry')).toBeUndefined()
  })

  it('adds _key to objects in the arrays of documents and patches with autoGenerateArrayKeys', async () => {
    await lake.client.create(
      {
        _id: 'note-keys',
        _type: 'note',
        items: [{label: 'a'}, {label: 'b', _key: 'kept'}],
        tags: ['x'],
      },
      {autoGenerateArrayKeys: true},
    )
    await lake.client
      .patch('note-keys')
      .insert('after', 'items[-1]', [{label: 'c'}])
      .setIfMissing({more: [{label: 'd'}]})
      .commit({autoGenerateArrayKeys: true})
    const doc = (await lake.client.getDocument('note-keys'))!
    const items = doc.items as {label: string; _key: string}[]
    expect(items.map((item) => item.label)).toEqual(['a', 'b', 'c'])
    expect(items.every((item) => typeof item._key === 'string' && item._key.length > 0)).toBe(true)
    expect(items[1]!._key).toBe('kept')
    expect((doc.more as {_key?: string}[])[0]!._key).toEqual(expect.any(String))
    expect(doc.tags).toEqual(['x'])
  })

  it('refuses createOrReplace changing the type of a strongly referenced document, and allows it otherwise', async () => {
    await lake.client.createOrReplace({_id: 'person-target', _type: 'person', name: 'T'})
    await lake.client.createOrReplace({
      _id: 'note-pointing',
      _type: 'note',
      about: ref('person-target'),
    })
    await expect(
      lake.client.createOrReplace({_id: 'person-target', _type: 'place', name: 'T'}),
    ).rejects.toMatchObject({
      statusCode: 409,
      response: {
        body: {
          error: {type: 'mutationError', items: [{error: {type: 'referentialIntegrityError'}}]},
        },
      },
    })
    expect(await lake.client.getDocument('person-target')).toMatchObject({_type: 'person'})
    await lake.client.createOrReplace({_id: 'person-target', _type: 'person', name: 'Same type'})
    // Dropping the reference in the same transaction makes the change allowed.
    await lake.client
      .transaction()
      .createOrReplace({_id: 'note-pointing', _type: 'note'})
      .createOrReplace({_id: 'person-target', _type: 'place'})
      .commit()
    expect(await lake.client.getDocument('person-target')).toMatchObject({_type: 'place'})
  })

  it('answers visibility other than sync, async or deferred with 400', async () => {
    const body = {mutations: [{createOrReplace: {_id: 'note-vis', _type: 'note'}}]}
    expect((await post('/data/mutate/production?visibility=eventually', body)).status).toBe(400)
    expect(await lake.client.getDocument('note-vis')).toBeUndefined()
    for (const visibility of ['sync', 'async', 'deferred'])
      expect((await post(`/data/mutate/production?visibility=${visibility}`, body)).status).toBe(
        200,
      )
  })
})
