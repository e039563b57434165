import {createServer, type IncomingHttpHeaders, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ImportInputError} from '../../import/errors.ts'
import {DEFAULT_FETCH_LIMITS, fetchPage, isUrl} from '../../import/fetch.ts'

const PAGE =
  '<!doctype html><html><head><title>Harbour strike ends</title></head><body><p>Café</p></body></html>'
const html = (res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8') => {
  res.writeHead(200, {'Content-Type': type})
  res.end(body)
}
const redirect = (res: ServerResponse, location: string, status = 302) => {
  res.writeHead(status, {Location: location})
  res.end()
}

let server: Server
let base = ''
const sockets = new Set<Socket>()
let lastHeaders: IncomingHttpHeaders = {}
// Resolves when the growing body's response closes, with whether the server got to send all of it.
let growingClosed: Promise<boolean> = Promise.resolve(true)
const GROWING_CHUNKS = 400

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    lastHeaders = req.headers
    const hops = /^\/hops\/(\d+)$/.exec(path)
    if (hops)
      return Number(hops[1]) > 0 ? redirect(res, `/hops/${Number(hops[1]) - 1}`) : html(res, PAGE)
    switch (path) {
      case '/page':
        return html(res, PAGE)
      case '/moved':
        return redirect(res, 'page', 301)
      case '/latin1':
        return html(
          res,
          Buffer.from('<html><p>Café naïve £5</p></html>', 'latin1'),
          'text/html; charset="ISO-8859-1"',
        )
      case '/meta-charset':
        return html(
          res,
          Buffer.concat([
            Buffer.from('<html><head><meta charset="windows-1252"></head><p>'),
            Buffer.from([0x80, 0x20, 0xe9]),
            Buffer.from('</p></html>'),
          ]),
          'text/html',
        )
      case '/http-equiv':
        return html(
          res,
          Buffer.from(
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><p>Gar\xe7on</p></html>',
            'latin1',
          ),
          'text/html',
        )
      case '/bogus-charset':
        return html(res, Buffer.from('<p>Café</p>', 'utf8'), 'text/html; charset=no-such-charset')
      case '/untyped-html':
        res.writeHead(200)
        return res.end('\n  <!DOCTYPE html><html><p>no header</p></html>')
      case '/untyped-json':
        res.writeHead(200)
        return res.end('{"headline": "not a page"}')
      case '/xhtml':
        return html(
          res,
          '<html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>',
          'application/xhtml+xml',
        )
      case '/hang':
        return // never answers
      case '/stall-body':
        res.writeHead(200, {'Content-Type': 'text/html'})
        return res.write('<html><p>first half') // and never the rest
      case '/missing':
        res.writeHead(404, {'Content-Type': 'text/html'})
        return res.end('<p>gone</p>')
      case '/json':
        res.writeHead(200, {'Content-Type': 'application/json; charset=utf-8'})
        return res.end('{}')
      case '/huge-declared':
        res.writeHead(200, {'Content-Type': 'text/html', 'Content-Length': String(6 * 1024 * 1024)})
        return res.write('<html>')
      case '/growing': {
        res.writeHead(200, {'Content-Type': 'text/html'}) // no Content-Length: chunked
        let sent = 0
        growingClosed = new Promise((resolve) =>
          res.on('close', () => resolve(sent >= GROWING_CHUNKS)),
        )
        const tick = setInterval(() => {
          if (res.destroyed || sent >= GROWING_CHUNKS) return (clearInterval(tick), res.end())
          res.write('<p>' + 'x'.repeat(1020) + '</p>')
          sent++
        }, 2)
        return
      }
      case '/loop-a':
        return redirect(res, '/loop-b', 307)
      case '/loop-b':
        return redirect(res, `${base}/loop-a`, 308)
      case '/to-ftp':
        return redirect(res, 'ftp://127.0.0.1/file.html')
      case '/no-location':
        res.writeHead(302)
        return res.end()
      default:
        res.writeHead(500)
        return res.end()
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** The ImportInputError that fetchPage throws, failing the test if it resolves or throws anything else. */
async function failure(
  url: string,
  limits?: Parameters<typeof fetchPage>[1],
): Promise<ImportInputError> {
  const error: unknown = await fetchPage(url, limits).then(
    (page) => new Error(`expected an error, got a page from ${page.url}`),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportInputError)
  expect((error as Error).message).not.toContain('\n')
  return error as ImportInputError
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const startsWith = (url: string, rest: string) => new RegExp(`^${escape(url)}: ${rest}`)

describe('fetchPage', () => {
  it('returns the HTML, the URL and the media type of a page, and names the tool in its request', async () => {
    const page = await fetchPage(`${base}/page`)
    expect(page).toEqual({url: `${base}/page`, html: PAGE, contentType: 'text/html'})
    expect(lastHeaders['user-agent']).toMatch(/^sourced-news-import\/0\.1/)
    expect(lastHeaders.accept).toBe('text/html,application/xhtml+xml')
  })

  it('follows a relative redirect and reports the final URL', async () => {
    const page = await fetchPage(`${base}/moved`)
    expect(page.url).toBe(`${base}/page`)
    expect(page.html).toBe(PAGE)
  })

  it('follows exactly maxRedirects hops', async () => {
    const page = await fetchPage(`${base}/hops/3`, {maxRedirects: 3})
    expect(page.url).toBe(`${base}/hops/0`)
  })

  it('decodes with the charset of the Content-Type header', async () => {
    expect((await fetchPage(`${base}/latin1`)).html).toBe('<html><p>Café naïve £5</p></html>')
  })

  it('decodes with a <meta charset> or <meta http-equiv> when the header has no charset', async () => {
    expect((await fetchPage(`${base}/meta-charset`)).html).toContain('<p>€ é</p>')
    expect((await fetchPage(`${base}/http-equiv`)).html).toContain('<p>Garçon</p>')
  })

  it('falls back to UTF-8 for an unknown charset label', async () => {
    expect((await fetchPage(`${base}/bogus-charset`)).html).toBe('<p>Café</p>')
  })

  it('accepts application/xhtml+xml, and a page without Content-Type that starts like HTML', async () => {
    expect((await fetchPage(`${base}/xhtml`)).contentType).toBe('application/xhtml+xml')
    const untyped = await fetchPage(`${base}/untyped-html`)
    expect(untyped.html).toContain('<p>no header</p>')
    expect(untyped.contentType).toBe('text/html')
  })

  it('refuses a route that never answers once timeoutMs has passed', async () => {
    const started = Date.now()
    const error = await failure(`${base}/hang`, {timeoutMs: 300})
    expect(error.message).toMatch(startsWith(`${base}/hang`, 'timed out after 300 ms$'))
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('counts the body against the timeout, not only the headers', async () => {
    const error = await failure(`${base}/stall-body`, {timeoutMs: 300})
    expect(error.message).toMatch(startsWith(`${base}/stall-body`, 'timed out after 300 ms$'))
  })

  it('refuses a 404 with the status in one line', async () => {
    const error = await failure(`${base}/missing`)
    expect(error.message).toBe(`${base}/missing: HTTP 404 Not Found`)
  })

  it('refuses a redirect status without a Location', async () => {
    expect((await failure(`${base}/no-location`)).message).toMatch(
      startsWith(`${base}/no-location`, 'HTTP 302 Found without a Location$'),
    )
  })

  it('refuses a JSON answer as not an HTML page', async () => {
    const error = await failure(`${base}/json`)
    expect(error.message).toBe(`${base}/json: answered application/json, not an HTML page`)
  })

  it('refuses a body without Content-Type that does not look like HTML', async () => {
    expect((await failure(`${base}/untyped-json`)).message).toMatch(
      startsWith(`${base}/untyped-json`, '.*does not look like an HTML page'),
    )
  })

  it('refuses a page whose Content-Length is over the limit before reading it', async () => {
    const error = await failure(`${base}/huge-declared`)
    expect(DEFAULT_FETCH_LIMITS.maxBytes).toBe(5 * 1024 * 1024)
    expect(error.message).toMatch(startsWith(`${base}/huge-declared`, '.*over the 5 MB limit'))
  })

  it('stops reading a chunked body as soon as it grows over maxBytes', async () => {
    const error = await failure(`${base}/growing`, {maxBytes: 8 * 1024})
    expect(error.message).toMatch(startsWith(`${base}/growing`, '.*over the 8 KB limit'))
    expect(await growingClosed).toBe(false) // the connection was dropped before the server sent everything
  })

  it('refuses a redirect loop with one line naming the URL', async () => {
    const error = await failure(`${base}/loop-a`)
    expect(error.message).toMatch(startsWith(`${base}/loop-a`, 'too many redirects'))
  })

  it('refuses more than maxRedirects redirects', async () => {
    const error = await failure(`${base}/hops/4`, {maxRedirects: 3})
    expect(error.message).toMatch(
      startsWith(`${base}/hops/4`, 'too many redirects \\(more than 3\\)'),
    )
    expect(error.message).toContain(`(at ${base}/hops/1)`)
  })

  it('refuses ftp: and file: URLs without any request', async () => {
    expect((await failure('ftp://127.0.0.1/a.html')).message).toBe(
      'ftp://127.0.0.1/a.html: only http(s) URLs can be imported (got ftp:)',
    )
    expect((await failure('file:///etc/hostname')).message).toBe(
      'file:///etc/hostname: only http(s) URLs can be imported (got file:)',
    )
  })

  it('refuses a URL with a user name and password, and never prints the password', async () => {
    const url = base.replace('http://', 'http://editor:s3cret@') + '/page'
    const message = (await failure(url)).message
    expect(message).toBe(
      `${base.replace('http://', 'http://***@')}/page: URLs with a user name or password are not fetched`,
    )
    expect(message).not.toContain('s3cret')
  })

  it('refuses a redirect to a non-http scheme', async () => {
    const error = await failure(`${base}/to-ftp`)
    expect(error.message).toMatch(
      startsWith(`${base}/to-ftp`, 'only http\\(s\\) URLs can be imported \\(got ftp:\\)'),
    )
  })

  it('refuses a closed port with the network error code', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const {port} = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const url = `http://127.0.0.1:${port}/a`
    expect((await failure(url)).message).toMatch(startsWith(url, 'network error: .*ECONNREFUSED'))
  })
})

describe('isUrl', () => {
  it('is true for absolute URLs with a scheme', () => {
    for (const arg of [
      'https://example.com/a',
      'http://127.0.0.1:8080/',
      'ftp://host/file.html',
      'file:///tmp/a.html',
      'file:/tmp/a.html',
      'HTTPS://EXAMPLE.COM',
    ])
      expect(isUrl(arg), arg).toBe(true)
  })
  it('is false for file paths, Windows drive paths included', () => {
    for (const arg of [
      'data/articles/000.txt',
      './a.html',
      '/tmp/a.html',
      'C:\\news\\a.html',
      'C:/news/a.html',
      'notes:2024.txt',
      '',
      'example.com/a',
    ])
      expect(isUrl(arg), arg).toBe(false)
  })
})
