// A lake started with --token, seen by someone without it: as on a public Sanity dataset they read
// published documents in the root path only, cannot tell which hidden ids exist, and write nothing.
import type {MutationEvent} from '@sanity/client'
import {filter, firstValueFrom, take, toArray, timeout} from 'rxjs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {clientFor, startTestLake, type RunningLake} from './helpers.ts'

const token = 'sk-local-test-token-anonymous-0123456789'

describe('anonymous readers of a lake with a token', () => {
  let lake: RunningLake
  beforeAll(async () => {
    lake = await startTestLake({token})
    await lake.client
      .transaction()
      .create({_id: 'note-public', _type: 'note'})
      .create({_id: 'secret.note', _type: 'note'})
      .create({_id: '_.releases.spring', _type: 'system.release'})
      .create({_id: 'drafts.note-hidden', _type: 'note'})
      .commit()
  })
  afterAll(() => lake.stop())

  it('see only root-path documents in every perspective', async () => {
    const anonymous = clientFor(lake.server)
    for (const perspective of ['raw', 'published', 'drafts'] as const) {
      expect(await anonymous.fetch('*._id', {}, {perspective})).toEqual(['note-public'])
      expect(
        await anonymous.fetch('*[_id in ["secret.note", "_.releases.spring"]]', {}, {perspective}),
      ).toEqual([])
    }
    expect((await lake.client.fetch('*._id', {}, {perspective: 'raw'})).length).toBe(4)
  })

  it('get the same answer from the doc endpoint for a hidden id and a missing one', async () => {
    const anonymous = clientFor(lake.server)
    const answer = await anonymous.request<{
      documents: unknown[]
      omitted: {id: string; reason: string}[]
    }>({
      uri: '/data/doc/production/drafts.note-hidden,drafts.note-missing,secret.note,secret.none,note-public',
    })
    expect(answer.documents).toEqual([expect.objectContaining({_id: 'note-public'})])
    expect(answer.omitted).toEqual(
      ['drafts.note-hidden', 'drafts.note-missing', 'secret.note', 'secret.none'].map((id) => ({
        id,
        reason: 'permission',
      })),
    )
  })

  it('hear no listener events for documents below the root path', async () => {
    const anonymous = clientFor(lake.server)
    const events = anonymous.listen('*[_type == "note"]', {}, {events: ['mutation']})
    const first = firstValueFrom(
      events.pipe(
        filter((e) => e.type === 'mutation'),
        take(1),
        toArray(),
        timeout(5000),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    await lake.client.create({_id: 'secret.note-2', _type: 'note'})
    await lake.client.create({_id: 'drafts.note-2', _type: 'note'})
    await lake.client.create({_id: 'note-2', _type: 'note'})
    expect(((await first) as MutationEvent[]).map((event) => event.documentId)).toEqual(['note-2'])
  })

  it('are refused every kind of write with 401, and nothing is written', async () => {
    const anonymous = clientFor(lake.server)
    await expect(anonymous.create({_id: 'note-sneaky', _type: 'note'})).rejects.toMatchObject({
      statusCode: 401,
    })
    await expect(
      anonymous.mutate([{create: {_id: 'note-sneaky', _type: 'note'}}], {dryRun: true}),
    ).rejects.toMatchObject({statusCode: 401})
    await expect(
      anonymous.action({
        actionType: 'sanity.action.document.create',
        publishedId: 'note-sneaky',
        attributes: {_id: 'drafts.note-sneaky', _type: 'note'},
        ifExists: 'fail',
      }),
    ).rejects.toMatchObject({statusCode: 401})
    await expect(
      anonymous.request({method: 'PUT', uri: '/users/me/keyvalue', body: [{key: 'k', value: 1}]}),
    ).rejects.toMatchObject({statusCode: 401})
    await expect(
      anonymous.request({method: 'PUT', uri: '/projects/local/datasets/sneaky'}),
    ).rejects.toMatchObject({statusCode: 401})
    const wrong = clientFor(lake.server, {token: 'sk-wrong-token-000000000000000000000'})
    await expect(wrong.create({_id: 'note-sneaky', _type: 'note'})).rejects.toMatchObject({
      statusCode: 401,
    })
    expect(await lake.client.fetch('*[_id match "*sneaky*"]', {}, {perspective: 'raw'})).toEqual([])
    expect(await lake.client.request({uri: '/projects/local/datasets'})).toEqual([
      expect.objectContaining({name: 'production'}),
    ])
  })
})
