// Large batches: a folder or glob of pages streamed through the import, all-or-nothing by default,
// --keep-going to import what can be read; progress with rate and ETA on a terminal; --ndjson
// output whole through a pipe; --dir / LAKE_DIR for where the local dataset lives.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {expandPageArguments, formatDuration, Progress, progressLine} from '../../import/batch.ts'
import {isUrl} from '../../import/fetch.ts'
import {buildDocuments} from '../../import/pipeline.ts'
import {localDatasetFile, openLocalTarget} from '../../lake/target.ts'
import {writeGeneratedPages} from './generated.ts'
import {BUNDLED, ROOT} from './helpers.ts'

const tsx = join(ROOT, 'node_modules/.bin/tsx')
const work = mkdtempSync(join(tmpdir(), 'import-batch-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

const importCli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(tsx, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: '', LAKE_DIR: '', ...env},
  })

async function articleCount(dir: string, dataset: string): Promise<number> {
  const target = await openLocalTarget(localDatasetFile(dataset, dir))
  try {
    return await target.fetch<number>('count(*[_type == "article"])')
  } finally {
    await target.close()
  }
}

describe('the progress line', () => {
  it('shows pages done of all, the rate and the time left at that rate', () => {
    expect(progressLine('writing', 250, 1000, 10_000, 8)).toBe(
      'writing [##......] 250/1000  25/s  ETA 0:30',
    )
    expect(progressLine('reading', 0, 10, 0, 4)).toBe('reading [....] 0/10  0.0/s  ETA ?')
    expect(formatDuration(3725)).toBe('1:02:05')
  })

  it('is drawn in place on a terminal and not at all elsewhere', () => {
    const written: string[] = []
    const stream = (isTTY: boolean) =>
      ({isTTY, write: (text: string) => written.push(text)}) as unknown as NodeJS.WriteStream
    const silent = new Progress(stream(false), 'reading', 2)
    silent.tick()
    silent.tick()
    expect(written).toEqual([])
    const shown = new Progress(stream(true), 'reading', 2)
    shown.tick()
    shown.tick()
    expect(written[0]).toMatch(/^\rreading \[#+\.*\] 1\/2 .*ETA/)
    expect(written.at(-2)).toMatch(/^\rreading \[#+\] 2\/2 /)
    expect(written.at(-1)).toBe('\n')
  })
})

describe('npm run import over a batch of pages', () => {
  const pages = join(work, 'pages')
  const generated = writeGeneratedPages(pages, 300)
  writeFileSync(join(pages, 'empty.txt'), '')
  writeFileSync(
    join(pages, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]),
  )
  writeFileSync(join(pages, 'notes.md'), 'not a page')

  it('takes a folder as its .txt, .html and .htm files, sorted', () => {
    const listed = expandPageArguments([pages, 'https://news.example/a'], isUrl)
    expect(listed).toHaveLength(303)
    expect(listed.slice(0, 2)).toEqual([join(pages, 'binary.txt'), join(pages, 'empty.txt')])
    expect(listed.at(-2)).toBe(generated.at(-1))
    expect(listed.at(-1)).toBe('https://news.example/a')
  })

  it('writes nothing and names the first refused page in one line when one of 302 pages is bad', () => {
    const dir = join(work, 'all-or-nothing')
    const res = importCli([
      ...generated.slice(0, 150),
      join(pages, 'empty.txt'),
      ...generated.slice(150),
      '--dir',
      dir,
      '--dataset',
      'batch',
    ])
    expect(res.status).toBe(1)
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^import: .*empty\.txt: .*empty/),
    ])
    expect(existsSync(localDatasetFile('batch', dir))).toBe(false)
  }, 120_000)

  it('with --keep-going imports the 300 good pages of a folder and lists the 2 refused ones at the end', async () => {
    const dir = join(work, 'keep-going')
    const res = importCli([pages, '--keep-going', '--dir', dir, '--dataset', 'batch'])
    expect(res.status).toBe(1)
    const lines = res.stderr.trim().split('\n')
    expect(lines.slice(-3)).toEqual([
      'refused 2 of 302 pages (the others were imported):',
      expect.stringMatching(/^ {2}.*binary\.txt: /),
      expect.stringMatching(/^ {2}.*empty\.txt: /),
    ])
    expect(lines).toContain(`wrote 300 pages to local dataset ${localDatasetFile('batch', dir)}`)
    // Not a terminal: one line a page, no progress bar redrawn with \r.
    expect(res.stderr).not.toContain('\r')
    expect(await articleCount(dir, 'batch')).toBe(300)
  }, 180_000)

  it('imports into the folder LAKE_DIR names, and --dir wins over it', async () => {
    const fromEnv = join(work, 'from-env')
    const fromFlag = join(work, 'from-flag')
    expect(importCli([generated[0]!, '--dataset', 'located'], {LAKE_DIR: fromEnv}).status).toBe(0)
    expect(
      importCli([generated[1]!, '--dataset', 'located', '--dir', fromFlag], {LAKE_DIR: fromEnv})
        .status,
    ).toBe(0)
    expect(await articleCount(fromEnv, 'located')).toBe(1)
    expect(await articleCount(fromFlag, 'located')).toBe(1)
  }, 60_000)
})

describe('npm run import --dry-run --ndjson through a pipe', () => {
  it('delivers every line of more than 200 kB to a slow reader', () => {
    const files = [BUNDLED, BUNDLED, BUNDLED, BUNDLED]
    const expected = files
      .map(
        (file) =>
          buildDocuments(execFileSync('cat', [file], {encoding: 'utf8'}), {sourceFile: 'x'})
            .documents.length,
      )
      .reduce((a, b) => a + b)
    // The reader sleeps first, so the 64 KiB pipe fills and the import must wait for it to drain.
    const script = `"$0" scripts/import.ts --dry-run --ndjson "$@" | (sleep 1; cat) > "${join(work, 'piped.ndjson')}"`
    execFileSync('sh', ['-c', script, tsx, ...files], {
      cwd: ROOT,
      env: {...process.env, SANITY_PROJECT_ID: ''},
    })
    const text = execFileSync('cat', [join(work, 'piped.ndjson')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(Buffer.byteLength(text)).toBeGreaterThan(200_000)
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(expected)
    expect(
      lines
        .map((line) => (JSON.parse(line) as {_type: string})._type)
        .filter((type) => type === 'article'),
    ).toHaveLength(4)
  }, 60_000)
})
