// The dataset every query test reads: the bundled article imported into a fresh local dataset.
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {buildDocuments} from '../../import/pipeline.ts'
import {openLocalTarget, type DatasetTarget, type SanityDocument} from '../../lake/target.ts'

export const BUNDLED_ARTICLE = fileURLToPath(
  new URL('../../data/articles/000_fcede281fa476672.txt', import.meta.url),
)

/** The gold annotation of the bundled article, committed beside it. */
export const BUNDLED_GOLD = fileURLToPath(
  new URL('../../data/articles/000_fcede281fa476672.gold.json', import.meta.url),
)

export interface OpenDataset {
  target: DatasetTarget
  close(): Promise<void>
}

/** A fresh local dataset in a temporary folder, holding `documents`. */
export async function openDataset(documents: Record<string, unknown>[]): Promise<OpenDataset> {
  const dir = await mkdtemp(join(tmpdir(), 'queries-test-'))
  const target = await openLocalTarget(join(dir, 'test.ndjson'))
  if (documents.length) {
    await target.mutate(
      documents.map((document) => ({createOrReplace: document as SanityDocument})),
    )
  }
  return {
    target,
    async close() {
      await target.close()
      await rm(dir, {recursive: true, force: true})
    },
  }
}

/** The documents the import builds from the bundled article (a fixed import time, so runs agree). */
export async function bundledDocuments(): Promise<SanityDocument[]> {
  const raw = await readFile(BUNDLED_ARTICLE, 'utf8')
  const {documents} = buildDocuments(raw, {
    sourceFile: '000_fcede281fa476672.txt',
    importedAt: '2026-01-01T00:00:00.000Z',
  })
  return documents as SanityDocument[]
}
