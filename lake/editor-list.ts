// The `NAME=TOKEN` editor lists the lake and the local-mode Studio are both configured with. Pure
// (no Node modules), so the Studio bundle can read the same list the lake was given.

export interface EditorConfig {
  name: string
  token: string
}

/** `NAME=TOKEN` (the `--editor` option; the token is everything after the last `=`). */
export function parseEditor(text: string): EditorConfig {
  const split = text.lastIndexOf('=')
  const name = text.slice(0, split).trim()
  const token = text.slice(split + 1).trim()
  if (split < 0 || !name || !token)
    throw new Error(`an editor is given as NAME=TOKEN, not "${text}"`)
  if (/[,\n]/.test(name)) throw new Error(`an editor's name may not contain a comma: "${name}"`)
  return {name, token}
}

/** A comma-separated list of `NAME=TOKEN` (`LAKE_EDITORS`, `SANITY_STUDIO_LOCAL_EDITORS`). */
export function parseEditorList(text: string | undefined): EditorConfig[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(parseEditor)
}

/** The list back as one string, for the environment of a child process. */
export function formatEditorList(editors: EditorConfig[]): string {
  return editors.map(({name, token}) => `${name}=${token}`).join(',')
}
