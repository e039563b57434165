// kill -9 in the middle of a long run of transactions: the dataset must open, and hold exactly a
// prefix of the transactions, at least every one that was acknowledged.
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect, it} from 'vitest'
import {Store} from '../../lake/store.ts'
import {tempDir} from './helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const writer = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url))

/** Starts the writer (node itself, so SIGKILL hits the writing process), kills it after `after` acks. */
function killMidRun(file: string, round: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, 'crash', round], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let acknowledged = -1
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) acknowledged = Number(line)
      if (acknowledged >= after) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited: ${stderr}`)),
    )
  })
}

it('keeps exactly the committed transactions when the writer is killed with SIGKILL', async () => {
  const {dir, remove} = tempDir()
  try {
    const file = join(dir, 'production.ndjson')
    const kept: Record<string, number> = {}
    // The second round starts from the first one's crash: a stale lock, perhaps a torn last line.
    for (const round of ['first', 'second']) {
      const acknowledged = await killMidRun(file, round, 150 + Math.floor(Math.random() * 150))
      const store = await Store.open(file)
      const numbers = (name: string) =>
        [...store.documents()]
          .filter((doc) => doc._type === 'item' && doc.round === name)
          .map((doc) => doc.n as number)
          .sort((a, b) => a - b)
      const items = numbers(round)
      expect(items.length).toBeGreaterThanOrEqual(acknowledged + 1)
      expect(items).toEqual(items.map((_, i) => i))
      // The counter changed in the same transactions as the items, so it names the last one.
      expect(store.get('counter')).toMatchObject({round, n: items.length - 1})
      kept[round] = items.length
      if (round === 'second') expect(numbers('first')).toHaveLength(kept.first!)
    }
  } finally {
    remove()
  }
}, 120_000)
