// Running the import over many pages without holding them: the pages named on the command line
// (a folder stands for its pages), a spool that keeps each extracted page on disk between reading
// every page and writing any, and a progress line with rate and ETA for a terminal.
import {
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {extname, join} from 'node:path'
import {createInterface} from 'node:readline'
import type {SanityDoc} from './documents.ts'
import type {ImportResult} from './pipeline.ts'

/** File kinds a folder argument stands for. */
const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm'])

/**
 * The pages to import: every argument as given, except that a folder stands for its `.txt`,
 * `.html` and `.htm` files (sorted, not recursive). URLs and missing paths pass through for the
 * reader to accept or refuse.
 */
export function expandPageArguments(args: string[], isUrl: (arg: string) => boolean): string[] {
  return args.flatMap((arg) => {
    if (isUrl(arg)) return [arg]
    let folder: boolean
    try {
      folder = statSync(arg).isDirectory()
    } catch {
      return [arg]
    }
    if (!folder) return [arg]
    return readdirSync(arg)
      .filter((name) => PAGE_EXTENSIONS.has(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(arg, name))
  })
}

/** The ImportResult a page's documents stand for (the article first, as buildDocuments orders them). */
export function resultOfDocuments(documents: SanityDoc[]): ImportResult {
  const ofType = (type: string) => documents.filter((doc) => doc._type === type)
  const article = documents[0]
  if (!article || article._type !== 'article')
    throw new Error('a spooled page does not start with its article')
  const provenance = article.import as {strippedLines?: string[]} | undefined
  return {
    article,
    claims: ofType('claim'),
    people: ofType('person'),
    places: ofType('place'),
    organizations: ofType('organization'),
    documents,
    stripped: provenance?.strippedLines ?? [],
  }
}

export interface SpooledPage {
  file: string
  result: ImportResult
}

/**
 * Extracted pages on disk, one JSON line each, in a private temporary folder: an all-or-nothing
 * import reads and checks every page before it writes any, and memory stays flat however many.
 */
export class PageSpool {
  readonly #dir = mkdtempSync(join(tmpdir(), 'import-spool-'))
  readonly #file = join(this.#dir, 'pages.ndjson')
  #fd: number | undefined = openSync(this.#file, 'w')
  #count = 0

  get count(): number {
    return this.#count
  }

  add(file: string, result: ImportResult): void {
    if (this.#fd === undefined)
      throw new Error('the spool is being read: nothing more can be added')
    writeSync(this.#fd, `${JSON.stringify({file, documents: result.documents})}\n`)
    this.#count++
  }

  /** Closes the file once; a second close could hit a descriptor the system has since reused. */
  #close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
  }

  /** The pages in the order they were added. Call once, after the last `add`. */
  async *pages(): AsyncGenerator<SpooledPage> {
    this.#close()
    const lines = createInterface({
      input: createReadStream(this.#file, 'utf8'),
      crlfDelay: Infinity,
    })
    for await (const line of lines) {
      const {file, documents} = JSON.parse(line) as {file: string; documents: SanityDoc[]}
      yield {file, result: resultOfDocuments(documents)}
    }
  }

  dispose(): void {
    this.#close()
    rmSync(this.#dir, {recursive: true, force: true})
  }
}

/** Shortest interval between two redraws of the progress line. */
const REDRAW_MS = 100

/** `h:mm:ss` or `m:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const [h, m, rest] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
  const mm = h ? String(m).padStart(2, '0') : String(m)
  return `${h ? `${h}:` : ''}${mm}:${String(rest).padStart(2, '0')}`
}

/** The progress line: a bar, pages done of all, pages a second and the time left at that rate. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  width = 24,
): string {
  const filled = total ? Math.round((done / total) * width) : width
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?'
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ETA ${eta}`
}

/** A progress line redrawn in place on a terminal, at most every REDRAW_MS; silent elsewhere. */
export class Progress {
  readonly #start = Date.now()
  #done = 0
  #drawn = 0

  constructor(
    readonly stream: NodeJS.WriteStream,
    readonly label: string,
    readonly total: number,
  ) {}

  tick(): void {
    this.#done++
    if (!this.stream.isTTY) return
    const now = Date.now()
    if (now - this.#drawn < REDRAW_MS && this.#done < this.total) return
    this.#drawn = now
    this.stream.write(
      `\r${progressLine(this.label, this.#done, this.total, now - this.#start)}\u001b[K`,
    )
    if (this.#done === this.total) this.stream.write('\n')
  }

  /** Ends a line left unfinished by a run that stopped early. */
  end(): void {
    if (this.stream.isTTY && this.#drawn && this.#done < this.total) this.stream.write('\n')
  }
}
