import {defineConfig, defineType, prepareConfig, type Schema} from 'sanity'
import {structureTool} from 'sanity/structure'
import {describe, expect, it} from 'vitest'
import studioConfig from '../../sanity.config.ts'
import {
  DEFAULT_SOURCED_NEWS_OPTIONS,
  resolveSourcedNewsOptions,
  sourcedNews,
  type SourcedNewsOptions,
} from '../../schemas/index.ts'

/** A type of the other Studio's own, to prove the plugin composes with, not replaces, its schema. */
const pressRelease = defineType({
  name: 'pressRelease',
  title: 'Press release',
  type: 'document',
  fields: [
    {name: 'title', type: 'string'},
    {name: 'issuedBy', type: 'reference', to: [{type: 'organization'}]},
  ],
})

/** The first workspace of `config`, resolved the way a Studio resolves it. */
function workspaceOf(config: ReturnType<typeof defineConfig>) {
  const [workspace] = prepareConfig(config).workspaces
  if (!workspace) throw new Error('no workspace')
  return workspace
}

interface PluginLike {
  tools?: {name: string}[]
  plugins?: PluginLike[]
}

/** Names of the tools a config's plugins contribute, nested plugins included, in order. */
function toolsOf(config: {plugins?: unknown}): string[] {
  const walk = (plugins: PluginLike[] = []): string[] =>
    plugins.flatMap((plugin) => [
      ...(plugin.tools ?? []).map((tool) => tool.name),
      ...walk(plugin.plugins),
    ])
  return walk(config.plugins as PluginLike[])
}

function problemsOf(schema: Schema): string[] {
  return (schema._validation ?? []).flatMap((group) =>
    group.problems.map(
      (p) => `${p.severity} ${group.path.map((segment) => segment.name).join('.')}: ${p.message}`,
    ),
  )
}

/** A second Studio, unlike ours: another project, dataset and name, its own type and tools. */
function newsroomConfig(options?: SourcedNewsOptions) {
  return defineConfig({
    name: 'newsroom',
    title: 'Newsroom',
    projectId: 'newsroom1',
    dataset: 'staging',
    basePath: '/newsroom',
    schema: {types: [pressRelease]},
    plugins: [structureTool(), sourcedNews(options)],
  })
}

const TYPE_NAMES = [
  'article',
  'claim',
  'person',
  'place',
  'organization',
  'claimSource',
  'role',
  'importProvenance',
  'claimRef',
  'mention',
]

describe('the sourcedNews plugin', () => {
  it('installs in another Studio in one line, and that schema compiles with zero problems', () => {
    const {schema} = workspaceOf(newsroomConfig())
    expect(problemsOf(schema)).toEqual([])
    for (const name of [...TYPE_NAMES, 'pressRelease'])
      expect({name, present: schema.has(name)}).toEqual({name, present: true})
  })

  it("registers the same types in this project's Studio, whose schema also compiles cleanly", () => {
    const workspace = workspaceOf(studioConfig)
    expect(problemsOf(workspace.schema)).toEqual([])
    expect(TYPE_NAMES.every((name) => workspace.schema.has(name))).toBe(true)
    expect(toolsOf(studioConfig)).toEqual(['structure', 'vision'])
  })

  it('registers only the chosen document types, dropping references to the others so the schema still compiles', () => {
    const {schema} = workspaceOf(
      newsroomConfig({documentTypes: ['person', 'place', 'organization']}),
    )
    expect(problemsOf(schema)).toEqual([])
    for (const name of ['article', 'claim', 'claimRef'])
      expect({name, present: schema.has(name)}).toEqual({name, present: false})
    for (const name of ['person', 'place', 'organization', 'role', 'claimSource'])
      expect(schema.has(name)).toBe(true)
  })

  it('keeps a reference field with its remaining targets when only some are registered', () => {
    const {schema} = workspaceOf(
      newsroomConfig({documentTypes: ['article', 'person', 'organization']}),
    )
    expect(problemsOf(schema)).toEqual([])
    const mention = schema.get('mention') as {
      fields: {name: string; type: {to: {name: string}[]}}[]
    }
    expect(mention.fields[0]!.type.to.map((t) => t.name)).toEqual(['person', 'organization'])
    // Place and organization are gone, and with them the article's dateline.
    const article = schema.get('article') as {fields: {name: string}[]}
    expect(article.fields.map((f) => f.name)).not.toContain('dateline')
    expect(article.fields.map((f) => f.name)).toContain('body')
  })

  it('contributes a Structure tool of its own only when asked, under a name that does not clash', () => {
    expect(toolsOf(newsroomConfig())).toEqual(['structure'])
    expect(toolsOf(newsroomConfig({structureTool: true}))).toEqual(['structure', 'sourced-news'])
    expect(toolsOf(newsroomConfig({structureTool: {name: 'desk'}}))).toEqual(['structure', 'desk'])
  })

  it('merges options over one set of defaults and rejects an unknown document type', () => {
    expect(resolveSourcedNewsOptions(undefined)).toEqual({
      documentTypes: DEFAULT_SOURCED_NEWS_OPTIONS.documentTypes,
      structureTool: false,
    })
    expect(
      resolveSourcedNewsOptions({structureTool: {title: 'Claims desk'}}).structureTool,
    ).toEqual({
      name: 'sourced-news',
      title: 'Claims desk',
    })
    expect(() =>
      resolveSourcedNewsOptions({documentTypes: ['person', 'tweet' as 'person']}),
    ).toThrow('sourcedNews: unknown document type "tweet"')
  })
})
