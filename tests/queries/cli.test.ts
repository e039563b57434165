import {execFile} from 'node:child_process'
import {mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {localDatasetFile, openLocalTarget, type SanityDocument} from '../../lake/target.ts'
import {articleBySlugQuery, queries} from '../../queries/index.ts'
import {bundledDocuments} from './bundled.ts'
import {Expected} from './expected.ts'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const dataset = `queries-cli-test-${process.pid}`
const file = localDatasetFile(dataset)
let expected: Expected

/** Runs the query CLI on the test dataset; a trailing object adds environment variables. */
async function query(
  ...args: (string | Record<string, string>)[]
): Promise<{code: number; stdout: string; stderr: string}> {
  const env = args.find((arg) => typeof arg === 'object') ?? {}
  const argv = args.filter((arg) => typeof arg === 'string')
  try {
    const {stdout, stderr} = await run(tsx, ['scripts/query.ts', ...argv, '--dataset', dataset], {
      cwd: root,
      env: {...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: '', LAKE_DIR: '', ...env},
    })
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

beforeAll(async () => {
  const documents = await bundledDocuments()
  expected = new Expected(documents)
  const target = await openLocalTarget(file)
  await target.mutate(documents.map((document) => ({createOrReplace: document as SanityDocument})))
  await target.close()
})
afterAll(async () => {
  const dir = dirname(file)
  for (const name of await readdir(dir))
    if (name.startsWith(basename(file))) await rm(join(dir, name), {force: true})
})

describe('npm run query', () => {
  test('prints the result of the named query as JSON, with JSON-parsed parameters', async () => {
    const slug = expected.article.slug.current
    const page = await query('articleBySlugQuery', '--param', `slug=${slug}`)
    expect(page.code).toBe(0)
    const target = await openLocalTarget(file)
    try {
      expect(JSON.parse(page.stdout)).toEqual(await target.fetch(articleBySlugQuery, {slug}))
    } finally {
      await target.close()
    }
    const list = await query('articleList', '--param', 'limit=1', '--param', 'offset=0')
    expect(JSON.parse(list.stdout).map((item: {slug: string}) => item.slug)).toEqual([slug])
    const claims = await query('claimsQuery', '--param', 'sourceKind=unnamed')
    const unnamed = expected.sourcing(expected.article).unnamed
    expect(JSON.parse(claims.stdout).length).toBe(unnamed)
    // A paged list also says where the page stands, on stderr, from its count query.
    expect(claims.stderr).toBe(`claimsQuery: items 1–${unnamed} of ${unnamed} (page 1 of 1)\n`)
    const second = await query('claimsQuery', '--param', 'offset=2', '--param', 'limit=2')
    const total = expected.publicClaims().length
    expect(second.stderr).toBe(
      `claimsQuery: items 3–4 of ${total} (page 2 of ${Math.ceil(total / 2)})\n`,
    )
    const count = await query('claimsCount', '--param', 'sourceKind=unnamed')
    expect(JSON.parse(count.stdout)).toBe(unnamed)
    expect(count.stderr).toBe('')
  })

  test('lists every query with the parameters it takes when given no name', async () => {
    const listing = await query()
    expect(listing.code).toBe(0)
    expect(listing.stderr).toBe('')
    const rows = listing.stdout.split('\n').filter((line) => line.startsWith('  '))
    expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(Object.keys(queries))
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^ {2}articleListQuery +\$offset \(default 0\), \$limit \(default 20\)$/,
      ),
    )
    expect(rows).toContainEqual(expect.stringMatching(/^ {2}personBySlugQuery +\$slug$/))
  })

  test('reads the dataset in the folder --dir or LAKE_DIR names', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'queries-cli-dir-'))
    try {
      const target = await openLocalTarget(localDatasetFile(dataset, elsewhere))
      await target.mutate([
        {
          createOrReplace: {
            _id: 'article-elsewhere',
            _type: 'article',
            headline: 'Elsewhere',
            slug: {_type: 'slug', current: 'elsewhere'},
          } as SanityDocument,
        },
      ])
      await target.close()
      const slugsOf = (result: {stdout: string}) =>
        (JSON.parse(result.stdout) as {slug: string}[]).map((item) => item.slug)
      expect(slugsOf(await query('articleListQuery', '--dir', elsewhere))).toEqual(['elsewhere'])
      expect(slugsOf(await query('articleListQuery', {LAKE_DIR: elsewhere}))).toEqual(['elsewhere'])
      // --dir wins over the environment.
      expect(
        slugsOf(await query('articleListQuery', '--dir', dirname(file), {LAKE_DIR: elsewhere})),
      ).toEqual([expected.article.slug.current])
    } finally {
      await rm(elsewhere, {recursive: true, force: true})
    }
  })

  test('refuses an unknown name or a missing parameter with one line listing what exists, and exit 1', async () => {
    const unknown = await query('nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    expect(unknown.stderr).toContain('articleBySlugQuery')
    expect(unknown.stderr).toMatch(/searchQuery/)
    const missing = await query('personBySlugQuery')
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe(
      'query: personBySlugQuery needs --param slug=…; it takes slug',
    )
  })
})
