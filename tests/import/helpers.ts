// Shared paths and runners for the import tests.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildDocuments} from '../../import/pipeline.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLED = join(ROOT, 'data/articles/000_fcede281fa476672.txt')
export const BUNDLED_GOLD = existsSync(join(ROOT, '../shared/seeds/000_fcede281fa476672.gold.json'))
  ? join(ROOT, '../shared/seeds/000_fcede281fa476672.gold.json')
  : join(ROOT, 'tests/fixtures/articles/000_fcede281fa476672.gold.json')
export const SCORER = join(ROOT, '../shared/tools/score-extraction.mjs')
/** Fixture articles with gold files: the shared set, and the import's own. */
export const FIXTURE_DIRS = [join(ROOT, 'tests/fixtures/articles'), join(ROOT, 'tests/fixtures/import')]

/** [name, txt path, gold path] for every fixture article that has a gold file. */
export function fixtures(): [string, string, string][] {
  return FIXTURE_DIRS.filter((dir) => existsSync(dir)).flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.gold.json'))))
      .sort()
      .map((f): [string, string, string] => [f.replace(/\.txt$/, ''), join(dir, f), join(dir, f.replace(/\.txt$/, '.gold.json'))]),
  )
}

export interface ScoreReport {
  article: {ok: boolean; headlineOk: boolean; boilerplateKept: string[]}
  people: {f1: number; falsePositives: string[]}
  places: {f1: number; falsePositives: string[]}
  organizations: {f1: number}
  claims: {f1: number; sourcedF1: number}
  claimsStrict: {f1: number; sourcedF1: number}
}

/** Runs the shared scorer on what buildDocuments makes of an article (nothing reimplemented). */
export function score(txt: string, gold: string, require?: string): {report: ScoreReport; status: number; output: string} {
  const result = buildDocuments(readFileSync(txt, 'utf8'), {sourceFile: txt.split('/').pop()!, importedAt: '2024-01-01T00:00:00.000Z'})
  const out = join(mkdtempSync(join(tmpdir(), 'import-score-')), 'docs.ndjson')
  writeFileSync(out, result.documents.map((d) => JSON.stringify(d)).join('\n') + '\n')
  const report = JSON.parse(execFileSync(process.execPath, [SCORER, '--gold', gold, '--docs', out, '--json'], {encoding: 'utf8'})) as ScoreReport
  if (!require) return {report, status: 0, output: ''}
  try {
    const output = execFileSync(process.execPath, [SCORER, '--gold', gold, '--docs', out, '--require', require], {encoding: 'utf8'})
    return {report, status: 0, output}
  } catch (err) {
    const e = err as {status: number; stdout: string}
    return {report, status: e.status, output: e.stdout}
  }
}
