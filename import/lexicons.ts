// The word lists in data/lexicon/ (each says where its words come from), read once at start-up by the
// stage that uses it.
import {readFileSync} from 'node:fs'

/** One data/lexicon/ file, parsed. */
export function readLexicon<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../data/lexicon/${file}`, import.meta.url), 'utf8')) as T
}
