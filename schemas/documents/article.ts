import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {slugField} from '../fields.ts'

/** A news article: its text as Portable Text, with the spans that carry claims and name entities marked. */
export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'publication', title: 'Publication'},
    {name: 'provenance', title: 'Import provenance'},
  ],
  fields: [
    defineField({
      name: 'headline',
      title: 'Headline',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required(),
    }),
    slugField('headline', 'content'),
    defineField({name: 'dek', title: 'Dek', type: 'text', rows: 2, group: 'content'}),
    defineField({
      name: 'dateline',
      title: 'Dateline',
      type: 'reference',
      description: 'Where the article was filed from',
      to: [{type: 'place'}],
      group: 'content',
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'array',
      group: 'content',
      of: [
        defineArrayMember({
          type: 'block',
          // The importer keeps a page's subheads, quoted paragraphs and list items as these.
          styles: [
            {title: 'Normal', value: 'normal'},
            {title: 'Subhead', value: 'h2'},
            {title: 'Quote', value: 'blockquote'},
          ],
          lists: [{title: 'Bullet', value: 'bullet'}],
          marks: {
            decorators: [
              {title: 'Strong', value: 'strong'},
              {title: 'Emphasis', value: 'em'},
            ],
            annotations: [
              defineArrayMember({type: 'claimRef'}),
              defineArrayMember({type: 'mention'}),
            ],
          },
        }),
      ],
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      description: 'Leave empty when the page carries no date: unknown is not "today"',
      group: 'publication',
    }),
    defineField({name: 'publisher', title: 'Publisher', type: 'string', group: 'publication'}),
    defineField({
      name: 'byline',
      title: 'Byline',
      type: 'string',
      description: 'The reporters as the page credits them ("Jane Doe and John Roe")',
      group: 'publication',
    }),
    defineField({
      name: 'canonicalUrl',
      title: 'Canonical URL',
      type: 'url',
      group: 'publication',
      validation: (rule) => rule.uri({scheme: ['http', 'https']}),
    }),
    defineField({
      name: 'import',
      title: 'Import provenance',
      type: 'importProvenance',
      group: 'provenance',
      readOnly: true,
    }),
  ],
  orderings: [
    {
      title: 'Published, newest first',
      name: 'publishedAtDesc',
      by: [{field: 'publishedAt', direction: 'desc'}],
    },
    {title: 'Headline', name: 'headlineAsc', by: [{field: 'headline', direction: 'asc'}]},
  ],
  preview: {
    select: {
      headline: 'headline',
      publisher: 'publisher',
      publishedAt: 'publishedAt',
      dateline: 'dateline.name',
    },
    prepare({headline, publisher, publishedAt, dateline}) {
      const date = typeof publishedAt === 'string' ? publishedAt.slice(0, 10) : 'date unknown'
      return {
        title: headline ?? 'Untitled article',
        subtitle: [publisher, date, dateline].filter(Boolean).join(' · '),
      }
    },
  },
})
