/** The document types of the model. */
export const DOCUMENT_TYPE_NAMES = ['article', 'claim', 'person', 'place', 'organization'] as const

export type SourcedNewsDocumentType = (typeof DOCUMENT_TYPE_NAMES)[number]

/** Options of the `sourcedNews` plugin. */
export interface SourcedNewsOptions {
  /**
   * The document types to register. The object types they use (claimSource, role,
   * importProvenance, claimRef, mention) come along; a reference to a type left out loses that
   * target, and a field (or annotation) left with no target at all is left out, so the schema
   * still compiles: `['person', 'place', 'organization']` gives an entity register on its own.
   *
   * @defaultValue `['article', 'claim', 'person', 'place', 'organization']`
   */
  documentTypes?: readonly SourcedNewsDocumentType[]
  /**
   * Contribute a Structure tool of its own with the editors' desk (Articles; Claims with "Claims
   * needing review" first and "By source kind"; People; Places; Organizations) and the "Referenced
   * by" view on articles, people, places and organizations. Leave it off when the Studio
   * composes `sourcedNewsStructure` into its own `structureTool`; pass `{name, title}` to name the
   * tool (two tools may not share a name).
   *
   * @defaultValue `false`
   */
  structureTool?: boolean | {name?: string; title?: string}
}

/** The options with every default applied. */
export interface ResolvedSourcedNewsOptions {
  documentTypes: readonly SourcedNewsDocumentType[]
  structureTool: false | {name: string; title: string}
}

/** The defaults, in one place. */
export const DEFAULT_SOURCED_NEWS_OPTIONS = {
  documentTypes: DOCUMENT_TYPE_NAMES,
  structureTool: false,
} as const satisfies Required<SourcedNewsOptions>

/** Name and title of the plugin's own Structure tool when `structureTool: true`. */
export const DEFAULT_STRUCTURE_TOOL = {name: 'sourced-news', title: 'Sourced news'} as const

/** Merges `options` over the defaults; an unknown document type is a configuration error. */
export function resolveSourcedNewsOptions(
  options: SourcedNewsOptions | void,
): ResolvedSourcedNewsOptions {
  const merged = {...DEFAULT_SOURCED_NEWS_OPTIONS, ...(options ?? {})}
  const unknown = merged.documentTypes.filter(
    (type) => !(DOCUMENT_TYPE_NAMES as readonly string[]).includes(type),
  )
  if (unknown.length > 0) {
    throw new Error(
      `sourcedNews: unknown document type ${unknown.map((t) => `"${t}"`).join(', ')}; expected some of ${DOCUMENT_TYPE_NAMES.join(', ')}`,
    )
  }
  const tool = merged.structureTool
  return {
    documentTypes: [...new Set(merged.documentTypes)],
    structureTool:
      tool === false ? false : {...DEFAULT_STRUCTURE_TOOL, ...(tool === true ? {} : tool)},
  }
}
