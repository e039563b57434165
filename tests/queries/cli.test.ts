import {execFile} from 'node:child_process'
import {readdir, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {localDatasetFile, openLocalTarget, type SanityDocument} from '../../lake/target.ts'
import {articleBySlugQuery} from '../../queries/index.ts'
import {bundledDocuments} from './bundled.ts'
import {Expected} from './expected.ts'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const tsx = join(root, 'node_modules/.bin/tsx')
const dataset = `queries-cli-test-${process.pid}`
const file = localDatasetFile(dataset)
let expected: Expected

async function query(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await run(tsx, ['scripts/query.ts', ...args, '--dataset', dataset], {
      cwd: root,
      env: {...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: ''},
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
  for (const name of await readdir(dir)) if (name.startsWith(basename(file))) await rm(join(dir, name), {force: true})
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
    expect(JSON.parse(claims.stdout).length).toBe(expected.sourcing(expected.article).unnamed)
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
    expect(missing.stderr.trim()).toBe('query: personBySlugQuery needs --param slug=…; it takes slug')
  })
})
