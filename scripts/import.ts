// npm run import [-- FILE|URL... ] [--dry-run] [--ndjson] [--dataset NAME]
// Imports news pages (HTML files, whole-page text dumps, or http(s) URLs) into the dataset (local by
// default, hosted when SANITY_* say so).
// stdout carries only --ndjson output; logs, progress and the summary go to stderr.
import {readdirSync} from 'node:fs'
import {basename, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {openTarget} from '../lake/target.ts'
import {ImportInputError} from '../import/errors.ts'
import {fetchPage, isUrl} from '../import/fetch.ts'
import {buildDocuments, type ImportResult} from '../import/pipeline.ts'
import {readPageFile} from '../import/read.ts'
import {DOC_TYPES, emptyCounts, writeImport} from '../import/write.ts'

const USAGE = `usage: npm run import -- [FILE|URL...] [--dry-run] [--ndjson] [--dataset NAME]
  FILE       a saved page: HTML (.html, .htm, or HTML content) or a whole-page text dump, one block per line
             (default: the bundled articles in data/articles/)
  URL        an http(s) news page, fetched (15 s, 5 MB, 5 redirects at most) and imported as HTML
  --dry-run  change nothing; with --ndjson print the documents to stdout, one JSON object per line
  --dataset  dataset name (default: SANITY_DATASET, then production)`

function fail(message: string, code = 1): never {
  process.stderr.write(`import: ${message.split('\n')[0]}\n`)
  process.exit(code)
}

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {'dry-run': {type: 'boolean'}, ndjson: {type: 'boolean'}, dataset: {type: 'string'}, help: {type: 'boolean', short: 'h'}},
  })
}
try {
  args = parse()
} catch (err) {
  fail(`${(err as Error).message} (see --help)`, 2)
}
if (args.values.help) {
  process.stderr.write(`${USAGE}\n`)
  process.exit(0)
}
if (args.values.ndjson && !args.values['dry-run']) fail('--ndjson prints what an import would write: use it with --dry-run', 2)

const root = fileURLToPath(new URL('..', import.meta.url))
const bundledDir = join(root, 'data/articles')
const files = args.positionals.length
  ? args.positionals
  : readdirSync(bundledDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => relative(process.cwd(), join(bundledDir, f)) || join(bundledDir, f))
if (!files.length) fail('no articles to import')

// Validate and extract every page before writing any: one bad file or URL means nothing is written.
const importedAt = new Date().toISOString()
const results: {file: string; result: ImportResult}[] = []
try {
  for (const file of files) {
    if (isUrl(file)) {
      const page = await fetchPage(file)
      results.push({file, result: buildDocuments(page.html, {sourceFile: page.url, importedAt, format: 'html', url: page.url})})
      continue
    }
    const page = readPageFile(file)
    results.push({file, result: buildDocuments(page.content, {sourceFile: basename(file), importedAt, format: page.format})})
  }
} catch (err) {
  if (err instanceof ImportInputError) fail(err.message)
  throw err
}

if (args.values.ndjson) {
  for (const {result} of results) for (const doc of result.documents) process.stdout.write(`${JSON.stringify(doc)}\n`)
  // Exit only once stdout has taken every line: a pipe is written asynchronously.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  process.exit(0)
}

const target = await openTarget(args.values.dataset ? {dataset: args.values.dataset} : {})
const dryRun = Boolean(args.values['dry-run'])
process.stderr.write(`${dryRun ? 'planning an import into' : 'importing into'} ${target.description}\n`)
const totals = emptyCounts()
const bySource: Record<string, number> = {}
const tty = process.stderr.isTTY
try {
  for (const [i, {file, result}] of results.entries()) {
    const summary = await writeImport(target, result, {dryRun})
    for (const t of DOC_TYPES) for (const k of ['created', 'updated', 'unchanged', 'deleted'] as const) totals[t][k] += summary.counts[t][k]
    for (const [k, n] of Object.entries(summary.claimsBySourceKind)) bySource[k] = (bySource[k] ?? 0) + n
    const changed = DOC_TYPES.some((t) => summary.counts[t].created || summary.counts[t].updated || summary.counts[t].deleted)
    const line = `${file}: ${result.claims.length} claims, ${result.people.length} people, ${result.places.length} places, ${result.organizations.length} organizations${changed ? '' : ' (unchanged)'}`
    if (tty) {
      const width = 24
      const done = Math.round(((i + 1) / results.length) * width)
      process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${i + 1}/${results.length} ${basename(file).slice(0, 40).padEnd(40)}`)
      if (i + 1 === results.length) process.stderr.write('\n')
    } else process.stderr.write(`[${i + 1}/${results.length}] ${line}\n`)
  }
} catch (err) {
  await target.close()
  fail(`writing failed: ${(err as Error).message}`)
}
await target.close()

const anyChange = DOC_TYPES.some((t) => totals[t].created || totals[t].updated || totals[t].deleted)
process.stderr.write(`\n${dryRun ? 'would write' : 'wrote'} to ${target.description}${anyChange ? '' : ': nothing changed'}\n`)
process.stderr.write(`${'type'.padEnd(14)}${'created'.padStart(9)}${'updated'.padStart(9)}${'unchanged'.padStart(11)}${'deleted'.padStart(9)}\n`)
for (const t of DOC_TYPES) {
  const c = totals[t]
  process.stderr.write(`${t.padEnd(14)}${String(c.created).padStart(9)}${String(c.updated).padStart(9)}${String(c.unchanged).padStart(11)}${String(c.deleted).padStart(9)}\n`)
}
process.stderr.write(`claims by source: ${Object.entries(bySource).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}\n`)
