import {spawn} from 'node:child_process'
import {createReadStream} from 'node:fs'
import {mkdir, mkdtemp, realpath, stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import {tmpdir} from 'node:os'
import {extname, join, resolve, sep} from 'node:path'
import {chromium, type BrowserContext, type ConsoleMessage, type Page} from 'playwright-core'
import {chooseChromium, PACKAGED_CHROMIUM_DIR, type ChromiumChoice} from './chromium.ts'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..')
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'test-artifacts', 'browser')

/**
 * Hosts a built Studio reaches for even with `autoUpdates: false`: the dashboard bridge script,
 * the design system's web fonts, the module CDN's version check and Sentry's feedback tunnel.
 * Offline they fail; the tests abort them up front so a machine with network behaves the same.
 */
export const EXTERNAL_HOSTS = [
  'core.sanity-cdn.com',
  'sanity-cdn.com',
  'design-system-static.sanity.io',
  'api.sanity.io',
] as const

/** The console error the Studio logs when its version check cannot reach sanity-cdn.com. */
const VERSION_CHECK_ERROR = 'Failed to fetch version for package'

/**
 * Builds the Studio in local mode against `lakeUrl` into a fresh temporary directory. The hosted
 * project variables are removed so the bundle cannot pick up a developer's project; `studioEnv`
 * adds `SANITY_STUDIO_*` variables (such as the local editors) to the bundle.
 */
export async function buildStudio(
  lakeUrl: string,
  studioEnv: Record<string, string> = {},
): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'studio-build-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    SANITY_STUDIO_LAKE_URL: lakeUrl,
  }
  for (const name of [
    'SANITY_PROJECT_ID',
    'SANITY_STUDIO_PROJECT_ID',
    'SANITY_DATASET',
    'SANITY_STUDIO_DATASET',
    'SANITY_STUDIO_LAKE_TOKEN',
    'SANITY_STUDIO_LOCAL_EDITORS',
    'SANITY_STUDIO_LOCAL_EDITOR',
    'LAKE_EDITORS',
  ]) {
    delete env[name]
  }
  Object.assign(env, studioEnv)
  // The CLI under this very Node (24), whatever `node` comes first on PATH.
  const sanityCli = await realpath(join(PROJECT_ROOT, 'node_modules', '.bin', 'sanity'))
  const output = await run(process.execPath, [sanityCli, 'build', outDir, '--yes'], {
    cwd: PROJECT_ROOT,
    env,
  })
  if (output.code !== 0)
    throw new Error(`sanity build failed (${output.code}):\n${output.text.slice(-4000)}`)
  return outDir
}

function run(
  command: string,
  args: string[],
  options: {cwd: string; env: NodeJS.ProcessEnv},
): Promise<{code: number | null; text: string}> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'pipe']})
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({code, text}))
  })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
}

/** Serves a built single-page app on loopback; unknown paths get index.html (client routing). */
export async function serveStatic(root: string): Promise<{url: string; close(): Promise<void>}> {
  const base = resolve(root)
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    let file = resolve(base, `.${pathname}`)
    if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html')
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) file = join(base, 'index.html')
    res.writeHead(200, {'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'})
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('static server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** The Chromium the tests drive (Debian's, else the packaged one), chosen once per test file. */
let chosen: ChromiumChoice | undefined
export function browserChoice(): ChromiumChoice {
  chosen ??= chooseChromium(PACKAGED_CHROMIUM_DIR(PROJECT_ROOT))
  return chosen
}

/** Chromium, headless, with a fresh profile and every non-loopback request aborted. */
export async function launchBrowser(): Promise<BrowserContext> {
  const {executablePath, args} = browserChoice()
  const userDataDir = await mkdtemp(join(tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    // Tall enough that a list of a few dozen claims is rendered whole (lists are virtualised).
    viewport: {width: 1440, height: 1600},
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  })
  await context.route(
    (url) => !isLoopback(url.hostname),
    (route) => route.abort('internetdisconnected'),
  )
  return context
}

/** Loopback names, including the `*.localhost` names local mode spreads listeners over. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === '127.0.0.1' ||
    hostname === '[::1]' ||
    hostname === 'localhost' ||
    hostname.endsWith('.localhost')
  )
}

/**
 * What Chromium logs when a page sends on a WebSocket that is already closing. The Studio's realtime
 * client (@sanity/bifur-client) sends presence requests without checking the socket's state, so one
 * racing the client's own close (it drops the socket when no pane needs presence any more) logs
 * this. The lake closes a socket itself only on a protocol error or at shutdown
 * (the only `close` calls in lake/websocket.ts and lake/presence.ts), so the message names a race
 * inside the Studio, not a lake fault.
 */
const CLIENT_CLOSED_SOCKET_ERROR = 'WebSocket is already in CLOSING or CLOSED state'

/**
 * True for console errors caused only by the external hosts the tests cut off on purpose, and for
 * the Studio's own send on a socket it has closed.
 */
export function isExpectedOfflineError(message: ConsoleMessage): boolean {
  const source = message.location().url
  if (source && EXTERNAL_HOSTS.some((host) => hostOf(source) === host)) return true
  const text = message.text()
  return text.startsWith(VERSION_CHECK_ERROR) || text.startsWith(CLIENT_CLOSED_SOCKET_ERROR)
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname
  } catch {
    return undefined
  }
}

/** Collects uncaught exceptions and console errors other than the expected offline ones. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedOfflineError(message)) {
      errors.push(`console.error: ${message.text().slice(0, 500)} (${message.location().url})`)
    }
  })
  return errors
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, {recursive: true})
  await page.screenshot({path: join(ARTIFACTS_DIR, `${name}.png`)})
}

/** A built Studio served on loopback with a fresh Chromium page on it, errors watched. */
export interface StudioSession {
  url: string
  browser: BrowserContext
  page: Page
  /** Errors seen since the last call, so each step answers for its own. */
  takeErrors(): string[]
  close(): Promise<void>
}

export async function openStudio(buildDir: string): Promise<StudioSession> {
  const studio = await serveStatic(buildDir)
  const browser = await launchBrowser()
  const page = await browser.newPage()
  const errors = watchForErrors(page)
  return {
    url: studio.url,
    browser,
    page,
    takeErrors: () => errors.splice(0),
    async close() {
      await browser.close()
      await studio.close()
    },
  }
}
