// Article-body extraction on scrapinghub/article-extraction-benchmark: 181 real pages with ground-truth
// bodies, scored with that benchmark's metric (4-word shingles; per-page precision and recall averaged;
// F1 of the means). `npm run bench -- extraction GIT_DIR [--mode html|text|both] [--out FILE]`, where
// GIT_DIR is a git dir of the benchmark repository (a bare clone is enough).
//
// Text mode turns each page into a whole-page text dump, one block element per line, the way a simple
// scraper does: with the team's shared converter when it is beside the project (the one the published
// text-mode figures use), else with this project's own DOM walk (close, not identical).
import {execFileSync} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {Readability} from '@mozilla/readability'
import {Window} from 'happy-dom'
import {parseHTML} from 'linkedom'
import {blocksOf} from '../import/html/blocks.ts'
import {parseDocument} from '../import/html/page.ts'
import {buildDocuments} from '../import/pipeline.ts'
import {ImportInputError} from '../import/errors.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SHARED_CONVERTER = join(ROOT, '../shared/tools/html_to_text.py')

/** Published figures on the same 181 pages (the benchmark's README and output/ folder). */
const ANCHORS: [string, number][] = [
  ['trafilatura', 0.958],
  ['Readability.js', 0.947],
  ['whole page kept (html-text)', 0.665],
]

type Counts = [tp: number, fp: number, fn: number]

function shingles(text: string, n = 4): Map<string, number> {
  const toks = text.match(/[\p{L}\p{N}_]+/gu) ?? []
  const out = new Map<string, number>()
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n)
    if (!s.length) continue
    const k = s.join(' ')
    out.set(k, (out.get(k) ?? 0) + 1)
  }
  return out
}

function pageCounts(truth: string, pred: string): Counts {
  const t = shingles(truth)
  const p = shingles(pred)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0
    const b = p.get(k) ?? 0
    tp += Math.min(a, b)
    fp += Math.max(0, b - a)
    fn += Math.max(0, a - b)
  }
  const s = tp + fp + fn
  return s ? [tp / s, fp / s, fn / s] : [0, 0, 0]
}

const precision = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp)
const recall = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn)
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)

export function scoreBodies(truth: Record<string, string>, pred: Record<string, string>) {
  const rows = Object.keys(truth).map((k) => pageCounts(truth[k]!, pred[k] ?? ''))
  const P = mean(rows.filter((r) => r[0] + r[1] > 0).map(precision))
  const R = mean(rows.filter((r) => r[0] + r[2] > 0).map(recall))
  return {f1: P + R ? (2 * P * R) / (P + R) : 0, precision: P, recall: R, pages: rows.length}
}

function bodyOf(doc: Record<string, unknown>): string {
  const blocks = (doc.body as {_type: string; children?: {text?: string}[]}[] | undefined) ?? []
  return blocks
    .filter((b) => b._type === 'block')
    .map((b) => (b.children ?? []).map((c) => c.text ?? '').join(''))
    .join('\n')
}

function textDump(html: string, file: string): string {
  if (existsSync(SHARED_CONVERTER)) {
    writeFileSync(file, html)
    return execFileSync('python3', [SHARED_CONVERTER, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
  }
  return `${blocksOf(parseDocument(html).body, {article: false})
    .map((b) => b.text)
    .join('\n')}\n`
}

/**
 * Readability's own text (nothing of this project's on top) on the two DOMs the import could use: the
 * same answers, so the faster one is used (linkedom).
 */
function compareDoms(pages: {k: string; html: string}[], truth: Record<string, string>) {
  const doms: [string, (html: string) => Document][] = [
    ['linkedom', (html) => parseHTML(html).document as unknown as Document],
    [
      'happy-dom',
      (html) => {
        const window = new Window({
          url: 'https://example.org/',
          settings: {
            disableJavaScriptEvaluation: true,
            disableJavaScriptFileLoading: true,
            disableCSSFileLoading: true,
            disableIframePageLoading: true,
            disableComputedStyleRendering: true,
          },
        })
        window.document.write(html)
        return window.document as unknown as Document
      },
    ],
  ]
  for (const [name, parse] of doms) {
    const pred: Record<string, string> = {}
    let parseMs = 0
    let readMs = 0
    for (const {k, html} of pages) {
      let t = performance.now()
      const doc = parse(html)
      parseMs += performance.now() - t
      t = performance.now()
      try {
        pred[k] = new Readability(doc).parse()?.textContent ?? ''
      } catch {
        pred[k] = ''
      }
      readMs += performance.now() - t
    }
    const s = scoreBodies(truth, pred)
    console.log(
      `  Readability alone on ${name.padEnd(9)}: F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}; parse ${(parseMs / pages.length).toFixed(1)} ms/page, Readability ${(readMs / pages.length).toFixed(1)} ms/page`,
    )
  }
}

export async function run(args: string[] = []): Promise<void> {
  const gitDir = args.find((a) => !a.startsWith('--'))
  const flag = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  if (!gitDir || !existsSync(gitDir)) {
    console.log(
      'extraction: skipped (give the git dir of scrapinghub/article-extraction-benchmark: npm run bench -- extraction GIT_DIR)',
    )
    return
  }
  const mode = flag('--mode') ?? 'both'
  const git = (path: string) =>
    execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${path}`], {
      maxBuffer: 256 * 1024 * 1024,
    })
  const truthJson = JSON.parse(git('ground-truth.json').toString('utf8')) as Record<
    string,
    {articleBody?: string}
  >
  const truth = Object.fromEntries(
    Object.entries(truthJson).map(([k, v]) => [k, v.articleBody ?? '']),
  )
  const pages = Object.keys(truth).map((k) => ({
    k,
    html: gunzipSync(git(`html/${k}.html.gz`)).toString('utf8'),
  }))
  const report: Record<string, unknown> = {}
  const tmp = join(ROOT, '.tmp-bench')
  if (mode !== 'html') execFileSync('mkdir', ['-p', tmp])

  for (const m of mode === 'both' ? ['html', 'text'] : [mode]) {
    const pred: Record<string, string> = {}
    const refused: string[] = []
    const times: number[] = []
    for (const {k, html} of pages) {
      const input = m === 'html' ? html : textDump(html, join(tmp, `${k}.html`))
      const t = performance.now()
      try {
        const result = buildDocuments(input, {
          sourceFile: `${k}.${m === 'html' ? 'html' : 'txt'}`,
          format: m === 'html' ? 'html' : 'text',
          importedAt: '2024-01-01T00:00:00.000Z',
        })
        pred[k] = bodyOf(result.article)
      } catch (err) {
        if (!(err instanceof ImportInputError)) throw err
        refused.push(`${k.slice(0, 12)}: ${err.message}`)
        pred[k] = ''
      }
      times.push(performance.now() - t)
    }
    const s = scoreBodies(truth, pred)
    times.sort((a, b) => a - b)
    console.log(
      `article body, ${m} mode, ${s.pages} pages: F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  refused ${refused.length}`,
    )
    console.log(
      `  ${m === 'html' ? 'HTML parse + Readability + ' : ''}whole import per page: p50 ${times[times.length >> 1]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms`,
    )
    for (const r of refused.slice(0, 5)) console.log(`  refused ${r}`)
    const worst = Object.keys(truth)
      .map((k) => {
        const c = pageCounts(truth[k]!, pred[k] ?? '')
        return {k: k.slice(0, 12), p: precision(c), r: recall(c)}
      })
      .sort((a, b) => a.p + a.r - (b.p + b.r))
      .slice(0, 8)
    console.log(
      `  lowest pages: ${worst.map((w) => `${w.k} P${w.p.toFixed(2)} R${w.r.toFixed(2)}`).join(', ')}`,
    )
    report[m] = {...s, refused, pred}
  }
  if (mode !== 'text') compareDoms(pages, truth)
  console.log(`  anchors (published, html): ${ANCHORS.map(([n, f]) => `${n} ${f}`).join(', ')}`)
  if (!existsSync(SHARED_CONVERTER) && mode !== 'html')
    console.log(
      "  (text dumps made by this project's DOM walk: the shared converter was not found)",
    )
  const out = flag('--out')
  if (out) writeFileSync(out, JSON.stringify(report))
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.slice(2))
