import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {defineField, defineType, type ObjectDefinition} from 'sanity'
import {ClaimAnnotation} from '../components/BodyAnnotations.tsx'

/**
 * Portable Text annotation on the span that carries a claim's statement. The reference is weak so
 * that a rejected claim can be deleted without first editing every article that marks it.
 */
export const claimRef = defineType({
  name: 'claimRef',
  title: 'Claim',
  type: 'object',
  components: {annotation: ClaimAnnotation},
  icon: BlockquoteIcon,
  fields: [
    defineField({
      name: 'claim',
      title: 'Claim',
      type: 'reference',
      to: [{type: 'claim'}],
      weak: true,
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {
    select: {statement: 'claim.statement'},
    prepare({statement}) {
      return {title: statement ?? 'Claim'}
    },
  },
})

/** The definition `type: 'claimRef'` stands for in a block's annotations. */
export interface ClaimRefDefinition extends Omit<ObjectDefinition, 'type' | 'fields' | 'options'> {
  type: 'claimRef'
}

declare module 'sanity' {
  interface IntrinsicDefinitions {
    claimRef: ClaimRefDefinition
  }
}
