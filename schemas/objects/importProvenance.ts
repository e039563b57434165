import {DatabaseIcon} from '@sanity/icons/Database'
import {defineArrayMember, defineField, defineType, type ObjectDefinition} from 'sanity'

/** Where an imported article came from, so a re-import can tell "same text" from "new text". */
export const importProvenance = defineType({
  name: 'importProvenance',
  title: 'Import provenance',
  type: 'object',
  icon: DatabaseIcon,
  fields: [
    defineField({
      name: 'sourceFile',
      title: 'Source file',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'sha256',
      title: 'SHA-256 of the raw text',
      type: 'string',
      validation: (rule) =>
        rule.required().regex(/^[0-9a-f]{64}$/, {name: 'lowercase hex SHA-256 digest'}),
    }),
    defineField({
      name: 'importerVersion',
      title: 'Importer version',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'importedAt',
      title: 'Imported at',
      type: 'datetime',
      description: 'Absent when the importer keeps its output byte-identical across runs',
    }),
    defineField({
      name: 'strippedLines',
      title: 'Lines stripped as page noise',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
    }),
  ],
  preview: {
    select: {
      sourceFile: 'sourceFile',
      importedAt: 'importedAt',
      importerVersion: 'importerVersion',
    },
    prepare({sourceFile, importedAt, importerVersion}) {
      return {
        title: sourceFile ?? 'Unknown source file',
        subtitle: [importerVersion && `importer ${importerVersion}`, importedAt]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})

/** The definition `type: 'importProvenance'` stands for in defineField. */
export interface ImportProvenanceDefinition extends Omit<
  ObjectDefinition,
  'type' | 'fields' | 'options'
> {
  type: 'importProvenance'
}

declare module 'sanity' {
  interface IntrinsicDefinitions {
    importProvenance: ImportProvenanceDefinition
  }
}
