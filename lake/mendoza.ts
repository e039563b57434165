// Mendoza patches, the format Sanity's history and listener effects use (`effectFormat=mendoza`).
// The `mendoza` npm package only applies patches; this writes them. A patch is a flat list of
// opcodes run against the old value. Objects are diffed field by field, recursively, and a string
// field keeps its unchanged start and end, so the Studio's "Review changes" credits each part to
// the transaction that really changed it; any other changed value (numbers, arrays) is replaced
// whole, which is valid mendoza and keeps the encoder small.

/** Opcodes from mendoza's operation table (their positions in it). */
// ObjectSetFieldValue reads its value, then its key.
const OP = {
  value: 0,
  pushFieldCopy: 10,
  pushFieldBlank: 11,
  returnIntoObjectSameKeyPop: 15,
  objectSetFieldValue: 17,
  objectDeleteField: 19,
  stringAppendString: 22,
  stringAppendSlice: 23,
} as const

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (Array.isArray(left))
    return (
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => jsonEqual(item, right[index]))
    )
  if (!isObject(left) || !isObject(right)) return false
  const keys = Object.keys(left)
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]))
  )
}

/** The patch that turns `from` into `to` (`null` stands for a missing document). */
export function mendozaPatch(from: unknown, to: unknown): unknown[] {
  if (isObject(from) && isObject(to)) return objectOps(from, to)
  return jsonEqual(from, to) ? [] : [OP.value, to]
}

function objectOps(from: JsonObject, to: JsonObject): unknown[] {
  const ops: unknown[] = []
  // Fields of the input are addressed by their index in its sorted key list, as the patcher sorts them.
  const index = new Map(
    Object.keys(from)
      .sort()
      .map((key, position) => [key, position]),
  )
  for (const [key, position] of index)
    if (!Object.hasOwn(to, key)) ops.push(OP.objectDeleteField, position)
  for (const [key, next] of Object.entries(to)) {
    const position = index.get(key)
    if (position === undefined) {
      ops.push(OP.objectSetFieldValue, next, key)
      continue
    }
    const previous = from[key]
    if (jsonEqual(previous, next)) continue
    if (isObject(previous) && isObject(next))
      ops.push(
        OP.pushFieldCopy,
        position,
        ...objectOps(previous, next),
        OP.returnIntoObjectSameKeyPop,
      )
    else if (typeof previous === 'string' && typeof next === 'string' && sharesEnds(previous, next))
      ops.push(
        OP.pushFieldBlank,
        position,
        ...stringOps(previous, next),
        OP.returnIntoObjectSameKeyPop,
      )
    else ops.push(OP.objectSetFieldValue, next, key)
  }
  return ops
}

/**
 * A document change as Sanity's effects: the patch from the old version to the new one and back,
 * both without `_rev` (the Lake leaves the revision out of effects).
 */
export function documentEffects(
  before: {_rev?: string} | null,
  after: {_rev?: string} | null,
): {apply: unknown[]; revert: unknown[]} {
  const strip = (doc: {_rev?: string} | null) => {
    if (!doc) return null
    const {_rev, ...rest} = doc
    return rest
  }
  const from = strip(before)
  const to = strip(after)
  return {apply: mendozaPatch(from, to), revert: mendozaPatch(to, from)}
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8')

/** The unchanged start and end of two strings, in whole code points. */
function commonEnds(from: string, to: string): {prefix: string; suffix: string} {
  const left = [...from]
  const right = [...to]
  let start = 0
  while (start < left.length && start < right.length && left[start] === right[start]) start++
  let end = 0
  while (
    end < left.length - start &&
    end < right.length - start &&
    left[left.length - 1 - end] === right[right.length - 1 - end]
  )
    end++
  return {prefix: left.slice(0, start).join(''), suffix: left.slice(left.length - end).join('')}
}

function sharesEnds(from: string, to: string): boolean {
  const {prefix, suffix} = commonEnds(from, to)
  return prefix.length + suffix.length > 0
}

/** Builds `to` from slices of `from` (offsets in UTF-8 bytes, as mendoza counts) and new text. */
function stringOps(from: string, to: string): unknown[] {
  const {prefix, suffix} = commonEnds(from, to)
  const ops: unknown[] = []
  const length = utf8Length(from)
  const middle = to.slice(prefix.length, to.length - suffix.length)
  if (prefix) ops.push(OP.stringAppendSlice, 0, utf8Length(prefix))
  if (middle) ops.push(OP.stringAppendString, middle)
  if (suffix) ops.push(OP.stringAppendSlice, length - utf8Length(suffix), length)
  return ops
}
