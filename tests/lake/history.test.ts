// Sanity's History API from the lake: documents at a revision or a time, transaction lists with
// each editor's name, the Studio's document events, restore, and history kept across compaction.
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {applyPatch} from 'mendoza'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {documentsAt} from '../../lake/history-api.ts'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {Store} from '../../lake/store.ts'
import {clientFor, tempDir} from './helpers.ts'

const ADA = 'ada-token-0000000000000000000000000000'
const GRACE = 'grace-token-000000000000000000000000000'

interface Transaction {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  mutations?: unknown[]
  effects?: Record<string, {apply: unknown[]; revert: unknown[]}>
}

async function startLake(dir: string): Promise<LakeServer> {
  return startLakeServer({
    port: 0,
    dir,
    datasets: ['production'],
    editors: [
      {name: 'Ada Lovelace', token: ADA},
      {name: 'Grace Hopper', token: GRACE},
    ],
  })
}

async function get(server: LakeServer, path: string, token: string | null = ADA) {
  return fetch(`${server.url}/v2025-02-19${path}`, {
    headers: token ? {authorization: `Bearer ${token}`} : {},
  })
}

async function transactions(server: LakeServer, ids: string, query = ''): Promise<Transaction[]> {
  const response = await get(server, `/data/history/production/transactions/${ids}?${query}`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/x-ndjson')
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Transaction)
}

describe('the history API with two editors', () => {
  const {dir, remove} = tempDir('lake-history-')
  let server: LakeServer
  const revs: string[] = []
  const times: string[] = []

  beforeAll(async () => {
    server = await startLake(dir)
    const ada = clientFor(server, {token: ADA})
    const grace = clientFor(server, {token: GRACE})
    const pause = () => new Promise((done) => setTimeout(done, 15))
    revs.push(
      (await ada.create({_id: 'drafts.claim-1', _type: 'claim', statement: 'First', n: 1}))._rev,
    )
    times.push(new Date().toISOString())
    await pause()
    revs.push(
      (
        await grace
          .patch('drafts.claim-1')
          .set({'statement': 'Second', 'source.kind': 'person'})
          .commit()
      )._rev,
    )
    times.push(new Date().toISOString())
    await pause()
    revs.push((await ada.patch('drafts.claim-1').set({n: 2}).commit())._rev)
  })
  afterAll(async () => {
    await server.close()
    remove()
  })

  it('answers /users/me with the editor whose token came, and /users/:ids with both names', async () => {
    expect(await (await get(server, '/users/me', GRACE)).json()).toMatchObject({
      id: 'p-grace-hopper',
      name: 'Grace Hopper',
    })
    const users = (await (
      await get(server, '/users/p-ada-lovelace,p-grace-hopper,p-nobody')
    ).json()) as {
      id: string
      displayName: string
    }[]
    expect(users.map(({id, displayName}) => [id, displayName])).toEqual([
      ['p-ada-lovelace', 'Ada Lovelace'],
      ['p-grace-hopper', 'Grace Hopper'],
    ])
    const project = (await (await get(server, '/projects/local', GRACE)).json()) as {
      members: {id: string; isCurrentUser: boolean}[]
    }
    expect(project.members.map(({id, isCurrentUser}) => [id, isCurrentUser])).toEqual([
      ['p-ada-lovelace', false],
      ['p-grace-hopper', true],
    ])
  })

  it('lists the document’s transactions oldest first, each with its editor as author', async () => {
    const list = await transactions(server, 'claim-1,drafts.claim-1')
    expect(list.map(({id, author, documentIDs}) => [id, author, documentIDs])).toEqual([
      [revs[0], 'p-ada-lovelace', ['drafts.claim-1']],
      [revs[1], 'p-grace-hopper', ['drafts.claim-1']],
      [revs[2], 'p-ada-lovelace', ['drafts.claim-1']],
    ])
    expect(list[1]!.mutations).toEqual([
      {patch: {id: 'drafts.claim-1', set: {'statement': 'Second', 'source.kind': 'person'}}},
    ])
  })

  it('gives mendoza effects that rebuild every version from the one before it, and back', async () => {
    const list = await transactions(
      server,
      'drafts.claim-1',
      'effectFormat=mendoza&excludeContent=true',
    )
    let doc: unknown = null
    for (const [index, transaction] of list.entries()) {
      const effect = transaction.effects!['drafts.claim-1']!
      const previous = doc
      doc = applyPatch(doc, effect.apply)
      const atRevision = (await (
        await get(
          server,
          `/data/history/production/documents/drafts.claim-1?revision=${revs[index]}`,
        )
      ).json()) as {documents: {_rev: string}[]}
      const {_rev, ...expected} = atRevision.documents[0]!
      expect(_rev).toBe(revs[index])
      expect(doc).toEqual(expected)
      expect(applyPatch(doc, effect.revert)).toEqual(previous)
    }
    // excludeContent keeps each mutation's kind and target, not the document it carried.
    expect(list[0]!.mutations).toEqual([{create: {_id: 'drafts.claim-1', _type: 'claim'}}])
  })

  it('filters by range, author and count, newest first when reversed', async () => {
    const ids = 'drafts.claim-1'
    expect((await transactions(server, ids, `reverse=true&limit=2`)).map((t) => t.id)).toEqual([
      revs[2],
      revs[1],
    ])
    expect(
      (await transactions(server, ids, `fromTransaction=${revs[1]}&toTransaction=${revs[2]}`)).map(
        (t) => t.id,
      ),
    ).toEqual([revs[1], revs[2]])
    expect((await transactions(server, ids, 'authors=p-grace-hopper')).map((t) => t.id)).toEqual([
      revs[1],
    ])
    expect(await transactions(server, 'someone-else')).toEqual([])
  })

  it('serves the document as it was at a revision and at a time', async () => {
    const at = async (query: string) =>
      (
        (await (
          await get(server, `/data/history/production/documents/drafts.claim-1,claim-1?${query}`)
        ).json()) as {
          documents: {_id: string; statement: string; n: number}[]
        }
      ).documents
    expect((await at(`revision=${revs[0]}`)).map((d) => [d._id, d.statement, d.n])).toEqual([
      ['drafts.claim-1', 'First', 1],
    ])
    expect((await at(`time=${times[1]}`)).map((d) => [d.statement, d.n])).toEqual([['Second', 1]])
    expect((await at(`time=${times[0]}`)).map((d) => d.statement)).toEqual(['First'])
    expect(await at('time=2001-01-01T00:00:00Z')).toEqual([])
    expect((await at('lastRevision=true')).map((d) => d.n)).toEqual([2])
    const both = await get(
      server,
      `/data/history/production/documents/claim-1?revision=${revs[0]}&time=${times[0]}`,
    )
    expect(both.status).toBe(400)
  })

  it('lists the Studio’s document events: the draft created, then published', async () => {
    const ada = clientFor(server, {token: ADA})
    const {_rev: publishRev} = await ada
      .transaction()
      .createOrReplace({_id: 'claim-1', _type: 'claim', statement: 'Second', n: 2})
      .delete('drafts.claim-1')
      .commit({returnDocuments: false})
      .then((result) => ({_rev: result.transactionId}))
    const body = (await (
      await get(server, '/data/history/production/events/documents/drafts.claim-1?limit=100')
    ).json()) as {
      events: Record<
        string,
        {type: string; author: string; versionRevisionId?: string; revisionId?: string}[]
      >
    }
    expect(body.events['drafts.claim-1']!.map(({type, author}) => [type, author])).toEqual([
      ['publishDocumentVersion', 'p-ada-lovelace'],
      ['createDocumentVersion', 'p-ada-lovelace'],
    ])
    expect(body.events['drafts.claim-1']![0]).toMatchObject({
      revisionId: publishRev,
      versionRevisionId: revs[2],
    })
  })

  it('lists a document written straight to its published id (an import) as published by its editor', async () => {
    const grace = clientFor(server, {token: GRACE})
    const {_rev: imported} = await grace.createOrReplace({
      _id: 'person-x',
      _type: 'person',
      name: 'X',
    })
    const {_rev: drafted} = await grace.create({_id: 'drafts.person-x', _type: 'person', name: 'Y'})
    // The Studio compares a draft with its last publish: for this one, the version then published.
    const since = (await (
      await get(server, `/data/history/production/documents/drafts.person-x?revision=${imported}`)
    ).json()) as {documents: {_id: string; _rev: string; name: string}[]}
    expect(since.documents.map(({_id, _rev, name}) => [_id, _rev, name])).toEqual([
      ['drafts.person-x', imported, 'X'],
    ])
    // A transaction of the published id bounds the draft's list by its place in history.
    expect(
      (await transactions(server, 'drafts.person-x', `fromTransaction=${imported}`)).map(
        (t) => t.id,
      ),
    ).toEqual([drafted])
    await grace.delete('drafts.person-x')
    const body = (await (
      await get(server, '/data/history/production/events/documents/drafts.person-x')
    ).json()) as {events: Record<string, {type: string; author: string}[]>; nextCursor: string}
    expect(body.events['drafts.person-x']!.map(({type, author}) => [type, author])).toEqual([
      ['deleteDocumentVersion', 'p-grace-hopper'],
      ['createDocumentVersion', 'p-grace-hopper'],
      ['publishDocumentVersion', 'p-grace-hopper'],
    ])
    expect(body.nextCursor).toBe('')
  })

  it('restores an old revision as the Studio sends it (replaceDraft with that revision’s document)', async () => {
    const [old] = (
      (await (
        await get(
          server,
          `/data/history/production/documents/claim-1,drafts.claim-1?revision=${revs[0]}`,
        )
      ).json()) as {
        documents: Record<string, unknown>[]
      }
    ).documents
    const {_updatedAt, ...attributes} = old!
    const response = await fetch(`${server.url}/v2025-02-19/data/actions/production`, {
      method: 'POST',
      headers: {'authorization': `Bearer ${GRACE}`, 'content-type': 'application/json'},
      body: JSON.stringify({
        actions: [
          {
            actionType: 'sanity.action.document.replaceDraft',
            publishedId: 'claim-1',
            attributes: {...attributes, _id: 'drafts.claim-1'},
          },
        ],
      }),
    })
    expect(response.status).toBe(200)
    const draft = await clientFor(server, {token: ADA}).getDocument('drafts.claim-1')
    expect(draft).toMatchObject({statement: 'First', n: 1})
    expect(draft!._rev).not.toBe(revs[0])
    const list = await transactions(server, 'drafts.claim-1', 'reverse=true&limit=1')
    expect(list[0]!.author).toBe('p-grace-hopper')
  })

  it('refuses a wrong token with 401 and anonymous history reads', async () => {
    expect(
      (await get(server, '/data/history/production/transactions/claim-1', 'wrong')).status,
    ).toBe(401)
    expect((await get(server, '/data/history/production/transactions/claim-1', null)).status).toBe(
      401,
    )
    expect((await get(server, '/users/me', 'wrong')).status).toBe(401)
    const write = await fetch(`${server.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'authorization': 'Bearer wrong', 'content-type': 'application/json'},
      body: JSON.stringify({mutations: [{create: {_id: 'x', _type: 'x'}}]}),
    })
    expect(write.status).toBe(401)
  })

  it('keeps the whole history after the log is folded into the snapshot and the lake restarts', async () => {
    const before = await transactions(server, 'claim-1,drafts.claim-1', 'effectFormat=mendoza')
    await server.close()
    const log = await readFile(join(dir, 'production.ndjson.log'), 'utf8')
    expect(log.trim().split('\n')).toHaveLength(2)
    server = await startLake(dir)
    expect(await transactions(server, 'claim-1,drafts.claim-1', 'effectFormat=mendoza')).toEqual(
      before,
    )
    // A commit after the restart joins the same history.
    await clientFor(server, {token: GRACE}).patch('drafts.claim-1').set({n: 3}).commit()
    const after = await transactions(server, 'drafts.claim-1')
    expect(after.map((t) => t.author)).toEqual([
      'p-ada-lovelace',
      'p-grace-hopper',
      'p-ada-lovelace',
      'p-ada-lovelace',
      'p-grace-hopper',
      'p-grace-hopper',
    ])
  })
})

describe('the history file beside a dataset', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: injected`), {code})

  it('keeps every transaction when the disk refuses the history during a compaction, and files it at the next', async () => {
    const {dir, remove} = tempDir('lake-history-disk-')
    const file = join(dir, 'production.ndjson')
    let refuse = true
    const faults = {
      write(target: string, length: number) {
        if (refuse && target.endsWith('.history')) throw errno('ENOSPC')
        return length
      },
    }
    try {
      const store = await Store.open(file, {faults})
      for (const n of [1, 2, 3])
        await store.commit([{createOrReplace: {_id: 'note', _type: 'note', n}}])
      await expect(store.compact()).rejects.toMatchObject({code: 'ENOSPC'})
      // Nothing was folded: the log still holds the three transactions, and history lists them.
      expect((await readFile(`${file}.log`, 'utf8')).trim().split('\n')).toHaveLength(5)
      expect((await store.history.entries()).map((entry) => entry.changes[0]!.after?.n)).toEqual([
        1, 2, 3,
      ])
      refuse = false
      await store.close()
      const reopened = await Store.open(file)
      expect((await reopened.history.entries()).map((entry) => entry.changes[0]!.after?.n)).toEqual(
        [1, 2, 3],
      )
      expect((await readFile(`${file}.history`, 'utf8')).trim().split('\n')).toHaveLength(3)
    } finally {
      remove()
    }
  })

  it('knows a version from before history began by its own timestamps, in any ISO form', async () => {
    const {dir, remove} = tempDir('lake-history-old-')
    const file = join(dir, 'production.ndjson')
    try {
      const old = {
        _id: 'note',
        _type: 'note',
        n: 0,
        _rev: 'old',
        _createdAt: '2020-01-01T00:00:00Z',
        _updatedAt: '2020-06-01T12:00:00Z',
      }
      await writeFile(file, `${JSON.stringify(old)}\n`)
      const store = await Store.open(file)
      await store.commit([{patch: {id: 'note', set: {n: 1}}}])
      const entries = await store.history.entries()
      const at = (time: string) =>
        documentsAt(entries, ['note'], {time}, (id) => store.get(id)).map((doc) => doc.n)
      expect(at('2020-06-01T12:00:00.000Z')).toEqual([0])
      expect(at('2020-03-01T00:00:00.000Z')).toEqual([])
      expect(at(new Date().toISOString())).toEqual([1])
      expect(documentsAt(entries, ['note'], {revision: 'old'}, (id) => store.get(id))).toEqual([
        old,
      ])
      await store.close()
    } finally {
      remove()
    }
  })

  it('reads each transaction once when a crash between filing the history and folding the log files it again', async () => {
    const {dir, remove} = tempDir('lake-history-crash-')
    const file = join(dir, 'production.ndjson')
    try {
      const first = await Store.open(file)
      for (const n of [1, 2])
        await first.commit([{createOrReplace: {_id: 'note', _type: 'note', n}}])
      // What a compaction does first; then the process dies before the log is replaced.
      await first.history.archive()
      const second = await Store.open(file)
      expect(
        (await second.history.entries()).map((entry) => entry.changes[0]!.before?.n ?? null),
      ).toEqual([null, 1])
      await second.close()
      const third = await Store.open(file)
      expect(await third.history.entries()).toHaveLength(2)
      expect((await readFile(`${file}.history`, 'utf8')).trim().split('\n')).toHaveLength(2)
    } finally {
      remove()
    }
  })
})
