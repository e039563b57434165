import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import {firstValueFrom, take, toArray} from 'rxjs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {listenerHostsFor, spreadListeners} from '../../studio/localMode.ts'

let lake: LakeServer
let dir: string
// Every request except a listen goes to this closed port, so a working listener proves where it went.
const DEAD_HOST = 'http://127.0.0.1:9'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-listeners-'))
  lake = await startLakeServer({port: 0, dir, datasets: ['production']})
})

afterAll(async () => {
  await lake.close()
  await rm(dir, {recursive: true, force: true})
})

function spreadClient(): SanityClient {
  const client = createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: DEAD_HOST,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    maxRetries: 0,
  })
  return spreadListeners(client, [lake.url])
}

describe('listeners of a local-mode Studio client', () => {
  it('are spread over the *.localhost names of a loopback lake', () => {
    expect(listenerHostsFor('http://127.0.0.1:3334', 3)).toEqual([
      'http://listen-0.localhost:3334',
      'http://listen-1.localhost:3334',
      'http://listen-2.localhost:3334',
    ])
    expect(listenerHostsFor('https://lake.example.com')).toEqual([])
  })

  it('reach the lake through the spread host while other requests keep the client host', async () => {
    const client = spreadClient()
    const welcome = await firstValueFrom(
      client.listen('*[_type == "note"]', {}, {events: ['welcome']}),
    )
    expect(welcome).toMatchObject({type: 'welcome'})
    await expect(client.fetch('count(*)')).rejects.toThrow()
  })

  it('stay spread on clients derived with withConfig and on the observable client', async () => {
    const derived = spreadClient().withConfig({apiVersion: '2021-06-07'})
    const events = derived.observable
      .listen('*[_type == "note"]', {}, {events: ['welcome', 'mutation']})
      .pipe(take(2), toArray())
    const received = firstValueFrom(events)
    // The listener only reports the mutation if it is connected to the lake that receives it.
    await new Promise((done) => setTimeout(done, 300))
    await createClient({
      projectId: 'local',
      dataset: 'production',
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
      apiVersion: '2025-02-19',
    }).create({_id: 'note-1', _type: 'note', text: 'hello'})
    expect((await received).map((event) => event.type)).toEqual(['welcome', 'mutation'])
  })
})
