import {defineArrayMember, defineField} from 'sanity'
import {SLUG_MAX_LENGTH, checkSlugFormat, isUniqueSlugForType, slugify} from './validation.ts'
import {IMPORT_DOUBTS, listOf, type Choice} from './vocabularies.ts'

/**
 * Field factories shared by several document types. A factory, not a shared object, so each type
 * gets its own field definition (and `group`) while the rules stay in one place.
 */

/** A required slug, generated from `source`, unique among documents of the same type. */
export function slugField(source: string, group?: string) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    description: 'Lowercase, hyphenated; the document id is derived from it (e.g. person-ali-vaez)',
    ...(group ? {group} : {}),
    options: {source, maxLength: SLUG_MAX_LENGTH, slugify, isUnique: isUniqueSlugForType},
    validation: (rule) => rule.required().custom(checkSlugFormat),
  })
}

/** Other names the entity goes by in text ("Tehran" for the Iranian government, "IRGC"). */
export function aliasesField(group?: string) {
  return defineField({
    name: 'aliases',
    title: 'Aliases',
    type: 'array',
    description: 'Other names the text may use; the importer matches mentions against them',
    ...(group ? {group} : {}),
    of: [defineArrayMember({type: 'string'})],
    options: {layout: 'tags'},
    validation: (rule) => rule.unique(),
  })
}

/** Authority URLs for the same entity (Wikidata, Wikipedia, an official site). */
export function sameAsField(group?: string) {
  return defineField({
    name: 'sameAs',
    title: 'Same as',
    type: 'array',
    description:
      'URLs identifying the same entity elsewhere, e.g. https://www.wikidata.org/wiki/Q…',
    ...(group ? {group} : {}),
    of: [
      defineArrayMember({
        type: 'url',
        validation: (rule) => rule.uri({scheme: ['http', 'https']}),
      }),
    ],
    validation: (rule) => rule.unique(),
  })
}

/** One value of a vocabulary, picked with radio buttons; `initialValue` must be one of `choices`. */
export function choiceField<C extends Choice>(options: {
  name: string
  title: string
  choices: readonly C[]
  initialValue: C['value']
  group: string
}) {
  return defineField({
    name: options.name,
    title: options.title,
    type: 'string',
    options: {list: listOf(options.choices), layout: 'radio', direction: 'horizontal'},
    initialValue: options.initialValue,
    group: options.group,
    // An explicit rule: only then does Sanity check the value against options.list.
    validation: (rule) => rule,
  })
}

/**
 * What the importer was unsure of on this document (IMPORT_DOUBTS). An editor clears a doubt once
 * checked; the "Doubtful imports" lists and the document badge follow it.
 */
export function importDoubtsField(group?: string) {
  return defineField({
    name: 'importDoubts',
    title: 'Import doubts',
    type: 'array',
    description: 'What the importer was unsure of; untick a doubt once you have checked it',
    ...(group ? {group} : {}),
    of: [defineArrayMember({type: 'string'})],
    options: {list: listOf(IMPORT_DOUBTS)},
    validation: (rule) => rule.unique(),
  })
}
