import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'

let lake: LakeServer
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lake-studio-support-'))
  lake = await startLakeServer({port: 0, dir, datasets: ['production']})
})

afterAll(async () => {
  await lake.close()
  await rm(dir, {recursive: true, force: true})
})

describe('hosted-service endpoints the Studio calls', () => {
  it('answers upsell journeys, help and telemetry with empty shapes instead of 404', async () => {
    const get = async (path: string) => {
      const response = await fetch(`${lake.url}${path}`)
      return {status: response.status, body: await response.json()}
    }
    expect(await get('/v2025-02-19/journey/document-limit')).toEqual({status: 200, body: null})
    expect(await get('/v1/help?m=sanity%406.9.2')).toEqual({status: 200, body: {resources: []}})
    expect(await get('/v2023-12-18/intake/telemetry-status')).toEqual({
      status: 200,
      body: {status: 'denied'},
    })
  })

  it('reports no comments add-on dataset, so Studio comments never write into the content dataset', async () => {
    const response = await fetch(
      `${lake.url}/v2025-02-19/projects/local/datasets?datasetProfile=comments&addonFor=production`,
    )
    expect(await response.json()).toEqual([])
    const all = await fetch(`${lake.url}/v2025-02-19/projects/local/datasets`)
    expect(((await all.json()) as {name: string}[]).map((d) => d.name)).toEqual(['production'])
  })

  it("answers the document store's per-dataset ping, and 404 for a dataset it does not have", async () => {
    const ping = await fetch(`${lake.url}/v2025-02-19/data/ping/production`)
    expect([ping.status, await ping.text()]).toEqual([200, 'PONG'])
    const missing = await fetch(`${lake.url}/v2025-02-19/data/ping/nope`)
    expect(missing.status).toBe(404)
  })
})
