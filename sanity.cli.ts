import {defineCliConfig} from 'sanity/cli'

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

export default defineCliConfig({
  api: {
    projectId: nonEmpty(process.env.SANITY_STUDIO_PROJECT_ID) ?? nonEmpty(process.env.SANITY_PROJECT_ID) ?? 'local',
    dataset: nonEmpty(process.env.SANITY_STUDIO_DATASET) ?? nonEmpty(process.env.SANITY_DATASET) ?? 'production',
  },
  // The Studio is built and served from this repository; never load it from Sanity's CDN.
  deployment: {autoUpdates: false},
  typegen: {
    path: ['./queries/**/*.ts', './reader/**/*.{ts,tsx}', './scripts/**/*.ts'],
    schema: './schema.json',
    generates: './sanity.types.ts',
    overloadClientMethods: true,
  },
})
