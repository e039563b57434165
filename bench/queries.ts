// Every named query in queries/, and the Studio's default search, at 10k and 100k documents of the model's shape (and 1M with
// `npm run bench -- queries 1m`): p50/p95 through the local target the reader uses, p50 through HTTP
// with @sanity/client against the lake server (worker threads), and p50 on plain groq-js given only
// an id lookup for `->` (every `*` a full scan), which is the answer the lake must equal and what the
// queries cost where nothing narrows their scans. Also the load time and the memory the dataset and
// its indexes take.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {evaluateSync, parse} from 'groq-js'

import {startLakeServer} from '../lake/server.ts'
import {openLocalTarget} from '../lake/target.ts'
import {queries, type QueryName} from '../queries/index.ts'
import {lakeClient} from './client.ts'
import {generateDataset, writeDatasetFile} from './dataset.ts'
import {collectGarbage, heapAfterCollection, time} from './timing.ts'

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

type Params = (i: number) => Record<string, unknown>

interface Case {
  label: string
  query: string
  params: Params
  /**
   * What the lake's answer must equal: plain groq-js on the same query (`plain`), or, for a query
   * groq-js cannot run (text::query), the lake's answer to an equivalent query it does not narrow.
   */
  reference: {plain: true} | {plain: false; query: string}
}

/**
 * The Studio's default (groq2024) global search as sanity 6.9.2 sends it for this model's types,
 * the reference-resolving step left out: text::query on the preview fields, boosted, over the
 * whole document.
 */
const studioSearch = `// findability-mvi:5
*[_type in $__types] | score(boost(_type in ["article"] && headline match text::query($__query), 10), boost(_type in ["person", "organization", "place"] && name match text::query($__query), 10), boost(_type in ["claim"] && statement match text::query($__query), 10), ([@, _id] match text::query($__query) || references($__rawQuery))) [_score > 0] {_type, _id, _originalId, "orderings": [_score]} | order(orderings[0] desc) [0...$__limit]`

/** Each query with the parameters a frontend sends, varied per iteration so no answer repeats. */
function cases(slugsOf: (type: string) => string[]): Case[] {
  const stride = (list: string[]) => (i: number) => list[(i * 7919) % list.length]!
  const article = stride(slugsOf('article'))
  const person = stride(slugsOf('person'))
  const organization = stride(slugsOf('organization'))
  const place = stride(slugsOf('place'))
  const none = {sourceKind: null, reviewStatus: null, articleSlug: null}
  const page = (i: number) => ({offset: (i % 5) * 20, limit: 20})
  const kind = (i: number) => ['person', 'organization', 'unnamed'][i % 3]
  const term = (i: number) => `Person ${(i * 37) % 1000}`
  const named = (label: string, name: QueryName, params: Params): Case => ({
    label,
    query: queries[name],
    params,
    reference: {plain: true},
  })
  return [
    named('articleListQuery', 'articleListQuery', page),
    named('articleBySlugQuery', 'articleBySlugQuery', (i) => ({slug: article(i)})),
    named('articleJsonLdQuery', 'articleJsonLdQuery', (i) => ({slug: article(i)})),
    named('personBySlugQuery', 'personBySlugQuery', (i) => ({slug: person(i)})),
    named('organizationBySlugQuery', 'organizationBySlugQuery', (i) => ({slug: organization(i)})),
    named('placeBySlugQuery', 'placeBySlugQuery', (i) => ({slug: place(i)})),
    named('claimsQuery, no filter', 'claimsQuery', (i) => ({...none, ...page(i)})),
    named('claimsQuery, sourceKind', 'claimsQuery', (i) => ({
      ...none,
      sourceKind: kind(i),
      ...page(i),
    })),
    named('claimsQuery, articleSlug', 'claimsQuery', (i) => ({
      ...none,
      articleSlug: article(i),
      offset: 0,
      limit: 20,
    })),
    named('claimsCountQuery, no filter', 'claimsCountQuery', () => none),
    named('claimsCountQuery, sourceKind', 'claimsCountQuery', (i) => ({
      ...none,
      sourceKind: kind(i),
    })),
    named('claimsCountQuery, articleSlug', 'claimsCountQuery', (i) => ({
      ...none,
      articleSlug: article(i),
    })),
    named('searchQuery', 'searchQuery', (i) => ({q: term(i), offset: 0, limit: 20})),
    named('searchCountQuery', 'searchCountQuery', (i) => ({q: term(i)})),
    {
      label: 'Studio search (groq2024, text::query)',
      query: studioSearch,
      params: (i) => ({
        __types: ['article', 'person', 'organization', 'place', 'claim'],
        __limit: 26,
        __query: `${term(i)}*`,
        __rawQuery: term(i),
      }),
      // The same filter in a shape the lake does not narrow the scan by (every document scored).
      reference: {plain: false, query: studioSearch.replace('[_score > 0]', '[(_score > 0)]')},
    },
  ]
}

export async function run(args: string[] = []): Promise<void> {
  const sizes = [10_000, 100_000, ...(args.includes('1m') ? [1_000_000] : [])]
  console.log(
    '| documents | query | local p50 | p95 | HTTP p50 | p95 | groq-js + id lookup p50 | same answer |',
  )
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |')
  const notes: string[] = []
  // Also on stderr as they come, so a run stopped at 1M still shows the smaller sizes' figures.
  const note = (text: string) => {
    notes.push(text)
    console.error(text)
  }
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'queries-bench-'))
    const {documents} = generateDataset(size)
    const file = join(dir, 'production.ndjson')
    writeDatasetFile(file, documents)
    const byId = new Map(documents.map((doc) => [doc._id as string, doc]))
    const slugsOf = (type: string) =>
      documents
        .filter((doc) => doc._type === type)
        .map((doc) => (doc.slug as {current: string}).current)
    const heapBefore = heapAfterCollection()
    const loadStarted = performance.now()
    const target = await openLocalTarget(file)
    const load = performance.now() - loadStarted
    const server = await startLakeServer({port: 0, dir})
    const client = lakeClient(server.url)
    try {
      const iterations = size >= 1_000_000 ? 10 : size >= 100_000 ? 30 : 60
      const plainRuns = size >= 1_000_000 ? 1 : size >= 100_000 ? 3 : 10
      let warmed = false
      for (const {label, query, params, reference} of cases(slugsOf)) {
        // The first query builds the view and the indexes it needs.
        await target.fetch(query, params(iterations))
        if (!warmed) {
          note(
            `${size.toLocaleString('en')} documents: loaded in ${ms(load)}; the local target's heap with its view: ${mb(heapAfterCollection() - heapBefore)}`,
          )
          warmed = true
        }
        collectGarbage()
        const local = await time(iterations, (i) => target.fetch(query, params(i)))
        await client.fetch(query, params(iterations))
        collectGarbage()
        const http = await time(iterations, (i) => client.fetch(query, params(i)))
        const answers: unknown[] = []
        const plain = await time(plainRuns, async (i) => {
          const given = params(i)
          answers.push(
            reference.plain
              ? await evaluateSync(parse(query, {params: given}), {
                  dataset: documents,
                  params: given,
                  dereference: ({_ref}: {_ref: string}) => byId.get(_ref) ?? null,
                }).get()
              : await target.fetch(reference.query, given),
          )
        })
        // The rule that answers never change, checked on the measured data too.
        let same = true
        for (let i = 0; i < plainRuns; i++) {
          const answer = JSON.stringify(await target.fetch(query, params(i)))
          same &&= answer === JSON.stringify(answers[i])
        }
        const referenceTime = reference.plain
          ? ms(plain.p50)
          : `${ms(plain.p50)} (lake, unnarrowed)`
        console.log(
          `| ${size.toLocaleString('en')} | ${label} | ${ms(local.p50)} | ${ms(local.p95)} | ${ms(http.p50)} | ${ms(http.p95)} | ${referenceTime} | ${same ? 'yes' : 'NO'} |`,
        )
      }
      // What a Studio edit costs the next query: one document patched, then each list query once
      // (kept sorted lists and token indexes follow the commit instead of being rebuilt).
      const claim = documents.find((doc) => doc._type === 'claim')!._id as string
      const afterCommit: string[] = []
      for (const {label, query, params} of cases(slugsOf).filter((c) =>
        /claimsQuery|searchQuery|Studio/.test(c.label),
      )) {
        // params(1): a selective search ("Person 37"); params(0) searches "Person 0", whose prefix
        // "0*" matches every claim id, so scoring alone takes seconds there.
        await target.fetch(query, params(1))
        await target.mutate([{patch: {id: claim, set: {statement: `Edited ${label}`}}}])
        const started = performance.now()
        await target.fetch(query, params(1))
        afterCommit.push(`${label} ${ms(performance.now() - started)}`)
      }
      note(
        `${size.toLocaleString('en')} documents, the first local query after a one-document commit: ${afterCommit.join('; ')}`,
      )
      const memory = process.memoryUsage()
      note(
        `${size.toLocaleString('en')} documents, after every query: heap ${mb(memory.heapUsed)}, rss ${mb(memory.rss)} (this process: generated documents, local target, server and its 2 query workers)`,
      )
    } finally {
      await server.close()
      await target.close()
      rmSync(dir, {recursive: true, force: true})
    }
  }
  console.log('')
  for (const note of notes) console.log(note)
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.slice(2))
