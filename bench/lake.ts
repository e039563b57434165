// The local Content Lake at 1k, 10k and 100k documents of the model's shape: how long the store takes
// to load, and the p50/p95 of an article page query (claims and entities expanded) straight through
// the store and through HTTP with @sanity/client.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {evaluateSync, parse, toJS} from 'groq-js'
import {QueryEngine} from '../lake/query.ts'
import {startLakeServer} from '../lake/server.ts'
import {Store} from '../lake/store.ts'
import {lakeClient} from './client.ts'
import {generateDataset, writeDatasetFile} from './dataset.ts'
import {ms, time} from './timing.ts'

/** The article page as a frontend asks for it: dereferences plus a reverse lookup of the claims. */
const articlePageQuery = /* groq */ `*[_type == "article" && slug.current == $slug][0]{
  _id, headline, dek, publishedAt,
  "dateline": dateline->{_id, name, kind},
  body[]{..., markDefs[]{
    ...,
    _type == "claimRef" => {"claim": claim->{_id, statement}},
    _type == "mention" => {"entity": entity->{_id, _type, name}}
  }},
  "claims": *[_type == "claim" && article._ref == ^._id] | order(_id) {
    _id, statement, cue, quoteType,
    "source": source{kind, description, "entity": coalesce(person, organization)->{_id, _type, name}},
    "about": about[]->{_id, _type, name}
  }
}`

async function projectArticleQuery(): Promise<string | null> {
  try {
    const module = (await import('../queries/articles.ts')) as {articleBySlugQuery?: string}
    return typeof module.articleBySlugQuery === 'string' ? module.articleBySlugQuery : null
  } catch {
    return null
  }
}

export async function run(): Promise<void> {
  const queries: [string, string][] = [['article page (reverse claim lookup)', articlePageQuery]]
  const projectQuery = await projectArticleQuery()
  if (projectQuery) queries.push(['queries/articleBySlugQuery', projectQuery])

  console.log('| documents | load | query | direct p50 | direct p95 | HTTP p50 | HTTP p95 |')
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: |')
  const writes: string[] = []
  for (const size of [1_000, 10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'lake-bench-'))
    try {
      const {documents, articleSlugs} = generateDataset(size)
      const file = join(dir, 'production.ndjson')
      writeDatasetFile(file, documents)

      const loadStarted = performance.now()
      const store = await Store.open(file)
      const load = performance.now() - loadStarted
      const engine = new QueryEngine(store)
      const server = await startLakeServer({port: 0, dir})
      const client = lakeClient(server.url)
      const iterations = size >= 100_000 ? 40 : 200
      const slug = (i: number) => articleSlugs[(i * 7919) % articleSlugs.length]!
      for (const [name, query] of queries) {
        engine.fetch(query, {slug: slug(0)}, 'published') // builds the view and its indexes once
        const direct = await time(iterations, (i) =>
          engine.fetch(query, {slug: slug(i)}, 'published'),
        )
        await client.fetch(query, {slug: slug(0)})
        const http = await time(iterations, (i) => client.fetch(query, {slug: slug(i)}))
        console.log(
          `| ${size.toLocaleString('en')} (${documents.length}) | ${ms(load)} | ${name} | ${ms(direct.p50)} | ${ms(direct.p95)} | ${ms(http.p50)} | ${ms(http.p95)} |`,
        )
      }
      // The baseline the candidate lookups replace: groq-js scanning the whole view for every `*`.
      const view = engine.view('published').view
      const scanned = await time(size >= 100_000 ? 5 : 20, (i) =>
        toJS(
          evaluateSync(parse(articlePageQuery, {params: {slug: slug(i)}}), {
            dataset: view.documents,
            params: {slug: slug(i)},
            dereference: ({_ref}) => view.byId.get(_ref) ?? null,
          }),
        ),
      )
      console.log(
        `| ${size.toLocaleString('en')} (${documents.length}) | ${ms(load)} | article page, plain groq-js scan (baseline) | ${ms(scanned.p50)} | ${ms(scanned.p95)} | – | – |`,
      )
      // The Studio's loop: commit an edit (durably), then query again; the views follow the commit.
      const edit = await time(20, async (i) => {
        const id = `article-${slug(i)}`
        await store.commit([{patch: {id, set: {dek: `Edited ${i}`}}}])
        engine.fetch(articlePageQuery, {slug: slug(i)}, 'published')
      })
      writes.push(`| ${size.toLocaleString('en')} | ${ms(edit.p50)} | ${ms(edit.p95)} |`)
      await server.close()
      await store.close()
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }
  console.log('\nCommit an edit (fsync included), then query the article page again:\n')
  console.log('| documents | p50 | p95 |')
  console.log('| ---: | ---: | ---: |')
  for (const line of writes) console.log(line)
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
