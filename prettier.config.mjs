// Sanity's house style (@sanity/prettier-config) with one change for this codebase.
import sanity from '@sanity/prettier-config'

/** @type {import('prettier').Config} */
export default {
  ...sanity,
  // A template literal's text is output, not code: Prettier's formatting of embedded languages
  // re-flows the markup inside the reader's html`…` templates, which changes the pages it renders
  // (line breaks inside the text of a claim or a link).
  embeddedLanguageFormatting: 'off',
}
