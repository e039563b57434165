import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ROOT} from './helpers.ts'

// The import CLI against a page server on 127.0.0.1 (never the network): the server runs in this
// process, so the CLI is spawned asynchronously.
const STORY = [
  'Harbour cranes at the river port fell silent on Wednesday as dock workers extended their strike into a third day.',
  'The union said talks with the port operator would resume on Friday, after a week without progress on pay.',
  'Port director Ines Moreira said the terminal "cannot wait another week" for the dispute to end.',
]
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Dock strike enters third day | River Post</title>
<meta property="og:title" content="Dock strike enters third day"><meta property="og:site_name" content="River Post">
<meta property="article:published_time" content="2025-05-07T06:30:00Z"><link rel="canonical" href="https://river.example/dock-strike"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Dock strike enters third day</h1>${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

let server: Server
let base = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8'})
      res.end(PAGE)
    } else if (req.url === '/moved') {
      res.writeHead(301, {location: '/story'})
      res.end()
    } else if (req.url === '/feed.json') {
      res.writeHead(200, {'content-type': 'application/json'})
      res.end('{"items":[]}')
    } else {
      res.writeHead(404, {'content-type': 'text/html'})
      res.end('<html><body>Not here</body></html>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function runImport(
  args: string[],
  env: Record<string, string> = {},
): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/import.ts'), ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SANITY_PROJECT_ID: '',
          SANITY_DATASET: `cliurl${process.pid}`,
          ...env,
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

describe('npm run import with a URL', () => {
  it('fetches the page after a redirect and imports it as HTML, with its metadata', async () => {
    const res = await runImport([`${base}/moved`, '--dry-run', '--ndjson'])
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    const docs = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    const article = docs.find((d) => d._type === 'article')!
    expect(article).toMatchObject({
      headline: 'Dock strike enters third day',
      publisher: 'River Post',
      publishedAt: '2025-05-07T06:30:00.000Z',
      canonicalUrl: 'https://river.example/dock-strike',
      import: {sourceFile: `${base}/story`},
    })
    const body = (article.body as {children: {text: string}[]}[]).map((b) =>
      b.children.map((c) => c.text).join(''),
    )
    expect(body).toEqual(STORY)
  })

  it('refuses a 404, a JSON answer and a non-http scheme with one line each, and writes nothing', async () => {
    const dataset = `cliurlbad${process.pid}`
    for (const [url, message] of [
      [`${base}/gone`, /\/gone: HTTP 404 Not Found$/],
      [`${base}/feed.json`, /feed\.json: answered application\/json, not an HTML page$/],
      ['ftp://127.0.0.1/story.html', /only http\(s\) URLs can be imported \(got ftp:\)$/],
    ] as const) {
      const res = await runImport([join(ROOT, 'data/articles/000_fcede281fa476672.txt'), url], {
        SANITY_DATASET: dataset,
      })
      expect(res.status).not.toBe(0)
      expect(res.stderr.trim().split('\n')).toHaveLength(1)
      expect(res.stderr.trim()).toMatch(message)
      expect(res.stdout).toBe('')
    }
    expect(existsSync(join(ROOT, '.sanity/local', `${dataset}.ndjson`))).toBe(false)
  })
})
