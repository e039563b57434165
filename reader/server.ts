import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import type {DatasetTarget} from '../lake/target.ts'
import {createReaderHandler} from './handler.ts'

export interface RunningReader {
  url: string
  server: Server
  close(): Promise<void>
}

/** Serves the reader on `port` (0 picks a free one) at `host`, 127.0.0.1 unless told otherwise. */
export async function startReader({
  port = 0,
  host = '127.0.0.1',
  target,
}: {
  port?: number
  host?: string
  target: DatasetTarget
}): Promise<RunningReader> {
  const handler = createReaderHandler(target)
  const server = createServer((request, response) => void handler(request, response))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${shownHost}:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
