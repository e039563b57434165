import {UserIcon} from '@sanity/icons/User'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {doubtFlag} from '../doubts.ts'
import {aliasesField, importDoubtsField, sameAsField, slugField} from '../fields.ts'

interface RoleValue {
  title?: string
  from?: string
  to?: string
}

/** How many roles' organizations the preview dereferences (preview selections take fixed paths). */
const PREVIEW_ROLES = 5

/**
 * The index of the role to show: a current one (no end date) before an ended one, then the most
 * recent start; the last listed when none is dated.
 */
export function latestRoleIndex(roles: readonly RoleValue[] | undefined): number {
  if (!roles?.length) return -1
  let best = roles.length - 1
  const rank = (r: RoleValue) => `${r.to ? '0' : '1'}${r.to ?? ''}${r.from ?? ''}`
  roles.forEach((r, i) => {
    if (rank(r) > rank(roles[best]!)) best = i
  })
  return best
}

/** A person a claim can be attributed to or about. */
export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    slugField('name'),
    aliasesField(),
    defineField({
      name: 'roles',
      title: 'Roles',
      type: 'array',
      description: 'Dated positions: the role at the time of a statement may differ from today',
      of: [defineArrayMember({type: 'role'})],
    }),
    defineField({
      name: 'nationality',
      title: 'Nationality',
      type: 'reference',
      to: [{type: 'place'}],
      // Weak: entity links may point at an entity another import creates (the importer writes _weak).
      weak: true,
    }),
    defineField({name: 'description', title: 'Description', type: 'text', rows: 3}),
    sameAsField(),
    importDoubtsField(),
  ],
  preview: {
    select: {
      name: 'name',
      roles: 'roles',
      importDoubts: 'importDoubts',
      ...Object.fromEntries(
        Array.from({length: PREVIEW_ROLES}, (_, i) => [
          `organization${i}`,
          `roles.${i}.organization.name`,
        ]),
      ),
    },
    prepare({name, roles, importDoubts, ...organizations}) {
      const index = latestRoleIndex(roles as RoleValue[] | undefined)
      const latest = index >= 0 ? (roles as RoleValue[])[index] : undefined
      const organization = (organizations as Record<string, string | undefined>)[
        `organization${index}`
      ]
      return {
        title: name ?? 'Unnamed person',
        subtitle:
          [
            doubtFlag({importDoubts: importDoubts as string[] | undefined}),
            latest ? [latest.title, organization].filter(Boolean).join(', ') : undefined,
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
      }
    },
  },
})
