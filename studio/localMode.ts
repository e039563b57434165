import {
  createClient,
  type ClientConfig,
  type ObservableSanityClient,
  type SanityClient,
} from '@sanity/client'
import type {WorkspaceOptions} from 'sanity'
import {parseEditorList, type EditorConfig} from '../lake/editor-list.ts'

/**
 * Project id the Studio uses in local mode. The local lake serves any project id; this one only
 * names the workspace and the localStorage keys the Studio derives from it.
 */
export const LOCAL_PROJECT_ID = 'local'

/** Dataset used when neither the environment nor the caller names one (matches lake/target.ts). */
export const DEFAULT_DATASET = 'production'

/** Where `npm run dev` starts the local lake unless SANITY_STUDIO_LAKE_URL says otherwise. */
export const DEFAULT_LAKE_URL = 'http://127.0.0.1:3334'

/**
 * The local editor's token. It is not a secret: the local lake listens on loopback only and
 * accepts it so that the Studio's start-up probe of `/users/me` finds a signed-in editor, which
 * is what keeps the login screen away.
 */
export const LOCAL_EDITOR_TOKEN = 'local-editor-0000000000000000000000000000'

/**
 * The environment the Studio is configured from. In the browser bundle only `SANITY_STUDIO_*`
 * variables exist, so `npm run dev` copies SANITY_PROJECT_ID / SANITY_DATASET into their
 * `SANITY_STUDIO_` twins (see {@link studioEnvFromProcessEnv}) before starting `sanity dev`.
 */
export interface StudioEnv {
  /** A hosted Sanity project id; absent or empty means local mode. */
  projectId?: string | undefined
  dataset?: string | undefined
  /** Base URL of the local lake server, e.g. `http://127.0.0.1:3334`. */
  lakeUrl?: string | undefined
  /** Token the local editor presents to the lake; defaults to {@link LOCAL_EDITOR_TOKEN}. */
  lakeToken?: string | undefined
  /** The lake's editors, `NAME=TOKEN,NAME=TOKEN` (SANITY_STUDIO_LOCAL_EDITORS). */
  editors?: string | undefined
  /** Which of them this Studio is (SANITY_STUDIO_LOCAL_EDITOR); without it the Studio asks once. */
  editor?: string | undefined
}

export type LocalTarget = {
  mode: 'local'
  projectId: string
  dataset: string
  apiHost: string
  /** The token sent until (or unless) an editor is chosen. */
  token: string
  /** Editors by name, when the lake has several (each transaction then carries its editor's name). */
  editors?: EditorConfig[]
  /** The editor fixed by the environment. */
  editor?: string
}

export type StudioTarget = {mode: 'hosted'; projectId: string; dataset: string} | LocalTarget

/** Decides between a hosted project and the local lake from the environment alone. */
export function resolveStudioTarget(env: StudioEnv): StudioTarget {
  const dataset = nonEmpty(env.dataset) ?? DEFAULT_DATASET
  const projectId = nonEmpty(env.projectId)
  if (projectId) return {mode: 'hosted', projectId, dataset}
  const target: LocalTarget = {
    mode: 'local',
    projectId: LOCAL_PROJECT_ID,
    dataset,
    apiHost: (nonEmpty(env.lakeUrl) ?? DEFAULT_LAKE_URL).replace(/\/+$/, ''),
    token: nonEmpty(env.lakeToken) ?? LOCAL_EDITOR_TOKEN,
  }
  const editors = parseEditorList(env.editors)
  if (editors.length === 0) return target
  const editor = nonEmpty(env.editor)
  const fixed = editors.find(({name}) => name === editor)
  if (editor && !fixed)
    throw new Error(
      `SANITY_STUDIO_LOCAL_EDITOR is "${editor}", not one of the editors: ${editors.map(({name}) => name).join(', ')}`,
    )
  return {
    ...target,
    token: (fixed ?? editors[0]!).token,
    editors,
    ...(fixed ? {editor: fixed.name} : {}),
  }
}

/** Where a browser remembers which editor it is (one choice per Studio origin). */
export const EDITOR_STORAGE_KEY = 'sourced-news.local-editor'

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>

function browserStorage(): NameStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** The editor this Studio is: the environment's, else the one chosen in this browser. */
export function chosenEditor(
  target: Pick<LocalTarget, 'editors' | 'editor'>,
  storage: NameStorage | undefined = browserStorage(),
): EditorConfig | undefined {
  const name = target.editor ?? storage?.getItem(EDITOR_STORAGE_KEY) ?? undefined
  return target.editors?.find((editor) => editor.name === name)
}

/** True while a Studio with several editors has not been told which one it is. */
export function needsEditorChoice(
  target: Pick<LocalTarget, 'editors' | 'editor'>,
  storage: NameStorage | undefined = browserStorage(),
): boolean {
  return (target.editors?.length ?? 0) > 1 && !chosenEditor(target, storage)
}

export function rememberEditor(
  name: string,
  storage: NameStorage | undefined = browserStorage(),
): void {
  storage?.setItem(EDITOR_STORAGE_KEY, name)
}

/**
 * Every Studio client talks to the lake at `apiHost` itself: the stock factory would prepend the
 * project id to the host (`local.127.0.0.1`), and cookies never reach a loopback API, so the
 * local editor's token is attached to each client that has none.
 */
export function createLocalClientFactory(
  target: Pick<LocalTarget, 'apiHost' | 'token' | 'editors' | 'editor'>,
  storage: NameStorage | undefined = browserStorage(),
) {
  const listenHosts = listenerHostsFor(target.apiHost)
  // Read when each client is made, so a choice made in this browser takes effect on reload.
  const token = () => chosenEditor(target, storage)?.token
  return (options: ClientConfig): SanityClient =>
    spreadListeners(
      createClient({
        ...options,
        apiHost: target.apiHost,
        useProjectHostname: false,
        useCdn: false,
        withCredentials: false,
        token: options.token ?? token() ?? target.token,
        ignoreBrowserTokenWarning: true,
      }),
      listenHosts,
    )
}

/** How many host names the Studio's listeners are spread over (each gets the browser's 6 sockets). */
export const LISTENER_HOST_COUNT = 12

/**
 * Host names that reach a loopback lake besides its own: browsers resolve every `*.localhost`
 * name to loopback, and count their six HTTP/1.1 connections per host name. A Studio keeps ten or
 * more listeners (server-sent event streams) open; on one HTTP/1.1 host they take every connection
 * and the next query waits forever ("Trying to connect…"). Sanity's own API avoids this with
 * HTTP/2, which browsers speak only over TLS, so a loopback lake spreads listeners instead.
 */
export function listenerHostsFor(apiHost: string, count: number = LISTENER_HOST_COUNT): string[] {
  const url = new URL(apiHost)
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return []
  const port = url.port ? `:${url.port}` : ''
  return Array.from({length: count}, (_, i) => `${url.protocol}//listen-${i}.localhost${port}`)
}

/**
 * Sends each `listen` of `client` (and of its observable twin, and of every client `withConfig`
 * derives from them) to the next of `hosts`; every other request keeps the client's own host.
 */
export function spreadListeners(client: SanityClient, hosts: string[]): SanityClient {
  if (hosts.length === 0) return client
  let next = 0
  const nextHost = () => hosts[next++ % hosts.length]!

  const wrapObservable = (observable: ObservableSanityClient): ObservableSanityClient => {
    // A derived client is a plain one: its own listen goes straight to the host it was given.
    const derive = observable.withConfig.bind(observable)
    observable.listen = ((...args: Parameters<ObservableSanityClient['listen']>) =>
      derive({apiHost: nextHost()}).listen(...args)) as ObservableSanityClient['listen']
    observable.withConfig = (config) => wrapObservable(derive(config))
    return observable
  }
  const wrap = (plain: SanityClient): SanityClient => {
    const derive = plain.withConfig.bind(plain)
    plain.listen = ((...args: Parameters<SanityClient['listen']>) =>
      derive({apiHost: nextHost()}).listen(...args)) as SanityClient['listen']
    plain.withConfig = (config) => wrap(derive(config))
    wrapObservable(plain.observable)
    return plain
  }
  return wrap(client)
}

/** Workspace options that point a Studio at its target; spread them into `defineConfig`. */
export type StudioTargetOptions = Pick<
  WorkspaceOptions,
  | 'projectId'
  | 'dataset'
  | 'apiHost'
  | 'auth'
  | 'unstable_clientFactory'
  | 'releases'
  | 'scheduledPublishing'
  | 'scheduledDrafts'
  | 'tasks'
>

/**
 * The workspace options for a target. Local mode turns off the features that live in Sanity's
 * hosted services (releases, schedules, tasks): the lake has no such services, and leaving them on
 * only adds requests that fail. Search keeps the Studio's default strategy (groq2024): the lake
 * answers its `text::query` and `score()` (lake/text-query.ts).
 */
export function studioTargetOptions(target: StudioTarget): StudioTargetOptions {
  if (target.mode === 'hosted') return {projectId: target.projectId, dataset: target.dataset}
  return {
    projectId: target.projectId,
    dataset: target.dataset,
    apiHost: target.apiHost,
    // 'token' keeps the auth store off cookies; the client factory supplies the token itself.
    auth: {loginMethod: 'token', apiHost: target.apiHost},
    unstable_clientFactory: createLocalClientFactory(target),
    releases: {enabled: false},
    scheduledPublishing: {enabled: false},
    scheduledDrafts: {enabled: false},
    tasks: {enabled: false},
  }
}

/**
 * Maps the project's environment variables onto the `SANITY_STUDIO_` names the Studio bundle
 * can see; `npm run dev` applies it before running the sanity CLI.
 */
export function studioEnvFromProcessEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  const projectId = nonEmpty(env.SANITY_STUDIO_PROJECT_ID) ?? nonEmpty(env.SANITY_PROJECT_ID)
  const dataset = nonEmpty(env.SANITY_STUDIO_DATASET) ?? nonEmpty(env.SANITY_DATASET)
  if (projectId) out.SANITY_STUDIO_PROJECT_ID = projectId
  if (dataset) out.SANITY_STUDIO_DATASET = dataset
  // The local lake's editor tokens reach the bundle in local mode only, never a hosted Studio's.
  const editors = nonEmpty(env.SANITY_STUDIO_LOCAL_EDITORS) ?? nonEmpty(env.LAKE_EDITORS)
  const editor = nonEmpty(env.SANITY_STUDIO_LOCAL_EDITOR)
  if (!projectId && editors) out.SANITY_STUDIO_LOCAL_EDITORS = editors
  if (!projectId && editor) out.SANITY_STUDIO_LOCAL_EDITOR = editor
  return out
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
