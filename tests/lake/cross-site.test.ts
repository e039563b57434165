// The lake beside a browser: pages on other origins, and DNS-rebinding pages that reach 127.0.0.1
// under their own host name, must not read raw data or write, with or without a token configured.
import {request} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {clientFor, tempDir} from './helpers.ts'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so Host and Origin are exactly what a browser would send. */
function send(
  server: LakeServer,
  path: string,
  options: {method?: string; headers?: Record<string, string>; body?: string} = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (response) => {
        let body = ''
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({status: response.statusCode!, headers: response.headers, body}),
        )
      },
    )
    call.on('error', reject)
    call.end(options.body)
  })
}

const mutation = JSON.stringify({mutations: [{create: {_id: 'note-evil', _type: 'note'}}]})
const json = {'Content-Type': 'application/json'}

describe('cross-site requests to a lake without a token', () => {
  let server: LakeServer
  let remove: () => void
  beforeAll(async () => {
    const folder = tempDir()
    remove = folder.remove
    server = await startLakeServer({
      port: 0,
      dir: folder.dir,
      datasets: ['production'],
      corsOrigins: ['https://studio.example.com'],
    })
    const client = clientFor(server)
    await client.create({_id: 'note-public', _type: 'note'})
    await client.create({_id: 'drafts.note-secret', _type: 'note'})
  })
  afterAll(async () => {
    await server.close()
    remove()
  })

  it('serves the Studio on localhost or 127.0.0.1 on any port, and configured origins, with credentials', async () => {
    for (const origin of [
      'http://localhost:3333',
      'http://127.0.0.1:5173',
      'https://studio.example.com',
    ]) {
      const answer = await send(server, '/v2025-02-19/data/mutate/production', {
        method: 'OPTIONS',
        headers: {'Origin': origin, 'Access-Control-Request-Method': 'POST'},
      })
      expect(answer.status).toBe(204)
      expect(answer.headers['access-control-allow-origin']).toBe(origin)
      expect(answer.headers['access-control-allow-credentials']).toBe('true')
    }
    const write = await send(server, '/v2025-02-19/data/mutate/production', {
      method: 'POST',
      headers: {...json, Origin: 'http://localhost:3333'},
      body: JSON.stringify({mutations: [{create: {_id: 'note-local', _type: 'note'}}]}),
    })
    expect(write.status).toBe(200)
  })

  it('refuses writes and preflights from any other origin, null included, and writes nothing', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const preflight = await send(server, '/v2025-02-19/data/mutate/production', {
        method: 'OPTIONS',
        headers: {'Origin': origin, 'Access-Control-Request-Method': 'POST'},
      })
      expect(preflight.status).toBe(403)
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
      const write = await send(server, '/v2025-02-19/data/mutate/production', {
        method: 'POST',
        headers: {...json, Origin: origin},
        body: mutation,
      })
      expect(write.status).toBe(403)
      expect(JSON.parse(write.body)).toMatchObject({
        statusCode: 403,
        message: expect.stringContaining('--cors-origin'),
      })
    }
    expect(await clientFor(server).getDocument('note-evil')).toBeUndefined()
  })

  it('gives other origins only what anonymous readers see, without CORS headers', async () => {
    const query = encodeURIComponent('*[_type == "note"]._id')
    const answer = await send(
      server,
      `/v2025-02-19/data/query/production?query=${query}&perspective=raw`,
      {headers: {Origin: 'https://evil.example'}},
    )
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(JSON.parse(answer.body).result.sort()).toEqual(['note-local', 'note-public'])
    const doc = await send(server, '/v2025-02-19/data/doc/production/drafts.note-secret', {
      headers: {Origin: 'https://evil.example'},
    })
    expect(JSON.parse(doc.body).documents).toEqual([])
  })

  it('refuses unknown Host names (DNS rebinding) and answers loopback names and IP literals', async () => {
    const rebound = await send(server, '/v2025-02-19/data/query/production?query=*', {
      headers: {Host: `evil.example:${server.port}`},
    })
    expect(rebound.status).toBe(403)
    expect(rebound.body).not.toContain('note-public')
    const write = await send(server, '/v2025-02-19/data/mutate/production', {
      method: 'POST',
      headers: {...json, Host: 'evil.example'},
      body: mutation,
    })
    expect(write.status).toBe(403)
    for (const host of [
      `localhost:${server.port}`,
      `127.0.0.1:${server.port}`,
      `local.localhost:${server.port}`,
      'studio.example.com',
    ]) {
      expect((await send(server, '/v2025-02-19/ping', {headers: {Host: host}})).status).toBe(200)
    }
  })
})
