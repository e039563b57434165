import {spawn, type ChildProcess} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {join} from 'node:path'
import {
  LOCAL_EDITOR_TOKEN,
  resolveStudioTarget,
  studioEnvFromProcessEnv,
  type StudioTarget,
} from './localMode.ts'

export interface DevStudioOptions {
  /** Project root (where sanity.cli.ts lives). */
  cwd: string
  env: NodeJS.ProcessEnv
  /** Port of the Studio dev server. */
  port: number
  /** Port of the local lake when this process has to start one. */
  lakePort: number
  /** Directory holding the local datasets (`<dataset>.ndjson`). */
  lakeDir: string
  /** Starts a lake server; injected so this module does not pick the lake's implementation. */
  startLake: (options: {
    port: number
    dir: string
    /** The single local editor's token, when the lake has no named editors. */
    token?: string
    /** Named editors (SANITY_STUDIO_LOCAL_EDITORS / LAKE_EDITORS), each with their own token. */
    editors?: {name: string; token: string}[]
    dataset: string
  }) => Promise<{url: string; close(): Promise<void>}>
  log?: (line: string) => void
}

export interface DevStudio {
  target: StudioTarget
  /** URL of the lake the Studio talks to, when in local mode. */
  lakeUrl: string | undefined
  /** Whether this process started the lake (false when an existing one was reused). */
  startedLake: boolean
  /** Resolves when the Studio dev server exits. */
  exited: Promise<number | null>
  stop(): Promise<void>
}

/**
 * `npm run dev`: with SANITY_PROJECT_ID an ordinary Studio for that project; without it the local
 * lake (reused when one already answers on the port) plus a Studio dev server wired to it.
 */
export async function startDevStudio(options: DevStudioOptions): Promise<DevStudio> {
  const log = options.log ?? ((line: string) => console.log(line))
  const studioEnv = studioEnvFromProcessEnv(options.env)
  const target = resolveStudioTarget({
    projectId: studioEnv.SANITY_STUDIO_PROJECT_ID,
    dataset: studioEnv.SANITY_STUDIO_DATASET,
    lakeUrl: options.env.SANITY_STUDIO_LAKE_URL ?? `http://127.0.0.1:${options.lakePort}`,
    lakeToken: options.env.SANITY_STUDIO_LAKE_TOKEN,
    editors: studioEnv.SANITY_STUDIO_LOCAL_EDITORS,
    editor: studioEnv.SANITY_STUDIO_LOCAL_EDITOR,
  })

  let lake: {url: string; close(): Promise<void>} | undefined
  if (target.mode === 'local') {
    const probe = await probeLake(target.apiHost, target.token)
    if (probe === 'rejected') {
      throw new Error(
        `the lake at ${target.apiHost} refuses the local editor token; set SANITY_STUDIO_LAKE_TOKEN to its --token`,
      )
    }
    if (probe === 'editor') {
      log(`Reusing the local lake at ${target.apiHost}`)
    } else {
      lake = await options.startLake({
        port: portOf(target.apiHost, options.lakePort),
        dir: options.lakeDir,
        ...(target.editors ? {editors: target.editors} : {token: target.token}),
        dataset: target.dataset,
      })
      log(`Local lake serving ${join(options.lakeDir, `${target.dataset}.ndjson`)} at ${lake.url}`)
    }
  } else {
    log(`Studio for Sanity project ${target.projectId}/${target.dataset}`)
  }

  const child = spawnSanityDev(options, {
    ...studioEnv,
    ...(target.mode === 'local'
      ? {SANITY_STUDIO_LAKE_URL: target.apiHost, SANITY_STUDIO_LAKE_TOKEN: target.token}
      : {}),
  })
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))

  return {
    target,
    lakeUrl: target.mode === 'local' ? target.apiHost : undefined,
    startedLake: lake !== undefined,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      await lake?.close()
    },
  }
}

function spawnSanityDev(
  options: DevStudioOptions,
  studioEnv: Record<string, string>,
): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    ...studioEnv,
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    SANITY_TELEMETRY_DISABLED: '1',
  }
  // Local mode must not inherit a stale hosted id from the shell.
  if (!studioEnv.SANITY_STUDIO_PROJECT_ID) delete env.SANITY_STUDIO_PROJECT_ID
  // The CLI under this very Node, whatever `node` comes first on PATH.
  const sanityCli = realpathSync(join(options.cwd, 'node_modules', '.bin', 'sanity'))
  return spawn(
    process.execPath,
    [sanityCli, 'dev', '--host', '127.0.0.1', '--port', String(options.port)],
    {
      cwd: options.cwd,
      env,
      stdio: 'inherit',
    },
  )
}

export type LakeProbe = 'editor' | 'rejected' | 'absent'

/**
 * What answers at `lakeUrl`: a lake that signs `token` in as its editor, one that refuses the
 * token (started with another `--token`), or nothing usable.
 */
export async function probeLake(
  lakeUrl: string,
  token: string = LOCAL_EDITOR_TOKEN,
): Promise<LakeProbe> {
  try {
    const response = await fetch(`${lakeUrl}/v2025-02-19/users/me`, {
      headers: {authorization: `Bearer ${token}`},
      signal: AbortSignal.timeout(1500),
    })
    if (response.status === 401 || response.status === 403) return 'rejected'
    if (!response.ok) return 'absent'
    const body = (await response.json()) as {id?: unknown}
    return typeof body.id === 'string' ? 'editor' : 'rejected'
  } catch {
    return 'absent'
  }
}

function portOf(url: string, fallback: number): number {
  const port = Number(new URL(url).port)
  return Number.isInteger(port) && port > 0 ? port : fallback
}
