import {spawn} from 'node:child_process'
import {mkdtemp, readdir, symlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..')

/** The sanity CLI of this project (Node 24 runs it: the test process is already on node@24). */
const SANITY_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'sanity')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the sanity CLI offline: no telemetry, no update check, and no hosted project from the
 * developer's shell, so the result is the same on a laptop and in CI.
 */
export function runSanity(
  args: string[],
  options: {cwd?: string; env?: NodeJS.ProcessEnv} = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...options.env,
  }
  for (const name of [
    'SANITY_PROJECT_ID',
    'SANITY_STUDIO_PROJECT_ID',
    'SANITY_DATASET',
    'SANITY_STUDIO_DATASET',
  ]) {
    if (!options.env?.[name]) delete env[name]
  }
  return new Promise((done, fail) => {
    const child = spawn(SANITY_BIN, args, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({code, stdout, stderr}))
  })
}

/**
 * A temporary directory that looks like the project (every top-level entry symlinked) except for
 * the `omit`ted files, so the CLI can regenerate them there with the project's own configuration
 * and without touching the committed copies.
 */
export async function projectMirror(omit: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sourced-news-mirror-'))
  for (const entry of await readdir(PROJECT_ROOT)) {
    if (omit.includes(entry) || entry === '.git') continue
    await symlink(join(PROJECT_ROOT, entry), join(dir, entry))
  }
  return dir
}
