// GET /data/export/:dataset, as `sanity dataset export` (@sanity/export) reads it: the dataset as
// an NDJSON stream, one document per line in id order, optionally only some `types`. Written with
// back-pressure, so a large dataset streams rather than sitting in memory as one string.
import type {ServerResponse} from 'node:http'
import {once} from 'node:events'
import type {SanityDocument} from './types.ts'

const CHUNK_BYTES = 256 << 10

export async function streamExport(
  response: ServerResponse,
  documents: Iterable<SanityDocument>,
  types: string[] | null,
): Promise<void> {
  // A snapshot taken now: commits during the stream do not tear it.
  const wanted = [...documents]
    .filter((doc) => !types || types.includes(doc._type))
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  response.writeHead(200, {'Content-Type': 'application/x-ndjson; charset=utf-8'})
  let chunk = ''
  for (const doc of wanted) {
    chunk += `${JSON.stringify(doc)}\n`
    if (chunk.length < CHUNK_BYTES) continue
    const flushed = response.write(chunk)
    chunk = ''
    if (!flushed) await Promise.race([once(response, 'drain'), once(response, 'close')])
    if (response.destroyed) return
  }
  response.end(chunk)
}
