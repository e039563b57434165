// Shared set-up for the lake tests: a temporary folder, a server on a free loopback port, and the
// real @sanity/client pointed at it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'

export function tempDir(prefix = 'lake-'): {dir: string; remove: () => void} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}

export function clientFor(
  server: LakeServer,
  options: {dataset?: string; token?: string; apiVersion?: string} = {},
): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: options.dataset ?? 'production',
    apiHost: server.url,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: options.apiVersion ?? '2025-02-19',
    token: options.token,
    ignoreBrowserTokenWarning: true,
  })
}

export interface RunningLake {
  server: LakeServer
  dir: string
  client: SanityClient
  stop: () => Promise<void>
}

export async function startTestLake(options: {token?: string} = {}): Promise<RunningLake> {
  const {dir, remove} = tempDir()
  const server = await startLakeServer({
    port: 0,
    host: '127.0.0.1',
    dir,
    token: options.token,
    datasets: ['production'],
  })
  const client = clientFor(server, {token: options.token})
  return {
    server,
    dir,
    client,
    stop: async () => {
      await server.close()
      remove()
    },
  }
}

export const ref = (id: string, weak = false) => ({
  _type: 'reference',
  _ref: id,
  ...(weak ? {_weak: true} : {}),
})
