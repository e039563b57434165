import type {ObjectSchemaType, SchemaType} from 'sanity'
import {describe, expect, it} from 'vitest'
import {documentTypes, objectTypes} from '../../schemas/index.ts'
import {schema} from './helpers.ts'

/** The field names docs/architecture.md promises the import and the queries. */
const CONTRACT: Record<string, string[]> = {
  article: [
    'headline',
    'slug',
    'dek',
    'dateline',
    'publishedAt',
    'publisher',
    'canonicalUrl',
    'body',
    'import',
  ],
  claim: [
    'statement',
    'cue',
    'quoteType',
    'source',
    'article',
    'about',
    'hedging',
    'verification',
    'reviewStatus',
    'confidence',
    'saidAt',
    'sentence',
  ],
  person: ['name', 'slug', 'aliases', 'roles', 'nationality', 'description', 'sameAs'],
  place: [
    'name',
    'slug',
    'kind',
    'location',
    'containedIn',
    'isoCode',
    'geonamesId',
    'aliases',
    'demonyms',
  ],
  organization: ['name', 'slug', 'kind', 'country', 'parent', 'aliases', 'sameAs'],
  claimSource: ['kind', 'person', 'organization', 'description', 'affiliation', 'plural'],
  role: ['title', 'organization', 'from', 'to'],
  importProvenance: ['sourceFile', 'sha256', 'importerVersion', 'importedAt', 'strippedLines'],
  claimRef: ['claim'],
  mention: ['entity'],
}

const objectType = (name: string) => schema.get(name) as ObjectSchemaType
const fieldNames = (name: string) => objectType(name).fields.map((field) => field.name)
const referenceTargets = (type: string, field: string) =>
  (
    (objectType(type).fields.find((f) => f.name === field)!.type as {to?: SchemaType[]}).to ?? []
  ).map((t) => t.name)

/** Every (type, field) pair of the model, nested object fields included. */
function allFields(): {owner: string; field: {name: string; type: SchemaType}}[] {
  return [...documentTypes, ...objectTypes].flatMap((definition) =>
    objectType(definition.name).fields.map((field) => ({owner: definition.name, field})),
  )
}

describe('the compiled schema', () => {
  it('compiles with zero errors and zero warnings', () => {
    const problems = (schema._validation ?? []).flatMap((group) =>
      group.problems.map(
        (problem) =>
          `${problem.severity} ${group.path.map((p) => p.name).join('.')}: ${problem.message}`,
      ),
    )
    expect(problems).toEqual([])
  })

  it('holds the five document types and the five object types of the model', () => {
    expect(documentTypes.map((t) => schema.get(t.name)?.jsonType)).toEqual([
      'object',
      'object',
      'object',
      'object',
      'object',
    ])
    expect(documentTypes.map((t) => t.name)).toEqual([
      'article',
      'claim',
      'person',
      'place',
      'organization',
    ])
    expect(objectTypes.map((t) => t.name)).toEqual([
      'claimSource',
      'role',
      'importProvenance',
      'claimRef',
      'mention',
    ])
    for (const t of documentTypes) expect(objectType(t.name).type?.name).toBe('document')
  })

  it('has every field name of the architecture contract, under the same name', () => {
    for (const [type, fields] of Object.entries(CONTRACT)) {
      expect({type, missing: fields.filter((f) => !fieldNames(type).includes(f))}).toEqual({
        type,
        missing: [],
      })
    }
  })

  it('points each reference at the types the contract names', () => {
    expect(referenceTargets('article', 'dateline')).toEqual(['place'])
    expect(referenceTargets('claim', 'article')).toEqual(['article'])
    expect(referenceTargets('claimSource', 'person')).toEqual(['person'])
    expect(referenceTargets('claimSource', 'organization')).toEqual(['organization'])
    expect(referenceTargets('claimSource', 'affiliation')).toEqual(['organization', 'place'])
    expect(referenceTargets('person', 'nationality')).toEqual(['place'])
    expect(referenceTargets('place', 'containedIn')).toEqual(['place'])
    expect(referenceTargets('organization', 'country')).toEqual(['place'])
    expect(referenceTargets('organization', 'parent')).toEqual(['organization'])
    expect(referenceTargets('role', 'organization')).toEqual(['organization'])
    expect(referenceTargets('mention', 'entity')).toEqual(['person', 'place', 'organization'])
    expect(referenceTargets('claimRef', 'claim')).toEqual(['claim'])
    const about = objectType('claim').fields.find((f) => f.name === 'about')!.type as {
      of: {to: SchemaType[]}[]
    }
    expect(about.of[0]!.to.map((t) => t.name)).toEqual(['person', 'place', 'organization'])
  })

  it('makes the claim reference of claimRef weak, so a rejected claim can be deleted', () => {
    const claimField = objectType('claimRef').fields.find((f) => f.name === 'claim')!
    expect((claimField.type as {weak?: boolean}).weak).toBe(true)
  })

  it('annotates article body spans with claimRef and mention, and allows the block kinds an import keeps: paragraphs, subheads, quotes, bullet items', () => {
    const body = objectType('article').fields.find((f) => f.name === 'body')!.type as {
      of: ObjectSchemaType[]
    }
    const block = body.of[0]!
    const children = block.fields.find((f) => f.name === 'markDefs')!.type as {of: SchemaType[]}
    expect(children.of.map((t) => t.name)).toEqual(['claimRef', 'mention'])
    const style = block.fields.find((f) => f.name === 'style')!.type as {
      options: {list: {value: string}[]}
    }
    expect(style.options.list.map((s) => s.value)).toEqual(['normal', 'h2', 'blockquote'])
    const list = block.fields.find((f) => f.name === 'listItem')!.type as {
      options: {list: {value: string}[]}
    }
    expect(list.options.list.map((s) => s.value)).toEqual(['bullet'])
  })

  it('gives every document type an icon and a select/prepare preview', () => {
    for (const definition of documentTypes) {
      const type = objectType(definition.name)
      expect({type: definition.name, icon: definition.icon !== undefined}).toEqual({
        type: definition.name,
        icon: true,
      })
      expect(Object.keys(type.preview?.select ?? {}).length).toBeGreaterThan(0)
      expect(typeof type.preview?.prepare).toBe('function')
    }
  })

  it('puts every field of a type with groups into one of its groups', () => {
    for (const name of ['article', 'claim']) {
      const definition = documentTypes.find((t) => t.name === name)! as unknown as {
        groups?: {name: string}[]
        fields: {name: string; group?: string}[]
      }
      const groups = new Set((definition.groups ?? []).map((g) => g.name))
      expect(groups.size).toBeGreaterThan(1)
      const ungrouped = definition.fields.filter((f) => !f.group || !groups.has(f.group))
      expect(ungrouped.map((f) => f.name)).toEqual([])
    }
  })

  it('starts every field that has an options list at one of the listed values', () => {
    const withList = allFields().filter(({field}) =>
      Array.isArray((field.type.options as {list?: unknown})?.list),
    )
    expect(withList.length).toBeGreaterThanOrEqual(7)
    for (const {owner, field} of withList) {
      const values = (field.type.options as {list: {value: string}[]}).list.map((o) => o.value)
      const initial = field.type.initialValue
      if (initial !== undefined)
        expect({owner, field: field.name, ok: values.includes(initial as string)}).toEqual({
          owner,
          field: field.name,
          ok: true,
        })
    }
  })
})
