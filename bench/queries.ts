// The frontend queries at 1k, 10k and 100k documents of the model's shape: p50/p95 of the article
// page and the person page, and the rate they sustain, through the local target the reader uses, and
// on groq-js given only an id lookup for `->` (every `*` a full scan), which shows what the queries
// cost where nothing narrows their scans.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {evaluateSync, parse} from 'groq-js'

import {openLocalTarget, type DatasetTarget} from '../lake/target.ts'
import {articleBySlugQuery, personBySlugQuery} from '../queries/index.ts'
import {generateDataset} from './dataset.ts'

interface Sample {
  p50: number
  p95: number
  perSecond: number
}

async function measure(iterations: number, run: (i: number) => Promise<unknown>): Promise<Sample> {
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  const total = times.reduce((sum, t) => sum + t, 0)
  return {p50: at(0.5), p95: at(0.95), perSecond: (iterations * 1000) / total}
}

const ms = (value: number) => `${value.toFixed(1)} ms`

/** A dataset file of `size` generated documents, opened as a local target. */
async function openGenerated(dir: string, size: number) {
  const {documents, articleSlugs, personSlugs} = generateDataset(size)
  const file = join(dir, 'bench.ndjson')
  const stamp = '2024-01-01T00:00:00.000Z'
  writeFileSync(
    file,
    documents
      .map((doc) => JSON.stringify({...doc, _rev: 'bench', _createdAt: stamp, _updatedAt: stamp}))
      .join('\n') + '\n',
  )
  const target = await openLocalTarget(file)
  return {target, documents, count: documents.length, articleSlugs, personSlugs}
}

export async function run(): Promise<void> {
  console.log(
    '| documents | query | local target p50 | p95 | per second | groq-js + id lookup p50 | p95 |',
  )
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |')
  for (const size of [1_000, 10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'queries-bench-'))
    let target: DatasetTarget | undefined
    try {
      const opened = await openGenerated(dir, size)
      target = opened.target
      const iterations = size >= 100_000 ? 30 : 100
      const byId = new Map(opened.documents.map((doc) => [doc._id as string, doc]))
      const cases: [string, string, string[]][] = [
        ['articleBySlugQuery', articleBySlugQuery, opened.articleSlugs],
        ['personBySlugQuery', personBySlugQuery, opened.personSlugs],
      ]
      for (const [name, query, slugs] of cases) {
        // A different slug each time (a stride through the list), so no answer repeats.
        const slug = (i: number) => slugs[(i * 7919) % slugs.length]!
        await target.fetch(query, {slug: slug(iterations)}) // builds the view and its indexes once
        const sample = await measure(iterations, (i) => target!.fetch(query, {slug: slug(i)}))
        const plain = await measure(size >= 100_000 ? 5 : 20, async (i) => {
          const params = {slug: slug(i)}
          const dereference = ({_ref}: {_ref: string}) => byId.get(_ref) ?? null
          return evaluateSync(parse(query, {params}), {
            dataset: opened.documents,
            params,
            dereference,
          }).get()
        })
        console.log(
          `| ${opened.count.toLocaleString('en')} | ${name} | ${ms(sample.p50)} | ${ms(sample.p95)} | ${sample.perSecond.toFixed(0)} | ${ms(plain.p50)} | ${ms(plain.p95)} |`,
        )
      }
    } finally {
      await target?.close()
      rmSync(dir, {recursive: true, force: true})
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
