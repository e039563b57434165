// The articles the project holds gold annotations for: the bundled article in data/articles/ and the
// fixtures written for testing. An article `NAME.txt` is in the set when `NAME.gold.json` sits beside it.
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Folders holding annotated articles, the bundled one first. */
export const GOLD_DIRS = ['data/articles', 'tests/fixtures/articles', 'tests/fixtures/import'].map(
  (dir) => join(PROJECT_ROOT, dir),
)

export interface GoldArticle {
  name: string
  text: string
  gold: string
}

/** Every annotated article in `dirs`, sorted by name within each folder. */
export function goldArticles(dirs: string[] = GOLD_DIRS): GoldArticle[] {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter(
          (file) =>
            file.endsWith('.txt') && existsSync(join(dir, file.replace(/\.txt$/, '.gold.json'))),
        )
        .sort()
        .map((file) => ({
          name: file.replace(/\.txt$/, ''),
          text: join(dir, file),
          gold: join(dir, file.replace(/\.txt$/, '.gold.json')),
        })),
    )
}
