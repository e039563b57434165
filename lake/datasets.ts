// The datasets a lake server serves: one NDJSON file each in one folder, opened on first use.
import {existsSync, readdirSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {QueryEngine} from './query.ts'
import {QueryPool, type QueryPoolOptions} from './query-pool.ts'
import {Store, type StoreOptions} from './store.ts'
import {checkDatasetName} from './target.ts'

export interface OpenDataset {
  name: string
  store: Store
  /** In-process queries (mutations by query). */
  engine: QueryEngine
  /** Queries from HTTP callers, in worker threads. */
  queries: QueryPool
}

export class DatasetRegistry {
  private readonly open = new Map<string, Promise<OpenDataset>>()

  constructor(
    readonly dir: string,
    private readonly storeOptions: StoreOptions = {},
    private readonly queryOptions: QueryPoolOptions = {},
  ) {}

  file(name: string): string {
    return join(this.dir, `${name}.ndjson`)
  }

  exists(name: string): boolean {
    try {
      checkDatasetName(name)
    } catch {
      return false
    }
    return (
      this.open.has(name) || existsSync(this.file(name)) || existsSync(`${this.file(name)}.log`)
    )
  }

  names(): string[] {
    const names = new Set(this.open.keys())
    if (existsSync(this.dir)) {
      for (const entry of readdirSync(this.dir)) {
        const match = /^(.+)\.ndjson(?:\.log)?$/.exec(entry)
        if (match && this.exists(match[1]!)) names.add(match[1]!)
      }
    }
    return [...names].sort()
  }

  /** Makes an empty dataset (an empty export file) unless one exists. */
  async create(name: string): Promise<void> {
    checkDatasetName(name)
    if (this.exists(name)) return
    await writeFile(this.file(name), '', {flag: 'wx'}).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
  }

  get(name: string): Promise<OpenDataset> {
    let dataset = this.open.get(name)
    if (!dataset) {
      dataset = Store.open(this.file(name), this.storeOptions).then((store) => ({
        name,
        store,
        engine: new QueryEngine(store),
        queries: new QueryPool(store, this.queryOptions),
      }))
      this.open.set(name, dataset)
      dataset.catch(() => this.open.delete(name))
    }
    return dataset
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()]
    this.open.clear()
    await Promise.all(
      all.map(async (dataset) => {
        const open = await dataset.catch(() => null)
        await open?.queries.close()
        await open?.store.close()
      }),
    )
  }
}
