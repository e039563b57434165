import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {
  sourcedNews,
  sourcedNewsDefaultDocumentNode,
  sourcedNewsStructure,
} from 'sanity-plugin-sourced-news'
import {resolveStudioTarget, studioTargetOptions} from './studio/localMode.ts'

/** The environment the Studio is configured from (only SANITY_STUDIO_* reaches the browser bundle). */
export interface StudioConfigEnv {
  SANITY_STUDIO_PROJECT_ID?: string | undefined
  SANITY_STUDIO_DATASET?: string | undefined
  /** Local mode (no project id): the local lake's URL and the local editor's token. */
  SANITY_STUDIO_LAKE_URL?: string | undefined
  SANITY_STUDIO_LAKE_TOKEN?: string | undefined
}

/** The Studio configuration as a function of the environment alone. */
export function createStudioConfig(env: StudioConfigEnv) {
  return defineConfig({
    name: 'default',
    title: 'Sourced news',
    // projectId and dataset; without a project id also the local lake, its editor signed in and no
    // login screen (studio/localMode.ts).
    ...studioTargetOptions(
      resolveStudioTarget({
        projectId: env.SANITY_STUDIO_PROJECT_ID,
        dataset: env.SANITY_STUDIO_DATASET,
        lakeUrl: env.SANITY_STUDIO_LAKE_URL,
        lakeToken: env.SANITY_STUDIO_LAKE_TOKEN,
      }),
    ),
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
})
