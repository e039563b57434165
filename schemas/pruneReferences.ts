import type {SchemaTypeDefinition} from 'sanity'

type Definition = Record<string, unknown>

const isDefinition = (value: unknown): value is Definition =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keys under which a definition lists the member definitions a reference may hide in. */
const MEMBER_LISTS = ['fields', 'of', 'to'] as const

/**
 * `types` with every reference to a type outside `types` removed. A reference left with no
 * target, an array left with no member type, an object type left with no field, and every use of
 * a removed type are removed in turn, until nothing changes: what remains compiles.
 * Definitions are copied, never mutated: the exported types stay whole for other Studios.
 */
export function pruneReferences(types: readonly SchemaTypeDefinition[]): SchemaTypeDefinition[] {
  let current = types as unknown as Definition[]
  for (;;) {
    const names = new Set(current.map((type) => String(type.name)))
    const next = current
      .map((type) => prune(type, names))
      .filter((type): type is Definition => type !== undefined)
    if (
      next.length === current.length &&
      JSON.stringify(shape(next)) === JSON.stringify(shape(current))
    )
      return next as unknown as SchemaTypeDefinition[]
    current = next
  }
}

/** A definition's structure without functions, to tell whether a pass changed anything. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (!isDefinition(value)) return typeof value === 'function' ? 'fn' : value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'icon' && key !== 'components')
      .map(([key, inner]) => [key, shape(inner)]),
  )
}

const BUILT_IN_TYPES = new Set([
  'array',
  'block',
  'boolean',
  'date',
  'datetime',
  'document',
  'email',
  'file',
  'geopoint',
  'image',
  'number',
  'object',
  'reference',
  'crossDatasetReference',
  'globalDocumentReference',
  'slug',
  'span',
  'string',
  'text',
  'url',
])

function prune(definition: Definition, names: ReadonlySet<string>): Definition | undefined {
  const type = String(definition.type)
  // A member like {type: 'claimRef'}, or a field of a named type, disappears with that type.
  if (!BUILT_IN_TYPES.has(type) && !names.has(type)) return undefined
  const copy: Definition = {...definition}
  for (const key of MEMBER_LISTS) {
    const members = copy[key]
    if (!Array.isArray(members)) continue
    const kept =
      key === 'to'
        ? members.filter((target) => isDefinition(target) && names.has(String(target.type)))
        : members
            .filter(isDefinition)
            .map((member) => prune(member, names))
            .filter((m) => m !== undefined)
    if (kept.length === 0) return undefined
    copy[key] = kept
  }
  const marks = copy.marks
  if (isDefinition(marks) && Array.isArray(marks.annotations)) {
    copy.marks = {
      ...marks,
      annotations: marks.annotations
        .filter(isDefinition)
        .map((annotation) => prune(annotation, names))
        .filter((a) => a !== undefined),
    }
  }
  return copy
}
