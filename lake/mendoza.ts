// Mendoza patches, the format Sanity's history and listener effects use (`effectFormat=mendoza`).
// The `mendoza` npm package only applies patches; this writes them. A patch is a flat list of
// opcodes run against the old value. Objects are diffed field by field, recursively, so the
// Studio's "Review changes" credits each field to the transaction that really changed it; any
// other changed value (string, number, array) is replaced whole, which is valid mendoza and keeps
// the encoder small.

/** Opcodes from mendoza's operation table (their positions in it). */
// ObjectSetFieldValue reads its value, then its key.
const OP = {
  value: 0,
  pushFieldCopy: 10,
  returnIntoObjectSameKeyPop: 15,
  objectSetFieldValue: 17,
  objectDeleteField: 19,
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
