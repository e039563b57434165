// A minimal WebSocket server side (RFC 6455) on Node's HTTP upgrade: enough for the Studio's
// realtime socket (text frames, ping/pong, close), without adding a dependency.
import {createHash} from 'node:crypto'
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const MAX_MESSAGE_BYTES = 1 << 20

export interface WebSocketConnection {
  send(text: string): void
  close(code?: number, reason?: string): void
  onMessage(handler: (text: string) => void): void
  onClose(handler: () => void): void
  readonly open: boolean
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length
  const header =
    length < 126 ? Buffer.alloc(2) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10)
  header[0] = 0x80 | opcode
  if (length < 126) header[1] = length
  else if (length < 65536) {
    header[1] = 126
    header.writeUInt16BE(length, 2)
  } else {
    header[1] = 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  return Buffer.concat([header, payload])
}

/** Completes the handshake and returns the connection, or answers 400 and returns null. */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): WebSocketConnection | null {
  const key = request.headers['sec-websocket-key']
  if (request.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    return null
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64')
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  )

  const messageHandlers: ((text: string) => void)[] = []
  const closeHandlers: (() => void)[] = []
  let open = true
  let buffered: Buffer = head.length ? Buffer.from(head) : Buffer.alloc(0)
  let fragments: Buffer[] = []

  const finish = () => {
    if (!open) return
    open = false
    for (const handler of closeHandlers) handler()
  }
  const connection: WebSocketConnection = {
    get open() {
      return open
    },
    send(text) {
      if (open && socket.writable) socket.write(frame(0x1, Buffer.from(text)))
    },
    close(code = 1000, reason = '') {
      if (!open) return
      const payload = Buffer.alloc(2 + Buffer.byteLength(reason))
      payload.writeUInt16BE(code, 0)
      payload.write(reason, 2)
      if (socket.writable) socket.end(frame(0x8, payload))
      finish()
    },
    onMessage: (handler) => void messageHandlers.push(handler),
    onClose: (handler) => void closeHandlers.push(handler),
  }

  const parse = () => {
    for (;;) {
      if (buffered.length < 2) return
      const first = buffered[0]!
      const second = buffered[1]!
      const opcode = first & 0x0f
      const masked = (second & 0x80) !== 0
      let length = second & 0x7f
      let offset = 2
      if (length === 126) {
        if (buffered.length < 4) return
        length = buffered.readUInt16BE(2)
        offset = 4
      } else if (length === 127) {
        if (buffered.length < 10) return
        const big = buffered.readBigUInt64BE(2)
        if (big > BigInt(MAX_MESSAGE_BYTES)) return connection.close(1009, 'message too big')
        length = Number(big)
        offset = 10
      }
      if (!masked) return connection.close(1002, 'client frames must be masked')
      if (length > MAX_MESSAGE_BYTES) return connection.close(1009, 'message too big')
      if (buffered.length < offset + 4 + length) return
      const mask = buffered.subarray(offset, offset + 4)
      const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length))
      for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!
      buffered = buffered.subarray(offset + 4 + length)
      const final = (first & 0x80) !== 0
      if (opcode === 0x8) return connection.close()
      if (opcode === 0x9) {
        if (socket.writable) socket.write(frame(0xa, payload))
        continue
      }
      if (opcode === 0xa) continue
      if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
        fragments.push(payload)
        if (fragments.reduce((sum, part) => sum + part.length, 0) > MAX_MESSAGE_BYTES)
          return connection.close(1009, 'message too big')
        if (!final) continue
        const text = Buffer.concat(fragments).toString('utf8')
        fragments = []
        for (const handler of messageHandlers) handler(text)
        continue
      }
      return connection.close(1002, 'unknown opcode')
    }
  }
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk
    parse()
  })
  socket.on('close', finish)
  // The upgraded socket allows half-open: end our side too, or server.close() waits for it forever.
  socket.on('end', () => {
    finish()
    socket.end()
  })
  socket.on('error', finish)
  if (buffered.length) queueMicrotask(parse)
  return connection
}
