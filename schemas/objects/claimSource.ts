import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType, type ObjectDefinition} from 'sanity'
import {SOURCE_KINDS, listOf, titleOf} from '../vocabularies.ts'

interface ClaimSourceParent {
  kind?: string
}

const kindOf = (parent: unknown) => (parent as ClaimSourceParent | undefined)?.kind

/**
 * Who a claim is attributed to (PARC's "source"): a named person, a named organization, or an
 * unnamed source described in the article's words ("a source familiar with US intelligence").
 */
export const claimSource = defineType({
  name: 'claimSource',
  title: 'Source',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {list: listOf(SOURCE_KINDS), layout: 'radio', direction: 'horizontal'},
      initialValue: 'person',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'person',
      title: 'Person',
      type: 'reference',
      to: [{type: 'person'}],
      hidden: ({parent, value}) => !value && kindOf(parent) !== 'person',
      validation: (rule) =>
        rule.custom((value, context) =>
          kindOf(context.parent) === 'person' && !value
            ? 'A person source needs the person it names'
            : true,
        ),
    }),
    defineField({
      name: 'organization',
      title: 'Organization',
      type: 'reference',
      to: [{type: 'organization'}],
      hidden: ({parent, value}) => !value && kindOf(parent) !== 'organization',
      validation: (rule) =>
        rule.custom((value, context) =>
          kindOf(context.parent) === 'organization' && !value
            ? 'An organization source needs the organization it names'
            : true,
        ),
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
      const named =
        kind === 'person' ? personName : kind === 'organization' ? organizationName : undefined
      return {
        title: named ?? description ?? 'Source not set',
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
