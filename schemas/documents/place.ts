import {PinIcon} from '@sanity/icons/Pin'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {aliasesField, slugField} from '../fields.ts'
import {checkGeopoint, checkNotSelf} from '../validation.ts'
import {PLACE_KINDS, listOf, titleOf} from '../vocabularies.ts'

/** A country, city, region or territory. */
export const place = defineType({
  name: 'place',
  title: 'Place',
  type: 'document',
  icon: PinIcon,
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
      options: {list: listOf(PLACE_KINDS), layout: 'radio', direction: 'horizontal'},
      initialValue: 'city',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'location',
      title: 'Location',
      type: 'geopoint',
      validation: (rule) => rule.custom(checkGeopoint),
    }),
    defineField({
      name: 'containedIn',
      title: 'Contained in',
      type: 'reference',
      description: 'The larger place this one lies in (Damascus → Syria)',
      to: [{type: 'place'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
      validation: (rule) =>
        rule.custom((value, context) => checkNotSelf(value, context.document?._id)),
    }),
    defineField({
      name: 'isoCode',
      title: 'ISO code',
      type: 'string',
      description: 'ISO 3166 code: "IR" for a country, "IR-23" for a subdivision',
      validation: (rule) => rule.regex(/^[A-Z]{2,3}(?:-[A-Z0-9]{1,3})?$/, {name: 'ISO 3166 code'}),
    }),
    defineField({
      name: 'geonamesId',
      title: 'GeoNames id',
      type: 'number',
      validation: (rule) => rule.integer().positive(),
    }),
    aliasesField(),
    defineField({
      name: 'demonyms',
      title: 'Demonyms',
      type: 'array',
      description: 'Adjectives that point at the place ("Iranian" → Iran)',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
      validation: (rule) => rule.unique(),
    }),
  ],
  preview: {
    select: {name: 'name', kind: 'kind', parent: 'containedIn.name'},
    prepare({name, kind, parent}) {
      const kindTitle = titleOf(PLACE_KINDS, kind)
      return {
        title: name ?? 'Unnamed place',
        subtitle: parent ? `${kindTitle ?? 'Place'} in ${parent}` : kindTitle,
      }
    },
  },
})
