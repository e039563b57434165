import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType, type ObjectDefinition} from 'sanity'
import {ClaimSourceInput} from '../components/ClaimSourceInput.tsx'
import {SOURCE_KINDS, listOf, titleOf} from '../vocabularies.ts'
import {sourceLabel, staleSourceFields} from './sourceKindFields.ts'

interface ClaimSourceParent {
  kind?: string
}

const kindOf = (parent: unknown) => (parent as ClaimSourceParent | undefined)?.kind

/**
 * The reference a named source of kind `kind` needs. It shows only on that kind, or while it still
 * holds a value left from another kind, which is then an error until the editor removes it.
 */
function namedReferenceField(
  kind: 'person' | 'organization',
  title: string,
  messages: {missing: string; stale: string},
) {
  return defineField({
    name: kind,
    title,
    type: 'reference',
    to: [{type: kind}],
    hidden: ({parent, value}) => !value && kindOf(parent) !== kind,
    validation: (rule) =>
      rule.custom((value, context) => {
        if (kindOf(context.parent) === kind && !value) return messages.missing
        if (value && staleSourceFields(kindOf(context.parent), {[kind]: value}).length)
          return messages.stale
        return true
      }),
  })
}

/**
 * Who a claim is attributed to (PARC's "source"): a named person, a named organization, or an
 * unnamed source described in the article's words ("a source familiar with US intelligence").
 */
export const claimSource = defineType({
  name: 'claimSource',
  title: 'Source',
  type: 'object',
  icon: UserIcon,
  components: {input: ClaimSourceInput},
  fields: [
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {list: listOf(SOURCE_KINDS), layout: 'radio', direction: 'horizontal'},
      initialValue: 'person',
      validation: (rule) => rule.required(),
    }),
    namedReferenceField('person', 'Person', {
      missing: 'A person source needs the person it names',
      stale: 'Only a person source names a person: remove it, or set the kind to Person',
    }),
    namedReferenceField('organization', 'Organization', {
      missing: 'An organization source needs the organization it names',
      stale:
        'Only an organization source names an organization: remove it, or set the kind to Organization',
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'string',
      description:
        'For an unnamed source, how the article describes it ("a source familiar with US intelligence"); for a named one, the words the article uses',
      validation: (rule) =>
        rule.custom((value, context) =>
          kindOf(context.parent) === 'unnamed' && !value?.trim()
            ? 'An unnamed source needs a description of who it is'
            : true,
        ),
    }),
    defineField({
      name: 'affiliation',
      title: 'Affiliation',
      type: 'reference',
      description: 'The organization or place the source speaks for ("Iranian sources" → Iran)',
      to: [{type: 'organization'}, {type: 'place'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
    }),
    defineField({
      name: 'plural',
      title: 'Several sources',
      type: 'boolean',
      description: 'The article attributes the claim to "sources", not one source',
      initialValue: false,
    }),
  ],
  preview: {
    select: {
      kind: 'kind',
      personName: 'person.name',
      organizationName: 'organization.name',
      description: 'description',
      plural: 'plural',
    },
    prepare({kind, personName, organizationName, description, plural}) {
      return {
        title: sourceLabel({
          kind,
          person: personName,
          organization: organizationName,
          description,
          plural,
        }),
        subtitle: [titleOf(SOURCE_KINDS, kind), plural ? 'several sources' : undefined]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})

/** The definition `type: 'claimSource'` stands for in defineField/defineArrayMember. */
export interface ClaimSourceDefinition extends Omit<
  ObjectDefinition,
  'type' | 'fields' | 'options'
> {
  type: 'claimSource'
}

declare module 'sanity' {
  interface IntrinsicDefinitions {
    claimSource: ClaimSourceDefinition
  }
}
