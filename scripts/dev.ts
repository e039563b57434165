// npm run dev [-- --port 3333] [--lake-port 3334] [--dir .sanity/local]
// Without SANITY_PROJECT_ID: the local Content Lake (reused if one already answers on --lake-port)
// plus the Studio dev server wired to it, no login. With SANITY_PROJECT_ID: the Studio for that project.
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {startLakeServer} from '../lake/server.ts'
import {DEFAULT_LOCAL_DIR} from '../lake/target.ts'
import {startDevStudio} from '../studio/devStudio.ts'

let values
try {
  ;({values} = parseArgs({
    options: {
      port: {type: 'string', default: process.env.STUDIO_PORT ?? '3333'},
      'lake-port': {type: 'string', default: process.env.LAKE_PORT ?? '3334'},
      dir: {type: 'string', default: DEFAULT_LOCAL_DIR},
    },
  }))
  for (const name of ['port', 'lake-port'] as const) {
    if (!/^\d+$/.test(values[name]) || Number(values[name]) > 65535) throw new Error(`--${name} must be a port number, not "${values[name]}"`)
  }
  if (values.port === values['lake-port']) throw new Error('--port and --lake-port must differ')
} catch (error) {
  console.error(`dev: ${(error as Error).message}`)
  process.exit(2)
}

const studio = await startDevStudio({
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: process.env,
  port: Number(values.port),
  lakePort: Number(values['lake-port']),
  lakeDir: values.dir,
  startLake: ({dataset, ...options}) => startLakeServer({...options, datasets: [dataset]}),
}).catch((error: Error) => {
  console.error(`dev: cannot start: ${error.message}`)
  process.exit(1)
})

const stop = async () => {
  await studio.stop()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
process.exitCode = (await studio.exited) ?? 0
await studio.stop()
