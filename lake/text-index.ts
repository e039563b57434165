// A token index for `path match pattern`, to hand groq-js only the documents that can match.
// groq-js (following the GROQ spec) splits the text into tokens at whitespace and punctuation
// (`!@#$%^&*(),\/?";:{}|[]+<>-`, dots at a word's edges dropped), splits the pattern the same way
// keeping `*`, and requires every pattern term to match some token whole, case-insensitively, `*`
// standing for any run of characters. The index keeps each document's tokens the same way; a term
// of plain ASCII word characters, optionally ending in `*`, is then a token or prefix lookup. Any
// other term (a `*` inside, a dot, which groq-js reads as a regex wildcard, non-ASCII letters, whose
// case-folding the lookup does not copy) makes the lookup give up and return every document, so the
// candidates are always a superset: groq-js still evaluates the whole filter on them.
import {placeInSorted} from './perspective.ts'
import type {SanityDocument} from './types.ts'

const TOKEN = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g
const TERM = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const EDGE_DOTS = /(\b\.+|\.+\b)/g
const PLAIN_TERM = /^([A-Za-z0-9_]+)(\*?)$/

/** ASCII letters folded (a regex `i` without `u` matches ASCII only against ASCII). */
const fold = (token: string) => token.replace(/[A-Z]+/g, (run) => run.toLowerCase())

/** The tokens GROQ's `match` sees in a string or an array of strings (others have none). */
export function tokensOf(value: unknown): string[] {
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  return texts.flatMap((text) =>
    typeof text === 'string' ? (text.replace(EDGE_DOTS, '').match(TOKEN) ?? []) : [],
  )
}

/** Where `key` is, or goes, in a sorted list of strings. */
function positionIn(keys: string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (keys[mid]! < key) low = mid + 1
    else high = mid
  }
  return low
}

export class TextIndex {
  private readonly byToken = new Map<string, SanityDocument[]>()
  private readonly keys: string[]
  /** The view's documents, kept up to date by the view itself. */
  private readonly all: SanityDocument[]
  private readonly read: (doc: SanityDocument) => unknown

  constructor(documents: SanityDocument[], read: (doc: SanityDocument) => unknown) {
    this.all = documents
    this.read = read
    for (const doc of documents) {
      for (const token of this.tokens(doc)) {
        let list = this.byToken.get(token)
        if (!list) this.byToken.set(token, (list = []))
        list.push(doc)
      }
    }
    this.keys = [...this.byToken.keys()].sort()
  }

  private tokens(doc: SanityDocument | null): Set<string> {
    return new Set(doc ? tokensOf(this.read(doc)).map(fold) : [])
  }

  /** Follows documents that changed, left or entered the view (each list stays in `_id` order). */
  update(changes: {before: SanityDocument | null; after: SanityDocument | null}[]): void {
    for (const {before, after} of changes) {
      const id = (before ?? after)!._id
      const next = this.tokens(after)
      for (const token of this.tokens(before)) {
        if (next.has(token)) continue
        const list = this.byToken.get(token)
        if (!list) continue
        placeInSorted(list, id, null)
        if (list.length === 0) {
          this.byToken.delete(token)
          this.keys.splice(positionIn(this.keys, token), 1)
        }
      }
      for (const token of next) {
        let list = this.byToken.get(token)
        if (!list) {
          this.byToken.set(token, (list = []))
          this.keys.splice(positionIn(this.keys, token), 0, token)
        }
        placeInSorted(list, id, after)
      }
    }
  }

  /** Documents that may match `pattern` (a superset; every document when it cannot tell). */
  lookup(pattern: unknown): SanityDocument[] {
    if (typeof pattern !== 'string') return this.all
    const terms = pattern.replace(EDGE_DOTS, '').match(TERM) ?? []
    // No term matches nothing in groq-js; any document list is a superset of nothing.
    if (terms.length === 0) return []
    let result: SanityDocument[] | null = null
    for (const term of terms) {
      const plain = PLAIN_TERM.exec(term)
      if (!plain) return this.all
      const found = plain[2] ? this.prefixed(fold(plain[1]!)) : (this.byToken.get(fold(term)) ?? [])
      if (result === null) result = found
      else {
        const keep = new Set(found)
        result = result.filter((doc) => keep.has(doc))
      }
      if (result.length === 0) break
    }
    return result ?? []
  }

  /** Documents with a token starting with `prefix`, in dataset order (the lists merged). */
  private prefixed(prefix: string): SanityDocument[] {
    const low = positionIn(this.keys, prefix)
    const lists: SanityDocument[][] = []
    for (let i = low; i < this.keys.length && this.keys[i]!.startsWith(prefix); i++)
      lists.push(this.byToken.get(this.keys[i]!)!)
    if (lists.length <= 1) return lists[0] ?? []
    // Dataset order is `_id` order.
    return [...new Set(lists.flat())].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  }
}
