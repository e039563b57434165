import {definePlugin, type Plugin} from 'sanity'
import {structureTool} from 'sanity/structure'
import {claimReviewActions} from './actions/reviewClaim.ts'
import {importDoubtBadges} from './badges/importDoubtBadge.ts'
import {pruneReferences} from './pruneReferences.ts'
import {documentTypes, objectTypes} from './schemaTypes.ts'
import {createSourcedNewsStructure, sourcedNewsDefaultDocumentNode} from './structure.ts'
import {resolveSourcedNewsOptions, type SourcedNewsOptions} from './types.ts'

/**
 * The sourced-news content model: articles, attributed claims and their sources (people, places,
 * organizations). Install it in any Studio with `plugins: [sourcedNews()]`.
 */
export const sourcedNews: Plugin<SourcedNewsOptions | void> =
  definePlugin<SourcedNewsOptions | void>((options) => {
    const resolved = resolveSourcedNewsOptions(options)
    const registered = documentTypes.filter((type) =>
      (resolved.documentTypes as readonly string[]).includes(type.name),
    )
    const types =
      registered.length === documentTypes.length
        ? [...documentTypes, ...objectTypes]
        : pruneReferences([...registered, ...objectTypes])
    return {
      name: 'sanity-plugin-sourced-news',
      schema: {types},
      document: {actions: claimReviewActions, badges: importDoubtBadges},
      plugins: resolved.structureTool
        ? [
            structureTool({
              ...resolved.structureTool,
              structure: createSourcedNewsStructure(resolved.documentTypes),
              defaultDocumentNode: sourcedNewsDefaultDocumentNode,
            }),
          ]
        : [],
    }
  })
