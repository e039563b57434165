import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {
  sourcedNews,
  sourcedNewsDefaultDocumentNode,
  sourcedNewsStructure,
} from 'sanity-plugin-sourced-news'
import {editorChooserLayout} from './studio/EditorChooser.tsx'
import {resolveStudioTarget, studioTargetOptions} from './studio/localMode.ts'

/** The environment the Studio is configured from (only SANITY_STUDIO_* reaches the browser bundle). */
export interface StudioConfigEnv {
  SANITY_STUDIO_PROJECT_ID?: string | undefined
  SANITY_STUDIO_DATASET?: string | undefined
  /** Local mode (no project id): the local lake's URL and the local editor's token. */
  SANITY_STUDIO_LAKE_URL?: string | undefined
  SANITY_STUDIO_LAKE_TOKEN?: string | undefined
  /** Local mode with several editors: `NAME=TOKEN,…`, and optionally which one this Studio is. */
  SANITY_STUDIO_LOCAL_EDITORS?: string | undefined
  SANITY_STUDIO_LOCAL_EDITOR?: string | undefined
}

/** The Studio configuration as a function of the environment alone. */
export function createStudioConfig(env: StudioConfigEnv) {
  const target = resolveStudioTarget({
    projectId: env.SANITY_STUDIO_PROJECT_ID,
    dataset: env.SANITY_STUDIO_DATASET,
    lakeUrl: env.SANITY_STUDIO_LAKE_URL,
    lakeToken: env.SANITY_STUDIO_LAKE_TOKEN,
    editors: env.SANITY_STUDIO_LOCAL_EDITORS,
    editor: env.SANITY_STUDIO_LOCAL_EDITOR,
  })
  // Several editors and none named: the Studio asks which one you are (studio/EditorChooser.tsx).
  const askEditor = target.mode === 'local' && (target.editors?.length ?? 0) > 1 && !target.editor
  return defineConfig({
    name: 'default',
    title: 'Sourced news',
    // projectId and dataset; without a project id also the local lake, its editor signed in and no
    // login screen (studio/localMode.ts).
    ...studioTargetOptions(target),
    ...(askEditor ? {studio: {components: {layout: editorChooserLayout(target)}}} : {}),
    plugins: [
      sourcedNews(),
      structureTool({
        structure: sourcedNewsStructure,
        defaultDocumentNode: sourcedNewsDefaultDocumentNode,
      }),
      visionTool({defaultApiVersion: '2025-02-19'}),
    ],
  })
}

export default createStudioConfig({
  SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID,
  SANITY_STUDIO_DATASET: process.env.SANITY_STUDIO_DATASET,
  SANITY_STUDIO_LAKE_URL: process.env.SANITY_STUDIO_LAKE_URL,
  SANITY_STUDIO_LAKE_TOKEN: process.env.SANITY_STUDIO_LAKE_TOKEN,
  SANITY_STUDIO_LOCAL_EDITORS: process.env.SANITY_STUDIO_LOCAL_EDITORS,
  SANITY_STUDIO_LOCAL_EDITOR: process.env.SANITY_STUDIO_LOCAL_EDITOR,
})
