import {defineConfig} from '@sanity/pkg-utils'

// Built as Sanity's own plugins are: ESM with bundled type declarations, `sanity` and React left to the Studio.
// The plugin's exports carry no TSDoc release tags (@public/@beta): those checks are off.
export default defineConfig({
  dist: 'dist',
  tsconfig: 'tsconfig.dist.json',
  babel: {styledComponents: false}, // the plugin styles nothing itself: @sanity/ui does
  // Types are checked by the project's own `tsc --noEmit`; the declaration build need not do it again.
  extract: {
    checkTypes: false,
    rules: {'ae-missing-release-tag': 'off', 'ae-incompatible-release-tags': 'off'},
  },
})
