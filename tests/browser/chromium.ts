// Which Chromium the browser tests drive: Debian's /usr/bin/chromium when it is installed, else the
// headless Chromium that the @sparticuz/chromium package ships (a registry package, so `npm install`
// alone is enough). That one is brotli-packed; it is unpacked once into the project's own temporary
// folder, never into /tmp at large, and reused from there.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'
/** Set to 1 to ignore Debian's Chromium even where it is installed (to run the tests as a machine without it would). */
export const IGNORE_SYSTEM_CHROMIUM_ENV = 'IGNORE_SYSTEM_CHROMIUM'

export interface ChromiumChoice {
  kind: 'system' | 'packaged'
  executablePath: string
  /** Flags on top of the ones every launch gets. */
  args: string[]
}

/**
 * Flags of @sparticuz/chromium's recommended set left out: the headless mode, which Playwright sets
 * itself, and the ones that switch off the same-origin policy, which would let a CORS fault in the
 * lake pass in the tests and fail in a real browser.
 */
const LEFT_OUT = [/^--headless/, /^--disable-web-security$/, /^--allow-running-insecure-content$/]

function packagedArgs(args: string[]): string[] {
  return args.filter((flag) => !LEFT_OUT.some((pattern) => pattern.test(flag)))
}

/**
 * Picks the Chromium and, for the packaged one, unpacks it into `unpackDir`. Throws, naming what to
 * install, when neither is to be had: a browser test never skips.
 */
export function chooseChromium(
  unpackDir: string,
  env: NodeJS.ProcessEnv = process.env,
  systemChromium = SYSTEM_CHROMIUM,
): ChromiumChoice {
  if (env[IGNORE_SYSTEM_CHROMIUM_ENV] !== '1' && existsSync(systemChromium)) {
    return {kind: 'system', executablePath: systemChromium, args: []}
  }
  mkdirSync(unpackDir, {recursive: true})
  // The package unpacks into os.tmpdir(): a child process whose TMPDIR is our folder keeps it there.
  const script = `import('@sparticuz/chromium').then(async ({default: c}) => {
    c.setGraphicsMode = false
    console.log(JSON.stringify({path: await c.executablePath(), args: c.args}))
  })`
  let found: {path: string; args: string[]}
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      env: {...env, TMPDIR: unpackDir},
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    found = JSON.parse(out.trim().split('\n').at(-1)!) as {path: string; args: string[]}
  } catch (error) {
    throw new Error(
      `no Chromium for the browser tests: ${systemChromium} is ${existsSync(systemChromium) ? 'ignored' : 'absent'} and @sparticuz/chromium did not unpack ` +
        `(${(error as Error).message.split('\n')[0]}); run npm install, or apt-get install chromium`,
      {cause: error},
    )
  }
  return {kind: 'packaged', executablePath: found.path, args: packagedArgs(found.args)}
}

/** The project's own folder for the packaged Chromium (ignored by git as .tmp-*). */
export const PACKAGED_CHROMIUM_DIR = (projectRoot: string) => join(projectRoot, '.tmp-chromium')
