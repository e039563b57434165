// Bad requests get a 4xx in Sanity's error shape, never a dropped socket or a 500, and the server
// keeps serving afterwards.
import {connect} from 'node:net'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {startTestLake, type RunningLake} from './helpers.ts'

let lake: RunningLake
beforeAll(async () => {
  lake = await startTestLake()
  await lake.client.create({_id: 'note-1', _type: 'note'})
})
afterAll(() => lake.stop())

const base = () => `${lake.server.url}/v2025-02-19`
type ErrorBody = {error: {type: string; description: string}}

async function expectError(response: Response, status: number): Promise<ErrorBody['error']> {
  expect(response.status).toBe(status)
  const body = (await response.json()) as ErrorBody
  expect(body.error).toEqual(
    expect.objectContaining({type: expect.any(String), description: expect.any(String)}),
  )
  return body.error
}

/** Sends raw bytes and reads the whole answer (Node's fetch cannot send a 20 KB request line). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(lake.server.port, '127.0.0.1', () => socket.end(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

it('answers a GET URL over the limit with 414 and says to use POST, at both sizes Node and the lake check', async () => {
  const query = encodeURIComponent(`*[_id == "note-1" && "${'x'.repeat(13_000)}" != ""]._id`)
  const error = await expectError(
    await fetch(`${base()}/data/query/production?query=${query}`),
    414,
  )
  expect(error.description).toMatch(/POST/)
  const huge = await rawRequest(
    `GET /v2025-02-19/data/query/production?query=${'x'.repeat(40_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
  )
  expect(huge).toMatch(/^HTTP\/1\.1 414 /)
  expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)).error.description).toMatch(/POST/)
  // The same query by POST works (the client switches by itself).
  expect(
    await lake.client.fetch(`*[_id == "note-1" && $long != ""]._id`, {long: 'x'.repeat(13_000)}),
  ).toEqual(['note-1'])
})

it('answers deeply nested JSON with 400', async () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
  for (const path of [
    '/data/mutate/production',
    '/data/query/production',
    '/data/actions/production',
  ]) {
    const error = await expectError(
      await fetch(`${base()}${path}`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: deep,
      }),
      400,
    )
    expect(error.description).toMatch(/levels deep/)
  }
})

it('answers a body that is not UTF-8 with 400 and writes nothing', async () => {
  const bytes = Buffer.concat([
    Buffer.from('{"mutations":[{"create":{"_id":"note-bad","_type":"note","name":"'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('"}}]}'),
  ])
  const error = await expectError(
    await fetch(`${base()}/data/mutate/production`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: bytes,
    }),
    400,
  )
  expect(error.description).toMatch(/UTF-8/)
  expect(await lake.client.getDocument('note-bad')).toBeUndefined()
})

it('answers a listen whose query uses a missing $param with 400, as query does', async () => {
  const query = encodeURIComponent('*[_type == $type]')
  const listen = await expectError(
    await fetch(`${base()}/data/listen/production?query=${query}`),
    400,
  )
  const fetched = await expectError(
    await fetch(`${base()}/data/query/production?query=${query}`),
    400,
  )
  expect(listen).toMatchObject({
    type: 'queryParseError',
    description: 'param $type referenced, but not provided',
  })
  expect(fetched).toMatchObject({
    type: 'queryParseError',
    description: 'param $type referenced, but not provided',
  })
})

it('answers a malformed request line with 400 instead of dropping the connection, and keeps serving', async () => {
  const answer = await rawRequest('GARBAGE\r\n\r\n')
  expect(answer).toMatch(/^HTTP\/1\.1 400 /)
  expect(await lake.client.fetch('count(*)')).toBe(1)
})
