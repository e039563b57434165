// Shared paths and runners for the import tests.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildDocuments} from '../../import/pipeline.ts'
import {goldArticles} from '../../import/quality/goldSet.ts'
import {
  scoreExtraction,
  unmetRequirements,
  type GoldAnnotation,
  type ScoreReport,
} from '../../import/quality/score.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLED = join(ROOT, 'data/articles/000_fcede281fa476672.txt')
export const BUNDLED_GOLD = join(ROOT, 'data/articles/000_fcede281fa476672.gold.json')
/** Fixture articles with gold files: the shared set, and the import's own. */
export const FIXTURE_DIRS = [
  join(ROOT, 'tests/fixtures/articles'),
  join(ROOT, 'tests/fixtures/import'),
]

/** [name, txt path, gold path] for every fixture article that has a gold file (the bundled article is not a fixture). */
export function fixtures(): [string, string, string][] {
  return goldArticles(FIXTURE_DIRS).map(({name, text, gold}): [string, string, string] => [
    name,
    text,
    gold,
  ])
}

export type {ScoreReport}

/** Scores what buildDocuments makes of an article with the project's scorer; `require` lists bounds it must meet. */
export function score(
  txt: string,
  gold: string,
  require?: string,
): {report: ScoreReport; unmet: string[]} {
  const result = buildDocuments(readFileSync(txt, 'utf8'), {
    sourceFile: txt.split('/').pop()!,
    importedAt: '2024-01-01T00:00:00.000Z',
  })
  const report = scoreExtraction(
    JSON.parse(readFileSync(gold, 'utf8')) as GoldAnnotation,
    result.documents,
  )
  return {report, unmet: require ? unmetRequirements(report, require) : []}
}
