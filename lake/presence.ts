// The Studio's realtime socket (Sanity's "bifur" JSON-RPC protocol over WebSocket): presence, so
// editors see each other in documents. One hub per dataset; every event goes to every subscriber
// (the Studio itself skips its own session).
import {randomId} from './transaction.ts'
import type {WebSocketConnection} from './websocket.ts'

const HEARTBEAT = '\u2665'
const HEARTBEAT_MS = 20_000

interface Request {
  jsonrpc?: string
  id?: string | number
  method?: string
  params?: Record<string, unknown>
}

export class PresenceHub {
  private readonly subscriptions = new Map<string, WebSocketConnection>()
  private readonly connections = new Set<WebSocketConnection>()

  /**
   * Serves one socket. `authorize(token)` names the editor a Bearer token belongs to (undefined:
   * not a good token); `userId` is who the socket speaks for until one is given.
   */
  attach(
    connection: WebSocketConnection,
    userId: string,
    authorize: (authorization: string) => string | undefined,
  ): void {
    this.connections.add(connection)
    const sessions = new Set<string>()
    const mine = new Set<string>()
    const heartbeat = setInterval(() => connection.send(HEARTBEAT), HEARTBEAT_MS)
    heartbeat.unref()

    const reply = (id: Request['id'], result: unknown) =>
      connection.send(JSON.stringify({jsonrpc: '2.0', id, result}))
    const fail = (id: Request['id'], code: number, message: string) =>
      connection.send(JSON.stringify({jsonrpc: '2.0', id: id ?? null, error: {code, message}}))

    connection.onMessage((text) => {
      let request: Request
      try {
        request = JSON.parse(text) as Request
      } catch {
        return fail(null as never, -32700, 'Parse error')
      }
      const params = request.params ?? {}
      switch (request.method) {
        case 'authorization': {
          const authorization = typeof params.authorization === 'string' ? params.authorization : ''
          const editor = authorize(authorization)
          if (editor === undefined) return fail(request.id, 4001, 'Unauthorized')
          userId = editor
          return reply(request.id, true)
        }
        case 'presence_subscribe': {
          const subscription = `presence-${randomId(12)}`
          this.subscriptions.set(subscription, connection)
          mine.add(subscription)
          return reply(request.id, subscription)
        }
        case 'presence_unsubscribe': {
          const subscription = String(params.subscriptionId ?? '')
          if (!mine.has(subscription)) return fail(request.id, -32602, 'Subscription not found')
          mine.delete(subscription)
          this.subscriptions.delete(subscription)
          return reply(request.id, true)
        }
        case 'presence_announce': {
          const data = (params.data ?? {}) as {sessionId?: unknown}
          if (typeof data.sessionId === 'string') sessions.add(data.sessionId)
          this.broadcast({type: 'state', i: userId, m: data}, connection)
          return reply(request.id, true)
        }
        case 'presence_rollcall':
          this.broadcast({type: 'rollCall', i: userId, session: params.session}, connection)
          return reply(request.id, true)
        case 'presence_disconnect':
          if (typeof params.session === 'string') sessions.delete(params.session)
          this.broadcast({type: 'disconnect', i: userId, m: {session: params.session}}, connection)
          return reply(request.id, true)
        default:
          return fail(request.id, -32601, `Method not found: ${String(request.method)}`)
      }
    })

    connection.onClose(() => {
      clearInterval(heartbeat)
      this.connections.delete(connection)
      for (const subscription of mine) this.subscriptions.delete(subscription)
      // A closed tab leaves: tell the others, as the hosted service does.
      for (const session of sessions)
        this.broadcast({type: 'disconnect', i: userId, m: {session}}, connection)
    })
  }

  /** To every subscriber but the sender (the Studio knows where it is itself). */
  private broadcast(result: unknown, from?: WebSocketConnection): void {
    for (const [subscription, connection] of this.subscriptions) {
      if (connection === from) continue
      connection.send(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'presence_subscription',
          params: {subscription, result},
        }),
      )
    }
  }

  closeAll(): void {
    for (const connection of [...this.connections]) connection.close(1001, 'server closing')
  }
}
