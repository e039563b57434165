import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType, type ObjectDefinition} from 'sanity'
import {MentionAnnotation} from '../components/BodyAnnotations.tsx'

/** Portable Text annotation on a span that names a person, place or organization. */
export const mention = defineType({
  name: 'mention',
  title: 'Mention',
  type: 'object',
  components: {annotation: MentionAnnotation},
  icon: TagIcon,
  fields: [
    defineField({
      name: 'entity',
      title: 'Entity',
      type: 'reference',
      to: [{type: 'person'}, {type: 'place'}, {type: 'organization'}],
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {
    select: {name: 'entity.name'},
    prepare({name}) {
      return {title: name ?? 'Mention'}
    },
  },
})

/** The definition `type: 'mention'` stands for in a block's annotations. */
export interface MentionDefinition extends Omit<ObjectDefinition, 'type' | 'fields' | 'options'> {
  type: 'mention'
}

declare module 'sanity' {
  interface IntrinsicDefinitions {
    mention: MentionDefinition
  }
}
