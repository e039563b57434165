import {defineCliConfig} from 'sanity/cli'

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

// Only SANITY_STUDIO_* variables reach the Studio bundle: let the project settings the import and the
// query CLI read (SANITY_PROJECT_ID, SANITY_DATASET) configure `sanity dev` and `sanity build` too.
for (const [studioName, name] of [
  ['SANITY_STUDIO_PROJECT_ID', 'SANITY_PROJECT_ID'],
  ['SANITY_STUDIO_DATASET', 'SANITY_DATASET'],
] as const) {
  const value = nonEmpty(process.env[name])
  // Assigning undefined to process.env would store the string "undefined".
  if (value && !nonEmpty(process.env[studioName])) process.env[studioName] = value
}

export default defineCliConfig({
  api: {
    projectId:
      nonEmpty(process.env.SANITY_STUDIO_PROJECT_ID) ??
      nonEmpty(process.env.SANITY_PROJECT_ID) ??
      'local',
    dataset:
      nonEmpty(process.env.SANITY_STUDIO_DATASET) ??
      nonEmpty(process.env.SANITY_DATASET) ??
      'production',
  },
  // The Studio is built and served from this repository; never load it from Sanity's CDN.
  deployment: {autoUpdates: false},
  // The plugin is the workspace package `sanity-plugin-sourced-news` (schemas/), imported by name.
  // tsconfig.json's `paths` maps the name to its TypeScript, so this Studio runs what is in schemas/
  // now, not the last build; a Studio that installs the package gets `dist/`.
  vite: {resolve: {tsconfigPaths: true}},
  typegen: {
    path: ['./queries/**/*.ts', './reader/**/*.{ts,tsx}', './scripts/**/*.ts'],
    schema: './schema.json',
    generates: './sanity.types.ts',
    overloadClientMethods: true,
  },
})
