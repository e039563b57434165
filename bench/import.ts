// Extraction throughput on the bundled article, one core: buildDocuments end to end (no writing).
// Also the library comparison behind the entity stage's design: compromise's full parse and
// wink-nlp's lite model, timed and scored for people recall against the gold files.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import nlp from 'compromise'
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import {cleanArticle} from '../import/clean.ts'
import {buildDocuments} from '../import/pipeline.ts'
import {normalizeArticleText} from '../import/read.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ARTICLE = join(ROOT, 'data/articles/000_fcede281fa476672.txt')
const opts = {sourceFile: 'bench.txt', importedAt: '2024-01-01T00:00:00.000Z'}

/** `npm run bench -- import [DIR…]`: DIR holds NAME.txt + NAME.gold.json pairs (e.g. `.realdev/`), compared apart. */
export async function run(args: string[] = []): Promise<void> {
  const raw = readFileSync(ARTICLE, 'utf8')
  const startLoad = performance.now()
  buildDocuments(raw, opts)
  const firstMs = performance.now() - startLoad
  const times = sample(() => buildDocuments(raw, opts), {warmup: 20, ms: 3000, min: 50})
  const total = times.reduce((a, b) => a + b, 0)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!
  console.log(`import extraction, bundled article (${raw.length} chars), ${times.length} runs`)
  console.log(`  first run (loads gazetteers and lexicon): ${firstMs.toFixed(0)} ms`)
  console.log(`  p50 ${pct(0.5).toFixed(2)} ms  p95 ${pct(0.95).toFixed(2)} ms`)
  console.log(`  throughput ${((times.length / total) * 1000).toFixed(0)} articles/s (one core)`)
  htmlPath(raw)
  compareLibraries('gold articles', bundledAndFixtures())
  for (const dir of args.filter((a) => existsSync(a)))
    compareLibraries(`articles in ${dir}`, goldPairs(dir))
}

/** The .txt files of a folder that have a .gold.json beside them. */
function goldPairs(dir: string): [string, string][] {
  return readdirSync(dir)
    .sort()
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.gold.json'))))
    .map((f) => [join(dir, f), join(dir, f.replace(/\.txt$/, '.gold.json'))])
}

function bundledAndFixtures(): [string, string][] {
  const fixtures = join(ROOT, 'tests/fixtures/articles')
  const gold = join(ROOT, 'data/articles/000_fcede281fa476672.gold.json')
  return [
    ...(existsSync(gold) ? [[ARTICLE, gold] as [string, string]] : []),
    ...(existsSync(fixtures) ? goldPairs(fixtures) : []),
  ]
}

/** Run times of fn in ms, sorted: after warm-up runs, for at least `ms` milliseconds and `min` runs. */
function sample(
  fn: () => void,
  {warmup, ms, min}: {warmup: number; ms: number; min: number},
): number[] {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  const until = performance.now() + ms
  while (performance.now() < until || times.length < min) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)
}

/**
 * The HTML path on the same article, set in a page the way a CMS would (navigation, a figure, related
 * links, a footer): the whole import, and the DOM parse plus Readability alone, timed apart.
 */
function htmlPath(raw: string) {
  const [headline, ...rest] = raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const nav = `<nav><ul>${['Home', 'World', 'Business', 'Sport', 'Opinion'].map((n) => `<li><a href="/${n}">${n}</a></li>`).join('')}</ul></nav>`
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(headline!)} | Example News</title><meta property="og:title" content="${escape(headline!)}"><meta property="article:published_time" content="2024-04-14T10:00:00Z"></head><body>${nav}<main><article><h1>${escape(headline!)}</h1><figure><img src="a.jpg"><figcaption>A caption. Photo: Example</figcaption></figure>${rest.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article><aside><h3>Related</h3><ul><li><a href="/x">Another story</a></li></ul></aside></main><footer>© 2024 Example News</footer></body></html>`
  const time = (fn: () => void) => {
    const t = sample(fn, {warmup: 10, ms: 2000, min: 30})
    return t[t.length >> 1]!
  }
  const whole = time(() =>
    buildDocuments(html, {...opts, sourceFile: 'bench.html', format: 'html'}),
  )
  const dom = time(() => new Readability(parseHTML(html).document as unknown as Document).parse())
  console.log(
    `import extraction, the same article as an HTML page (${html.length} chars): p50 ${whole.toFixed(2)} ms (${(1000 / whole).toFixed(0)} pages/s); DOM parse + Readability alone p50 ${dom.toFixed(2)} ms`,
  )
}

/** People recall and cost per article of each library on the bundled article and the fixtures with gold files. */
function compareLibraries(label: string, pairs: [string, string][]) {
  const wink = winkNLP(model)
  const its = wink.its
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .replace(/[^a-z ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  const score = {
    compromise: {hit: 0, ms: 0},
    wink: {hit: 0, ms: 0},
    ours: {hit: 0, ms: 0},
    total: 0,
  }
  for (const [txt, g] of pairs) {
    const raw = readFileSync(txt, 'utf8')
    // The libraries read the article the clean stage found (headline and body), as the entity stage does.
    const cleaned = cleanArticle(normalizeArticleText(raw))
    const text = [cleaned.headline, ...cleaned.paragraphs].join('\n\n')
    const people = (JSON.parse(readFileSync(g, 'utf8')).people as {name: string}[]).map((p) =>
      norm(p.name),
    )
    score.total += people.length
    const found = (names: string[]) =>
      people.filter((p) =>
        names.some((n) => norm(n).endsWith(p.split(' ').at(-1)!) && norm(n).split(' ').length >= 1),
      ).length
    let t = performance.now()
    const doc = nlp(text)
    const cPeople = doc.people().out('array') as string[]
    score.compromise.ms += performance.now() - t
    score.compromise.hit += found(cPeople)
    t = performance.now()
    const wd = wink.readDoc(text)
    const tokens = wd.tokens().out() as string[]
    const pos = wd.tokens().out(its.pos) as string[]
    score.wink.ms += performance.now() - t
    // wink's lite model has no person entity type: proper-noun runs are the best it offers.
    const runs: string[] = []
    let cur: string[] = []
    tokens.forEach((w, i) =>
      pos[i] === 'PROPN' ? cur.push(w) : (cur.length && runs.push(cur.join(' ')), (cur = [])),
    )
    score.wink.hit += found(runs.filter((r) => r.includes(' ')))
    t = performance.now()
    const ours = buildDocuments(raw, opts).people.map((p) => String(p.name))
    score.ours.ms += performance.now() - t
    score.ours.hit += found(ours)
  }
  const n = pairs.length
  console.log(`library comparison on ${n} ${label} (${score.total} people):`)
  console.log(
    `  compromise people():          recall ${(score.compromise.hit / score.total).toFixed(2)}, ${(score.compromise.ms / n).toFixed(1)} ms/article (full parse)`,
  )
  console.log(
    `  wink-nlp lite PROPN runs:     recall ${(score.wink.hit / score.total).toFixed(2)} (untyped), ${(score.wink.ms / n).toFixed(1)} ms/article`,
  )
  console.log(
    `  import (compromise lexicon + rules + gazetteers): recall ${(score.ours.hit / score.total).toFixed(2)}, ${(score.ours.ms / n).toFixed(1)} ms/article (whole pipeline)`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
