import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {BUNDLED, ROOT} from './helpers.ts'

const tsx = join(ROOT, 'node_modules/.bin/tsx')
const run = (args: string[], env: Record<string, string> = {}) => {
  const res = spawnSync(tsx, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: `clitest${process.pid}`, ...env},
  })
  return res
}

describe('npm run import', () => {
  it('prints only NDJSON documents on stdout with --dry-run --ndjson', () => {
    const res = run(['--dry-run', '--ndjson', BUNDLED])
    expect(res.status).toBe(0)
    const lines = res.stdout.trim().split('\n')
    const docs = lines.map((l) => JSON.parse(l) as {_type: string})
    expect(docs[0]!._type).toBe('article')
    expect(new Set(docs.map((d) => d._type))).toEqual(
      new Set(['article', 'claim', 'person', 'place', 'organization']),
    )
  })

  it('refuses a bad file with a one-line error, a non-zero exit, and writes nothing for the good ones either', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-bad-'))
    const bad = join(dir, 'page.html')
    // Cut off in transit: the page never closes its body.
    writeFileSync(
      bad,
      '<!doctype html><html><head><title>Port strike</title></head><body><article><p>Dock workers in Porto voted on Sunday to end',
    )
    const dataset = `clibad${process.pid}`
    const res = run([BUNDLED, bad], {SANITY_DATASET: dataset})
    expect(res.status).not.toBe(0)
    expect(res.stderr.trim().split('\n')).toHaveLength(1)
    expect(res.stderr).toMatch(/page\.html: truncated HTML/)
    expect(res.stdout).toBe('')
    expect(existsSync(join(ROOT, '.sanity/local', `${dataset}.ndjson`))).toBe(false)
  })

  it('imports into the local dataset and says so, then reports nothing changed on a re-run', () => {
    const dataset = `cliok${process.pid}`
    const env = {SANITY_DATASET: dataset}
    const first = run([BUNDLED, '--dataset', dataset], env)
    expect(first.status).toBe(0)
    expect(first.stdout).toBe('')
    expect(first.stderr).toMatch(/local dataset .*\.ndjson/)
    expect(first.stderr).toMatch(/^article\s+1\s+0\s+0/m)
    expect(first.stderr).toMatch(/claims by source: .*person 6/)
    const again = run([BUNDLED, '--dataset', dataset], env)
    expect(again.stderr).toMatch(/nothing changed/)
    expect(again.stderr).toMatch(/^claim\s+0\s+0\s+16/m)
    for (const f of readdirSync(join(ROOT, '.sanity/local')).filter((f) => f.startsWith(dataset))) {
      spawnSync('rm', ['-f', join(ROOT, '.sanity/local', f)])
    }
  })
})
