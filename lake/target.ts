// Where a dataset lives, decided in one place: a hosted Sanity project when SANITY_PROJECT_ID and
// SANITY_DATASET are set, otherwise the local dataset file. Both speak the same interface.
import {relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createClient, type SanityClient} from '@sanity/client'
import {LakeError} from './errors.ts'
import {isPerspective} from './perspective.ts'
import {QueryEngine} from './query.ts'
import {Store, type StoreOptions} from './store.ts'
import type {Mutation, MutationOperation, Perspective, SanityDocument} from './types.ts'

export type {Mutation, MutationOperation, Perspective, SanityDocument} from './types.ts'

export interface DatasetTarget {
  readonly description: string // "local dataset .sanity/local/production.ndjson" / "Sanity project abc/production"
  fetch<R = unknown>(
    query: string,
    params?: Record<string, unknown>,
    options?: {perspective?: 'raw' | 'published' | 'drafts'},
  ): Promise<R>
  getDocuments(ids: string[]): Promise<(SanityDocument | null)[]>
  mutate(
    mutations: Mutation[],
    options?: {transactionId?: string; dryRun?: boolean},
  ): Promise<{
    transactionId: string
    results: {id: string; operation: 'create' | 'update' | 'delete' | 'none'}[]
  }>
  close(): Promise<void>
}

export interface OpenTargetOptions {
  /** Dataset name; defaults to SANITY_DATASET, then `production`. */
  dataset?: string
  /** Folder of local dataset files; defaults to LAKE_DIR, then `.sanity/local` in the project. */
  dir?: string | undefined
  env?: NodeJS.ProcessEnv
}

/** The API version both adapters speak: from 2025-02-19 a query sees the published perspective by default. */
export const API_VERSION = '2025-02-19'
export const DEFAULT_DATASET = 'production'
export const DEFAULT_LOCAL_DIR = fileURLToPath(new URL('../.sanity/local', import.meta.url))
const DATASET_NAME = /^[a-z0-9][-\w]{0,63}$/

export function checkDatasetName(name: string): string {
  if (!DATASET_NAME.test(name)) {
    throw new Error(
      `"${name}" is not a valid dataset name (lowercase letters, digits, - and _, at most 64 characters)`,
    )
  }
  return name
}

/** The environment variable every command reads for the folder of local datasets (their `--dir`). */
export const LOCAL_DIR_ENV = 'LAKE_DIR'

/** The folder of local datasets: `dir` when given, else LAKE_DIR, else `.sanity/local` in the project. */
export function localDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(dir || env[LOCAL_DIR_ENV] || DEFAULT_LOCAL_DIR)
}

/** The local dataset file for `dataset` in `dir`. */
export function localDatasetFile(
  dataset: string = DEFAULT_DATASET,
  dir: string = DEFAULT_LOCAL_DIR,
): string {
  return resolve(dir, `${checkDatasetName(dataset)}.ndjson`)
}

/** True when the environment names a hosted project (the one rule every entry point follows). */
export function usesHostedProject(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SANITY_PROJECT_ID && env.SANITY_DATASET)
}

/** Opens the dataset the environment points at: hosted when SANITY_* say so, else the local file. */
export async function openTarget(options: OpenTargetOptions = {}): Promise<DatasetTarget> {
  const env = options.env ?? process.env
  if (usesHostedProject(env)) {
    const projectId = env.SANITY_PROJECT_ID!
    const dataset = checkDatasetName(options.dataset ?? env.SANITY_DATASET!)
    const client = createClient({
      projectId,
      dataset,
      apiVersion: env.SANITY_API_VERSION || API_VERSION,
      token: env.SANITY_API_WRITE_TOKEN || env.SANITY_API_READ_TOKEN || undefined,
      useCdn: false,
    })
    return clientTarget(client, `Sanity project ${projectId}/${dataset}`)
  }
  const file = localDatasetFile(
    options.dataset ?? (env.SANITY_DATASET || DEFAULT_DATASET),
    localDir(options.dir, env),
  )
  return openLocalTarget(file)
}

function displayPath(file: string): string {
  const shown = relative(process.cwd(), file)
  return shown && !shown.startsWith('..') ? shown : file
}

function checkPerspective(perspective: unknown): Perspective {
  if (perspective === undefined) return 'published'
  if (!isPerspective(perspective))
    throw new Error(`Unknown perspective ${JSON.stringify(perspective)} (raw, published or drafts)`)
  return perspective
}

/** Errors from the local store read like the ones @sanity/client throws for the same answer. */
function asClientError(error: unknown): unknown {
  if (!(error instanceof LakeError)) return error
  const items = Array.isArray(error.body.items)
    ? (error.body.items as {error?: {description?: string}}[])
        .map((item) => item.error?.description)
        .filter(Boolean)
    : []
  const message = items.length
    ? `${error.body.description}:\n- ${items.join('\n- ')}`
    : error.body.description
  return Object.assign(new Error(message), {statusCode: error.status, details: error.body})
}

/** The local dataset file, opened in this process (no server). */
export async function openLocalTarget(
  file: string,
  options: StoreOptions = {},
): Promise<DatasetTarget> {
  const store = await Store.open(resolve(file), options)
  const engine = new QueryEngine(store)
  return {
    description: `local dataset ${displayPath(store.file)}`,
    async fetch<R = unknown>(
      query: string,
      params: Record<string, unknown> = {},
      fetchOptions: {perspective?: Perspective} = {},
    ) {
      const perspective = checkPerspective(fetchOptions.perspective)
      await store.refresh()
      let result: R
      try {
        result = engine.fetch<R>(query, params, perspective).result
      } catch (error) {
        throw asClientError(error)
      }
      // Results can be the store's own objects; a caller editing one must not edit the dataset.
      return structuredClone(result)
    },
    async getDocuments(ids) {
      await store.refresh()
      return ids.map((id) => {
        const doc = store.get(id)
        return doc ? structuredClone(doc) : null
      })
    },
    async mutate(mutations, mutateOptions = {}) {
      try {
        const outcome = await store.commit(mutations, {
          transactionId: mutateOptions.transactionId,
          dryRun: mutateOptions.dryRun,
          select: (query, params) => engine.selectIds(query, params),
        })
        return {transactionId: outcome.transactionId, results: outcome.results}
      } catch (error) {
        throw asClientError(error)
      }
    },
    close: () => store.close(),
  }
}

/** Any @sanity/client (a hosted project, or the local server over HTTP) as a target. */
export function clientTarget(client: SanityClient, description: string): DatasetTarget {
  return {
    description,
    fetch<R = unknown>(
      query: string,
      params: Record<string, unknown> = {},
      options: {perspective?: Perspective} = {},
    ) {
      return client.fetch<R>(query, params, {perspective: checkPerspective(options.perspective)})
    },
    async getDocuments(ids) {
      if (ids.length === 0) return []
      const docs = await client.getDocuments(ids)
      return docs.map((doc) => (doc ?? null) as SanityDocument | null)
    },
    async mutate(mutations, options = {}) {
      const result = await client.mutate(mutations as never, {
        returnDocuments: false,
        visibility: 'sync',
        ...(options.transactionId ? {transactionId: options.transactionId} : {}),
        ...(options.dryRun ? {dryRun: true} : {}),
      })
      return {
        transactionId: result.transactionId,
        results: result.results.map(({id, operation}) => ({
          id,
          operation: operation as MutationOperation,
        })),
      }
    },
    async close() {
      // The caller made the client and owns its connections; this target holds nothing of its own.
    },
  }
}
