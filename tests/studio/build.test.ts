import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {runSanity} from './sanityCli.ts'

let outDir: string | undefined

afterAll(async () => {
  if (outDir) await rm(outDir, {recursive: true, force: true})
})

describe('sanity build', () => {
  it('builds the Studio offline into a fresh directory, with the plugin and its Structure bundled', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sourced-news-build-'))
    const result = await runSanity(['build', outDir, '--yes', '--no-minify'])
    expect(result.code, result.stderr.slice(-4000) + result.stdout.slice(-2000)).toBe(0)
    const index = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(index).toContain('<div id="sanity"')
    // The bundle holds our code, not a Studio loaded from Sanity's CDN (autoUpdates: false).
    const staticFiles = await readdir(join(outDir, 'static'))
    const scripts = await Promise.all(
      staticFiles
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFile(join(outDir!, 'static', f), 'utf8')),
    )
    const bundle = scripts.join('\n')
    expect(bundle).toContain('Claims needing review')
    expect(bundle).toContain('Referenced by')
    expect(index).not.toContain('importmap')
    expect(index).not.toContain('sanity-cdn.com/v1/modules/sanity')
  }, 600_000)
})
