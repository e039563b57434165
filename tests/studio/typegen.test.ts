import {readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {PROJECT_ROOT, projectMirror, runSanity} from './sanityCli.ts'

const GENERATED = ['schema.json', 'sanity.types.ts'] as const
let mirror: string | undefined

afterAll(async () => {
  if (mirror) await rm(mirror, {recursive: true, force: true})
})

describe('TypeGen output', () => {
  it('committed schema.json and sanity.types.ts equal a fresh `npm run typegen`', async () => {
    // The same commands as `npm run typegen`, run in a mirror of the project so the committed
    // files stay untouched and the generated ones carry the same relative paths.
    mirror = await projectMirror(GENERATED)
    const extract = await runSanity(
      ['schema', 'extract', '--enforce-required-fields', '--path', 'schema.json'],
      {cwd: mirror},
    )
    expect(extract.code, extract.stderr + extract.stdout).toBe(0)
    const generate = await runSanity(['typegen', 'generate'], {cwd: mirror})
    expect(generate.code, generate.stderr + generate.stdout).toBe(0)
    for (const file of GENERATED) {
      const fresh = await readFile(join(mirror, file), 'utf8')
      const committed = await readFile(join(PROJECT_ROOT, file), 'utf8').catch(() => '(missing)')
      // One assertion per file, with a hint instead of a 5000-line diff.
      expect(
        committed === fresh,
        `${file} is stale: run \`npm run typegen\` and commit the result`,
      ).toBe(true)
    }
  }, 240_000)
})
