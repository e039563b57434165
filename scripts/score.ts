// npm run score -- --gold ARTICLE.gold.json --docs DOCS.ndjson [--json] [--verbose] [--require 'claims.sourcedF1>=0.8,...']
// Scores an import's documents (as `import --dry-run --ndjson` prints them) against a gold annotation.
// Exit status: 0; 1 when a --require bound is not met; 2 on unusable input.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {
  scoreExtraction,
  unmetRequirements,
  type GoldAnnotation,
  type Measure,
  type ScoredDocument,
} from '../import/quality/score.ts'

const USAGE =
  'usage: npm run score -- --gold G.json --docs D.ndjson [--json] [--verbose] [--require spec]'

function main(): number {
  let values
  try {
    ;({values} = parseArgs({
      options: {
        gold: {type: 'string'},
        docs: {type: 'string'},
        json: {type: 'boolean'},
        require: {type: 'string'},
        verbose: {type: 'boolean'},
      },
    }))
    if (!values.gold || !values.docs) throw new Error(USAGE)
  } catch (error) {
    process.stderr.write(`score: ${(error as Error).message.split('\n')[0]}\n`)
    return 2
  }
  let gold: GoldAnnotation
  let docs: ScoredDocument[]
  try {
    gold = JSON.parse(readFileSync(values.gold, 'utf8')) as GoldAnnotation
  } catch (error) {
    process.stderr.write(`score: gold: ${(error as Error).message.split('\n')[0]}\n`)
    return 2
  }
  try {
    docs = readFileSync(values.docs, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as ScoredDocument)
  } catch (error) {
    process.stderr.write(`score: docs: not NDJSON: ${(error as Error).message.split('\n')[0]}\n`)
    return 2
  }

  const report = scoreExtraction(gold, docs)
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`)
  else {
    const line = (key: string, m: Measure) =>
      `${key.padEnd(14)} P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`
    const out = [
      `article        ${report.article.ok ? 'ok' : 'NOT ok'} ${JSON.stringify({...report.article, ok: undefined})}`,
    ]
    for (const key of ['people', 'places', 'organizations', 'claims', 'claimsStrict'] as const) {
      const m = report[key]
      out.push(line(key, m) + ('sourcedF1' in m ? `  sourced F1 ${m.sourcedF1.toFixed(3)}` : ''))
      if (!values.verbose) continue
      for (const missed of m.missed) out.push(`   missed: ${missed}`)
      for (const extra of m.falsePositives) out.push(`   extra:  ${extra}`)
      for (const wrong of 'wrongSource' in m ? m.wrongSource : []) out.push(`   source: ${wrong}`)
    }
    process.stdout.write(`${out.join('\n')}\n`)
  }

  let unmet: string[]
  try {
    unmet = unmetRequirements(report, values.require ?? '')
  } catch (error) {
    process.stderr.write(`score: ${(error as Error).message}\n`)
    return 2
  }
  if (!unmet.length) return 0
  process.stdout.write(`short of: ${unmet.join(', ')}\n`)
  return 1
}

// exitCode, not exit(): stdout may be a pipe that has not taken every line yet.
process.exitCode = main()
