import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'
import {aliasesField, sameAsField, slugField} from '../fields.ts'
import {ORGANIZATION_KINDS, listOf, titleOf} from '../vocabularies.ts'
import {checkNotSelf} from '../validation.ts'

/** A government, agency, party, company, armed group… a claim can come from or concern. */
export const organization = defineType({
  name: 'organization',
  title: 'Organization',
  type: 'document',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    slugField('name'),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {list: listOf(ORGANIZATION_KINDS)},
      initialValue: 'other',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'country',
      title: 'Country',
      type: 'reference',
      to: [{type: 'place'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
    }),
    defineField({
      name: 'parent',
      title: 'Parent organization',
      type: 'reference',
      to: [{type: 'organization'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
      validation: (rule) =>
        rule.custom((value, context) => checkNotSelf(value, context.document?._id)),
    }),
    aliasesField(),
    sameAsField(),
  ],
  preview: {
    select: {name: 'name', kind: 'kind', country: 'country.name', parent: 'parent.name'},
    prepare({name, kind, country, parent}) {
      return {
        title: name ?? 'Unnamed organization',
        subtitle: [titleOf(ORGANIZATION_KINDS, kind), parent && `part of ${parent}`, country]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
