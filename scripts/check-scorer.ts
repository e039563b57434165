// npm run check-scorer [-- --scorer PATH]
// Checks that the project's scorer (import/quality/score.ts) gives exactly the report of the team's
// scorer (../shared/tools/score-extraction.mjs) on every annotated article, for the documents the
// import builds and for a degraded copy of them (every other document dropped, so misses, wrong
// sources and false positives are compared too). This is the one place the project reads ../shared,
// and it is optional: where that folder is absent the check says so and exits 2, having checked nothing.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {isDeepStrictEqual, parseArgs} from 'node:util'
import {buildDocuments} from '../import/pipeline.ts'
import {goldArticles, PROJECT_ROOT} from '../import/quality/goldSet.ts'
import {scoreExtraction, type GoldAnnotation, type ScoredDocument} from '../import/quality/score.ts'

const TEAM_SCORER = join(PROJECT_ROOT, '../shared/tools/score-extraction.mjs')

function main(): number {
  let scorer: string
  try {
    scorer = parseArgs({options: {scorer: {type: 'string', default: TEAM_SCORER}}}).values.scorer
  } catch (error) {
    process.stderr.write(`check-scorer: ${(error as Error).message}\n`)
    return 2
  }
  if (!existsSync(scorer)) {
    process.stderr.write(
      `check-scorer: NOT CHECKED: no reference scorer at ${scorer} (it exists only beside the team's checkouts)\n`,
    )
    return 2
  }
  const articles = goldArticles()
  const work = mkdtempSync(join(tmpdir(), 'check-scorer-'))
  let differences = 0
  try {
    for (const article of articles) {
      const gold = JSON.parse(readFileSync(article.gold, 'utf8')) as GoldAnnotation
      const {documents} = buildDocuments(readFileSync(article.text, 'utf8'), {
        sourceFile: basename(article.text),
        importedAt: '2024-01-01T00:00:00.000Z',
      })
      const variants: [string, ScoredDocument[]][] = [
        ['as imported', documents],
        ['every other document dropped', documents.filter((_doc, i) => i % 2 === 0)],
      ]
      for (const [variant, docs] of variants) {
        const file = join(work, 'docs.ndjson')
        writeFileSync(file, docs.map((doc) => `${JSON.stringify(doc)}\n`).join(''))
        const theirs: unknown = JSON.parse(
          execFileSync(
            process.execPath,
            [scorer, '--gold', article.gold, '--docs', file, '--json'],
            {encoding: 'utf8'},
          ),
        )
        // Through JSON, as the reference's report is: undefined fields vanish, NaN becomes null.
        const ours: unknown = JSON.parse(JSON.stringify(scoreExtraction(gold, docs)))
        const same = isDeepStrictEqual(ours, theirs)
        if (!same) differences++
        const detail = same ? 'same report' : `DIFFERENT: ${firstDifference(ours, theirs, '')}`
        process.stdout.write(`${article.name} (${variant}): ${detail}\n`)
      }
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
  process.stdout.write(
    `${articles.length} articles, ${articles.length * 2} reports compared with ${scorer}: ${differences ? `${differences} differ` : 'all the same'}\n`,
  )
  return differences ? 1 : 0
}

/** The path of the first value that differs between two JSON values, with both values. */
function firstDifference(a: unknown, b: unknown, path: string): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of keys) {
      const left = (a as Record<string, unknown>)[key]
      const right = (b as Record<string, unknown>)[key]
      if (!isDeepStrictEqual(left, right)) return firstDifference(left, right, `${path}.${key}`)
    }
  }
  return `${path || '(root)'}: ours ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`
}

process.exitCode = main()
