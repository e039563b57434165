// The realtime socket beyond the basics: leaving, authorization, unknown datasets.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {startLakeServer} from '../../lake/server.ts'
import {startTestLake, tempDir, type RunningLake} from './helpers.ts'

const token = 'sk-presence-test-token-0123456789abcdef'
let lake: RunningLake
beforeAll(async () => {
  lake = await startTestLake({token})
})
afterAll(() => lake.stop())

function open(
  path = '/v2022-06-30/socket/production',
  url = lake.server.url,
): Promise<{socket: WebSocket; next: (match: (m: any) => boolean) => Promise<any>}> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`)
  const messages: any[] = []
  const waiters: {match: (m: any) => boolean; done: (m: any) => void}[] = []
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data))
    messages.push(message)
    for (const waiter of [...waiters]) {
      if (!waiter.match(message)) continue
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.done(message)
    }
  })
  const next = (match: (m: any) => boolean) =>
    new Promise<any>((done) =>
      messages.find(match) ? done(messages.find(match)) : waiters.push({match, done}),
    )
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({socket, next}), {once: true})
    socket.addEventListener('error', reject, {once: true})
  })
}
const send = (
  socket: WebSocket,
  id: string,
  method: string,
  params: Record<string, unknown> = {},
) =>
  socket.send(JSON.stringify({jsonrpc: '2.0', id, method, params: {...params, apiVersion: 'v1'}}))

it('tells the other editors when a socket that announced a session closes', async () => {
  const watcher = await open()
  const editor = await open()
  send(watcher.socket, 'w1', 'presence_subscribe')
  await watcher.next((m) => m.id === 'w1')
  send(editor.socket, 'e1', 'presence_announce', {data: {sessionId: 'tab-1', locations: []}})
  await editor.next((m) => m.id === 'e1')
  editor.socket.close()
  const left = await watcher.next((m) => m.params?.result?.type === 'disconnect')
  expect(left.params.result).toEqual({
    type: 'disconnect',
    i: 'p-local-editor',
    m: {session: 'tab-1'},
  })
  watcher.socket.close()
})

it('accepts the configured token over the socket and refuses another', async () => {
  const client = await open()
  send(client.socket, 'a1', 'authorization', {authorization: `Bearer ${token}`})
  expect(await client.next((m) => m.id === 'a1')).toMatchObject({result: true})
  send(client.socket, 'a2', 'authorization', {authorization: 'Bearer sk-wrong'})
  expect(await client.next((m) => m.id === 'a2')).toMatchObject({error: {code: 4001}})
  client.socket.close()
})

it('refuses a socket for a dataset that does not exist', async () => {
  await expect(open('/v2022-06-30/socket/nowhere')).rejects.toBeDefined()
})

it('passes an editor’s location to the other sessions as a presence state event', async () => {
  const watcher = await open()
  const editor = await open()
  send(watcher.socket, 'w1', 'presence_subscribe')
  const {result: subscription} = await watcher.next((m) => m.id === 'w1')
  expect(subscription).toMatch(/^presence-/)
  const data = {sessionId: 's-editor', locations: [{documentId: 'article-x', path: []}]}
  send(editor.socket, 'e1', 'presence_announce', {data})
  expect(await editor.next((m) => m.id === 'e1')).toMatchObject({result: true})
  const event = await watcher.next((m) => m.method === 'presence_subscription')
  expect(event.params).toEqual({
    subscription,
    result: {type: 'state', i: 'p-local-editor', m: data},
  })
  watcher.socket.close()
  editor.socket.close()
})

it('answers an unknown method with a JSON-RPC error', async () => {
  const client = await open()
  send(client.socket, 'x1', 'nonsense_method')
  expect(await client.next((m) => m.id === 'x1')).toMatchObject({error: {code: -32601}})
  client.socket.close()
})

it('names each editor by the token their socket authorized with', async () => {
  const {dir, remove} = tempDir()
  const server = await startLakeServer({
    port: 0,
    dir,
    datasets: ['production'],
    editors: [
      {name: 'Ada Lovelace', token: 'presence-ada-000000000000000000000000'},
      {name: 'Grace Hopper', token: 'presence-grace-0000000000000000000000'},
    ],
  })
  try {
    const ada = await open(undefined, server.url)
    const grace = await open(undefined, server.url)
    send(ada.socket, 'a1', 'authorization', {
      authorization: 'Bearer presence-ada-000000000000000000000000',
    })
    send(grace.socket, 'g1', 'authorization', {
      authorization: 'Bearer presence-grace-0000000000000000000000',
    })
    await Promise.all([ada.next((m) => m.id === 'a1'), grace.next((m) => m.id === 'g1')])
    send(ada.socket, 'a2', 'presence_subscribe')
    await ada.next((m) => m.id === 'a2')
    const data = {sessionId: 's-grace', locations: []}
    send(grace.socket, 'g2', 'presence_announce', {data})
    const event = await ada.next((m) => m.method === 'presence_subscription')
    expect(event.params.result).toEqual({type: 'state', i: 'p-grace-hopper', m: data})
    ada.socket.close()
    grace.socket.close()
  } finally {
    await server.close()
    remove()
  }
})
