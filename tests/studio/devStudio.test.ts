import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {probeLake, startDevStudio} from '../../studio/devStudio.ts'
import {LOCAL_EDITOR_TOKEN} from '../../studio/localMode.ts'

let dir: string
let open: LakeServer
let guarded: LakeServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-dev-'))
  open = await startLakeServer({port: 0, dir: join(dir, 'open'), datasets: ['production']})
  guarded = await startLakeServer({
    port: 0,
    dir: join(dir, 'guarded'),
    token: 'another-secret-token-of-some-length',
    datasets: ['production'],
  })
})

afterAll(async () => {
  await open.close()
  await guarded.close()
  await rm(dir, {recursive: true, force: true})
})

describe('npm run dev, before it starts anything', () => {
  it('reuses a lake that signs the local editor in', async () => {
    expect(await probeLake(open.url, LOCAL_EDITOR_TOKEN)).toBe('editor')
  })

  it('tells a lake that refuses the local editor token from no lake at all', async () => {
    expect(await probeLake(guarded.url, LOCAL_EDITOR_TOKEN)).toBe('rejected')
    expect(await probeLake('http://127.0.0.1:9', LOCAL_EDITOR_TOKEN)).toBe('absent')
  })

  it('stops with a clear error instead of starting a Studio the lake would not let in', async () => {
    const starting = startDevStudio({
      cwd: dir,
      env: {SANITY_STUDIO_LAKE_URL: guarded.url},
      port: 0,
      lakePort: guarded.port,
      lakeDir: dir,
      startLake: () => Promise.reject(new Error('must not start a second lake')),
      log: () => {},
    })
    await expect(starting).rejects.toThrow(
      /refuses the local editor token; set SANITY_STUDIO_LAKE_TOKEN/,
    )
  })
})
