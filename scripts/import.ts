// npm run import [-- FILE|DIR|URL... ] [--dry-run] [--ndjson] [--keep-going] [--dataset NAME] [--dir PATH]
// Imports news pages (HTML files, whole-page text dumps, or http(s) URLs) into the dataset (local by
// default, hosted when SANITY_* say so).
// stdout carries only --ndjson output; logs, progress and the summary go to stderr.
import {once} from 'node:events'
import {readdirSync} from 'node:fs'
import {basename, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {openTarget, type DatasetTarget} from '../lake/target.ts'
import {expandPageArguments, PageSpool, Progress} from '../import/batch.ts'
import {ImportInputError} from '../import/errors.ts'
import {fetchPage, isUrl} from '../import/fetch.ts'
import {buildDocuments, type ImportResult} from '../import/pipeline.ts'
import {readPageFile} from '../import/read.ts'
import {DOC_TYPES, emptyCounts, writeImport} from '../import/write.ts'

const USAGE = `usage: npm run import -- [FILE|DIR|URL...] [--dry-run] [--ndjson] [--keep-going] [--dataset NAME] [--dir PATH]
  FILE          a saved page: HTML (.html, .htm, or HTML content) or a whole-page text dump, one block per line
                (default: the bundled articles in data/articles/)
  DIR           a folder: its .txt, .html and .htm files
  URL           an http(s) news page, fetched (15 s, 5 MB, 5 redirects at most) and imported as HTML
  --dry-run     change nothing; with --ndjson print the documents to stdout, one JSON object per line
  --keep-going  import the pages that can be read and list the refused ones at the end (exit 1 if any);
                without it one refused page means nothing is written
  --dataset     dataset name (default: SANITY_DATASET, then production)
  --dir         folder of the local datasets (default: LAKE_DIR, then .sanity/local)`

/** A refusal of the whole run: one line on stderr, and the exit code. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message)
  }
}

/** Reads and extracts one page; an unreadable or unusable page throws ImportInputError. */
async function extract(file: string, importedAt: string): Promise<ImportResult> {
  if (isUrl(file)) {
    const page = await fetchPage(file)
    return buildDocuments(page.html, {
      sourceFile: page.url,
      importedAt,
      format: 'html',
      url: page.url,
    })
  }
  const page = readPageFile(file)
  return buildDocuments(page.content, {sourceFile: basename(file), importedAt, format: page.format})
}

/** Writes to stdout, waiting whenever the pipe is full, so nothing is lost however much is printed. */
async function print(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain')
}

function bundledPages(): string[] {
  const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'data/articles')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => relative(process.cwd(), join(dir, f)) || join(dir, f))
}

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': {type: 'boolean'},
        'ndjson': {type: 'boolean'},
        'keep-going': {type: 'boolean'},
        'dataset': {type: 'string'},
        'dir': {type: 'string'},
        'help': {type: 'boolean', short: 'h'},
      },
    })
  } catch (err) {
    throw new Refusal(`${(err as Error).message} (see --help)`, 2)
  }
  const {values} = args
  if (values.help) {
    process.stderr.write(`${USAGE}\n`)
    return 0
  }
  if (values.ndjson && !values['dry-run'])
    throw new Refusal('--ndjson prints what an import would write: use it with --dry-run', 2)
  const files = args.positionals.length
    ? expandPageArguments(args.positionals, isUrl)
    : bundledPages()
  if (!files.length) throw new Refusal('no articles to import')

  const importedAt = new Date().toISOString()
  const keepGoing = Boolean(values['keep-going'])
  const dryRun = Boolean(values['dry-run'])
  const refused: string[] = []
  const spool = keepGoing ? undefined : new PageSpool()
  let target: DatasetTarget | undefined
  try {
    // All or nothing: read and check every page (kept on disk, not in memory) before writing any.
    if (spool) {
      const reading = new Progress(process.stderr, 'reading', files.length)
      for (const file of files) {
        try {
          spool.add(file, await extract(file, importedAt))
        } catch (err) {
          reading.end()
          if (err instanceof ImportInputError) throw new Refusal(err.message)
          throw err
        }
        reading.tick()
      }
    }
    if (!values.ndjson) {
      target = await openTarget({dataset: values.dataset, dir: values.dir})
      process.stderr.write(
        `${dryRun ? 'planning an import into' : 'importing into'} ${target.description}\n`,
      )
    }
    const output = target ? new Writer(target, dryRun, files.length) : undefined
    const pages = spool ? spool.pages() : readEach(files, importedAt, refused)
    for await (const {file, result} of pages) {
      if (output) await output.write(file, result)
      else await print(result.documents.map((doc) => `${JSON.stringify(doc)}\n`).join(''))
    }
    output?.report()
  } finally {
    spool?.dispose()
    await target?.close()
  }
  if (!refused.length) return 0
  process.stderr.write(
    `refused ${refused.length} of ${files.length} pages (the others were ${dryRun ? 'planned' : 'imported'}):\n`,
  )
  for (const reason of refused) process.stderr.write(`  ${reason.split('\n')[0]}\n`)
  return 1
}

/** --keep-going: each page as soon as it is read; a refused page is noted in `refused` and skipped. */
async function* readEach(
  files: string[],
  importedAt: string,
  refused: string[],
): AsyncGenerator<{file: string; result: ImportResult}> {
  for (const file of files) {
    let result: ImportResult
    try {
      result = await extract(file, importedAt)
    } catch (err) {
      if (!(err instanceof ImportInputError)) throw err
      refused.push(err.message)
      continue
    }
    yield {file, result}
  }
}

/** Writes pages to the target one transaction each, keeping only the running totals. */
class Writer {
  readonly totals = emptyCounts()
  readonly bySource: Record<string, number> = {}
  readonly progress: Progress
  #written = 0

  constructor(
    readonly target: DatasetTarget,
    readonly dryRun: boolean,
    readonly expected: number,
  ) {
    this.progress = new Progress(process.stderr, dryRun ? 'planning' : 'writing', expected)
  }

  async write(file: string, result: ImportResult): Promise<void> {
    let summary
    try {
      summary = await writeImport(this.target, result, {dryRun: this.dryRun})
    } catch (err) {
      this.progress.end()
      throw new Refusal(`writing failed: ${(err as Error).message}`)
    }
    this.#written++
    for (const t of DOC_TYPES)
      for (const k of ['created', 'updated', 'unchanged', 'deleted'] as const)
        this.totals[t][k] += summary.counts[t][k]
    for (const [k, n] of Object.entries(summary.claimsBySourceKind))
      this.bySource[k] = (this.bySource[k] ?? 0) + n
    if (process.stderr.isTTY) return this.progress.tick()
    const changed = DOC_TYPES.some(
      (t) => summary.counts[t].created || summary.counts[t].updated || summary.counts[t].deleted,
    )
    process.stderr.write(
      `[${this.#written}/${this.expected}] ${file}: ${result.claims.length} claims, ${result.people.length} people, ${result.places.length} places, ${result.organizations.length} organizations${changed ? '' : ' (unchanged)'}\n`,
    )
  }

  report(): void {
    this.progress.end()
    const {totals, target} = this
    const anyChange = DOC_TYPES.some(
      (t) => totals[t].created || totals[t].updated || totals[t].deleted,
    )
    const lines = [
      '',
      `${this.dryRun ? 'would write' : 'wrote'} ${this.#written} pages to ${target.description}${anyChange ? '' : ': nothing changed'}`,
      `${'type'.padEnd(14)}${'created'.padStart(9)}${'updated'.padStart(9)}${'unchanged'.padStart(11)}${'deleted'.padStart(9)}`,
      ...DOC_TYPES.map((t) => {
        const c = totals[t]
        return `${t.padEnd(14)}${String(c.created).padStart(9)}${String(c.updated).padStart(9)}${String(c.unchanged).padStart(11)}${String(c.deleted).padStart(9)}`
      }),
      `claims by source: ${
        Object.entries(this.bySource)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }`,
    ]
    process.stderr.write(`${lines.join('\n')}\n`)
  }
}

// Every exit goes through exitCode, never process.exit(): stdout may be a pipe still holding output.
try {
  process.exitCode = await main()
} catch (err) {
  if (!(err instanceof Refusal)) throw err
  process.stderr.write(`import: ${err.message.split('\n')[0]}\n`)
  process.exitCode = err.code
}
