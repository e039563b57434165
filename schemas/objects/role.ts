import {CaseIcon} from '@sanity/icons/Case'
import {defineField, defineType, type ObjectDefinition} from 'sanity'
import {checkDateOrder} from '../validation.ts'

/**
 * A position a person held. Dated, because the role at the time of a statement ("then foreign
 * minister") often differs from today's.
 */
export const role = defineType({
  name: 'role',
  title: 'Role',
  type: 'object',
  icon: CaseIcon,
  // "Ali Vaez of the International Crisis Group" is a role without a title: one of the two will do.
  validation: (rule) =>
    rule.custom((value: {title?: string; organization?: unknown} | undefined) =>
      !value || value.title?.trim() || value.organization
        ? true
        : 'A role needs a title or an organization',
    ),
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description:
        'As the article gives it, e.g. "Iran project director"; may be empty for a plain affiliation',
    }),
    defineField({
      name: 'organization',
      title: 'Organization',
      type: 'reference',
      to: [{type: 'organization'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
    }),
    defineField({name: 'from', title: 'From', type: 'date'}),
    defineField({
      name: 'to',
      title: 'To',
      type: 'date',
      description: 'Empty while the role is held',
      validation: (rule) =>
        rule.custom((to, context) =>
          checkDateOrder((context.parent as {from?: string} | undefined)?.from, to),
        ),
    }),
  ],
  preview: {
    select: {title: 'title', organization: 'organization.name', from: 'from', to: 'to'},
    prepare({title, organization, from, to}) {
      const years = from || to ? `${from?.slice(0, 4) ?? '…'}–${to?.slice(0, 4) ?? ''}` : undefined
      return {
        title: title ?? organization ?? 'Untitled role',
        subtitle: [organization, years].filter(Boolean).join(' · '),
      }
    },
  },
})

/** The definition `type: 'role'` stands for in defineField/defineArrayMember. */
export interface RoleDefinition extends Omit<ObjectDefinition, 'type' | 'fields' | 'options'> {
  type: 'role'
}

declare module 'sanity' {
  interface IntrinsicDefinitions {
    role: RoleDefinition
  }
}
