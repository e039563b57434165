// `npm run check-scorer`: the cross-check of the project's scorer against the team's reference scorer.
// Where the reference is beside the checkout, `npm run check-scorer` itself is the comparison; these
// tests prove the check can fail, and that without the reference it says it checked nothing.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ROOT} from './helpers.ts'

const tsx = join(ROOT, 'node_modules/.bin/tsx')
const checkScorer = (scorer: string) =>
  spawnSync(tsx, [join(ROOT, 'scripts/check-scorer.ts'), '--scorer', scorer], {
    cwd: ROOT,
    encoding: 'utf8',
  })

describe('npm run check-scorer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-scorer-test-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('says in one line that nothing was checked, and exits 2, when the reference scorer is absent', () => {
    const res = checkScorer(join(dir, 'absent/score-extraction.mjs'))
    expect(res.status).toBe(2)
    expect(res.stdout).toBe('')
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^check-scorer: NOT CHECKED: no reference scorer at .*absent\/score-extraction\.mjs/,
      ),
    ])
  })

  it('names the first differing figure of every article and exits 1 when the reference disagrees', () => {
    const liar = join(dir, 'liar.mjs')
    writeFileSync(liar, "console.log(JSON.stringify({article: {ok: 'perhaps'}}))\n")
    const res = checkScorer(liar)
    expect(res.status).toBe(1)
    expect(res.stdout).toContain(
      '000_fcede281fa476672 (as imported): DIFFERENT: .article.ok: ours true, reference "perhaps"',
    )
    expect(res.stdout).toMatch(/^14 articles, 28 reports compared with .*liar\.mjs: 28 differ$/m)
  })
})
