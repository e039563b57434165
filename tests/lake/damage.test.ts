// One damaged byte in a dataset's files: the transaction log checksums each line and the snapshot's
// lines are checksummed in the log, so damage is found, named (file and line), and never "repaired"
// by dropping what follows it. A torn last line is still a crash mid-write, and is cut.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {startLakeServer} from '../../lake/server.ts'
import {Store} from '../../lake/store.ts'
import {clientFor, tempDir} from './helpers.ts'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function folder(): {dir: string; file: string} {
  const {dir, remove} = tempDir()
  cleanups.push(remove)
  return {dir, file: join(dir, 'production.ndjson')}
}

/** Changes one character inside line `line` (1-based) of `file`, keeping it valid JSON. */
function damageLine(file: string, line: number): void {
  const lines = readFileSync(file, 'utf8').split('\n')
  lines[line - 1] = lines[line - 1]!.replace('"note"', '"nope"')
  writeFileSync(file, lines.join('\n'))
}

async function tenTransactions(file: string, close: boolean, prefix = 'note'): Promise<void> {
  const store = await Store.open(file)
  for (let i = 0; i < 10; i++)
    await store.commit([{create: {_id: `${prefix}-${i}`, _type: 'note', n: i}}])
  if (close) await store.close()
}

describe('a damaged dataset file', () => {
  it('refuses to start the server on a log line damaged before intact ones, naming file and line, and changes no byte', async () => {
    const {dir, file} = folder()
    await tenTransactions(file, false)
    // Line 1 is the header, line 2 the snapshot manifest: line 7 is the fifth transaction.
    damageLine(`${file}.log`, 7)
    const before = readFileSync(`${file}.log`)
    await expect(startLakeServer({port: 0, dir, datasets: ['production']})).rejects.toThrow(
      `${file}.log:7: this transaction-log line is damaged`,
    )
    await expect(Store.open(file)).rejects.toThrow(/delete line 7/)
    expect(readFileSync(`${file}.log`).equals(before)).toBe(true)
  })

  it('answers requests for a dataset damaged while the server runs with an error, and truncates nothing', async () => {
    const {dir, file} = folder()
    const server = await startLakeServer({port: 0, dir, datasets: ['production']})
    try {
      const client = clientFor(server)
      for (let i = 0; i < 4; i++) await client.create({_id: `note-${i}`, _type: 'note'})
      // Another process appends, then a byte of an earlier line goes bad.
      await tenTransactions(file, false, 'other')
      // Lines 3–6 are the server's own (already read); line 9 is one it has not read yet.
      damageLine(`${file}.log`, 9)
      const before = readFileSync(`${file}.log`)
      await expect(client.create({_id: 'note-new', _type: 'note'})).rejects.toMatchObject({
        statusCode: 503,
        response: {body: {error: {type: 'datasetDamagedError'}}},
      })
      expect(readFileSync(`${file}.log`).equals(before)).toBe(true)
    } finally {
      await server.close().catch(() => {})
    }
  })

  it('refuses a snapshot line changed after it was written, naming the line', async () => {
    const {file} = folder()
    await tenTransactions(file, true)
    damageLine(file, 3)
    await expect(Store.open(file)).rejects.toThrow(
      `${file}:3: this line differs from what was written`,
    )
  })

  it('still cuts a damaged last line as a torn write and keeps everything before it', async () => {
    const {file} = folder()
    await tenTransactions(file, false)
    const lines = readFileSync(`${file}.log`, 'utf8').split('\n')
    damageLine(`${file}.log`, lines.length - 1)
    const store = await Store.open(file)
    expect(store.size).toBe(9)
    await store.commit([{create: {_id: 'note-after', _type: 'note'}}])
    expect((await Store.open(file)).size).toBe(10)
  })

  it('reads a log written before lines had checksums', async () => {
    const {file} = folder()
    const doc = {_id: 'note-old', _type: 'note', _rev: 'r1'}
    writeFileSync(
      `${file}.log`,
      `${JSON.stringify({lake: 'transaction-log', version: 1, generation: 'g1'})}\n` +
        `${JSON.stringify({transactionId: 'r1', timestamp: '2024-01-01T00:00:00Z', identity: 'x', changes: [{id: 'note-old', after: doc, mutations: []}]})}\n`,
    )
    const store = await Store.open(file)
    expect(store.get('note-old')).toMatchObject(doc)
    await store.commit([{create: {_id: 'note-new', _type: 'note'}}])
    expect((await Store.open(file)).size).toBe(2)
  })
})
