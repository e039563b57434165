import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
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

describe('npm run dev with named editors', () => {
  it('starts the lake with each editor’s token and hands the list to the Studio bundle', async () => {
    // A stand-in for the sanity CLI that records the environment `sanity dev` would build from.
    const project = join(dir, 'project')
    const seen = join(project, 'studio-env.json')
    await mkdir(join(project, 'node_modules', '.bin'), {recursive: true})
    await writeFile(
      join(project, 'node_modules', '.bin', 'sanity'),
      `require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({editors: process.env.SANITY_STUDIO_LOCAL_EDITORS, token: process.env.SANITY_STUDIO_LAKE_TOKEN}))\n`,
    )
    const editors =
      'Ada Lovelace=token-ada-0000000000000000000000,Grace Hopper=token-grace-00000000000000000000'
    const started: Parameters<Parameters<typeof startDevStudio>[0]['startLake']>[0][] = []
    const studio = await startDevStudio({
      cwd: project,
      env: {LAKE_EDITORS: editors},
      port: 0,
      lakePort: 0,
      lakeDir: join(dir, 'editors'),
      startLake: async (options) => {
        started.push(options)
        return startLakeServer({...options, port: 0, datasets: [options.dataset]})
      },
      log: () => {},
    })
    expect(await studio.exited).toBe(0)
    await studio.stop()
    expect(started).toHaveLength(1)
    expect(started[0]!.token).toBeUndefined()
    expect(started[0]!.editors).toEqual([
      {name: 'Ada Lovelace', token: 'token-ada-0000000000000000000000'},
      {name: 'Grace Hopper', token: 'token-grace-00000000000000000000'},
    ])
    expect(JSON.parse(await readFile(seen, 'utf8'))).toEqual({
      editors,
      token: 'token-ada-0000000000000000000000',
    })
  })
})
