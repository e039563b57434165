// npm run lake -- [--port 3334] [--dataset production] [--dir PATH] [--token SECRET] [--editor "NAME=TOKEN"]… [--cors-origin URL]… [--query-timeout SECONDS]
// Serves the local datasets over Sanity's HTTP API until interrupted.
import {parseArgs} from 'node:util'
import {parseEditor, parseEditorList, type EditorConfig} from '../lake/editor-list.ts'
import {checkOrigin} from '../lake/origins.ts'
import {startLakeServer} from '../lake/server.ts'
import {checkDatasetName, DEFAULT_DATASET, localDir} from '../lake/target.ts'

/** Serves until SIGINT or SIGTERM; every way out sets process.exitCode and lets the output drain. */
async function main(): Promise<number> {
  let values
  let editors: EditorConfig[]
  try {
    ;({values} = parseArgs({
      options: {
        'port': {type: 'string', default: process.env.LAKE_PORT ?? '3334'},
        'dataset': {type: 'string', default: process.env.SANITY_DATASET || DEFAULT_DATASET},
        'dir': {type: 'string'},
        'token': {type: 'string', default: process.env.LAKE_TOKEN},
        'editor': {type: 'string', multiple: true, default: []},
        'cors-origin': {type: 'string', multiple: true, default: []},
        'query-timeout': {type: 'string', default: '60'},
      },
    }))
    values['cors-origin'].forEach(checkOrigin)
    // --editor wins over LAKE_EDITORS ("NAME=TOKEN,NAME=TOKEN"), as --token over LAKE_TOKEN.
    editors = values.editor.length
      ? values.editor.map(parseEditor)
      : parseEditorList(process.env.LAKE_EDITORS)
    if (!/^\d+(\.\d+)?$/.test(values['query-timeout']) || Number(values['query-timeout']) <= 0) {
      throw new Error(
        `--query-timeout must be a number of seconds, not "${values['query-timeout']}"`,
      )
    }
    checkDatasetName(values.dataset)
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535)
      throw new Error(`--port must be a port number, not "${values.port}"`)
  } catch (error) {
    console.error(`lake: ${(error as Error).message}`)
    return 2
  }

  const dir = localDir(values.dir)
  let server
  try {
    server = await startLakeServer({
      port: Number(values.port),
      dir,
      token: values.token,
      editors,
      datasets: [values.dataset],
      corsOrigins: values['cors-origin'],
      queryTimeoutMs: Number(values['query-timeout']) * 1000,
    })
  } catch (error) {
    console.error(`lake: cannot start: ${(error as Error).message}`)
    return 1
  }
  console.log(
    `Local Content Lake at ${server.url} (dataset "${values.dataset}" in ${dir}${values.token || editors.length ? ', token required for writes and drafts' : ''})`,
  )
  if (editors.length) console.log(`Editors: ${editors.map((editor) => editor.name).join(', ')}`)
  console.log(
    `@sanity/client: {apiHost: '${server.url}', useProjectHostname: false, projectId: 'local', dataset: '${values.dataset}'}`,
  )

  await new Promise((stopped) => {
    process.once('SIGINT', stopped)
    process.once('SIGTERM', stopped)
  })
  await server.close()
  return 0
}

process.exitCode = await main()
