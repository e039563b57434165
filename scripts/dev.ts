// npm run dev [-- --port 3333] [--lake-port 3334] [--dataset NAME] [--dir PATH] [--editor "NAME=TOKEN"]…
// Without SANITY_PROJECT_ID: the local Content Lake (reused if one already answers on --lake-port)
// plus the Studio dev server wired to it, no login. With SANITY_PROJECT_ID: the Studio for that project.
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {formatEditorList, parseEditor} from '../lake/editor-list.ts'
import {startLakeServer} from '../lake/server.ts'
import {checkDatasetName, localDir} from '../lake/target.ts'
import {startDevStudio} from '../studio/devStudio.ts'

/** Runs until the Studio exits or SIGINT / SIGTERM; every way out sets process.exitCode. */
async function main(): Promise<number> {
  let values
  try {
    ;({values} = parseArgs({
      options: {
        'port': {type: 'string', default: process.env.STUDIO_PORT ?? '3333'},
        'lake-port': {type: 'string', default: process.env.LAKE_PORT ?? '3334'},
        'dataset': {type: 'string'},
        'dir': {type: 'string'},
        // One per editor; the Studio then asks which one you are (or SANITY_STUDIO_LOCAL_EDITOR says).
        'editor': {type: 'string', multiple: true, default: []},
      },
    }))
    for (const name of ['port', 'lake-port'] as const) {
      if (!/^\d+$/.test(values[name]) || Number(values[name]) > 65535)
        throw new Error(`--${name} must be a port number, not "${values[name]}"`)
    }
    if (values.port === values['lake-port']) throw new Error('--port and --lake-port must differ')
    if (values.dataset !== undefined) checkDatasetName(values.dataset)
    values.editor.forEach(parseEditor)
  } catch (error) {
    console.error(`dev: ${(error as Error).message}`)
    return 2
  }

  let studio
  try {
    studio = await startDevStudio({
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      // --dataset is the Studio's dataset, as SANITY_DATASET would be.
      env: {
        ...process.env,
        ...(values.dataset ? {SANITY_STUDIO_DATASET: values.dataset} : {}),
        ...(values.editor.length
          ? {SANITY_STUDIO_LOCAL_EDITORS: formatEditorList(values.editor.map(parseEditor))}
          : {}),
      },
      port: Number(values.port),
      lakePort: Number(values['lake-port']),
      lakeDir: localDir(values.dir),
      startLake: ({dataset, ...options}) => startLakeServer({...options, datasets: [dataset]}),
    })
  } catch (error) {
    console.error(`dev: cannot start: ${(error as Error).message}`)
    return 1
  }
  const signalled = new Promise<number>((stopped) => {
    process.once('SIGINT', () => stopped(0))
    process.once('SIGTERM', () => stopped(0))
  })
  const code = await Promise.race([studio.exited.then((exited) => exited ?? 0), signalled])
  await studio.stop()
  return code
}

process.exitCode = await main()
