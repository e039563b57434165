// npm run reader -- [--port N] [--host H] [--dataset NAME] [--dir PATH]
// Serves the read-only reader site from the dataset the environment points at.
import {openTarget} from '../lake/target.ts'
import {startReader} from '../reader/index.ts'

const usage = 'usage: npm run reader -- [--port N] [--host H] [--dataset NAME] [--dir PATH]'

function parseArgs(argv: string[]) {
  const options: {port: number; host: string; dataset?: string; dir?: string} = {
    port: 3333,
    host: '127.0.0.1',
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`${flag} needs a value; ${usage}`)
    if (flag === '--port') {
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new Error(`--port must be 0 to 65535, not "${value}"; ${usage}`)
      options.port = port
    } else if (flag === '--host') options.host = value
    else if (flag === '--dataset') options.dataset = value
    else if (flag === '--dir') options.dir = value
    else throw new Error(`unknown option ${flag}; ${usage}`)
  }
  return options
}

try {
  const options = parseArgs(process.argv.slice(2))
  const target = await openTarget({dataset: options.dataset, dir: options.dir})
  const reader = await startReader({port: options.port, host: options.host, target})
  console.log(`Reader for ${target.description} at ${reader.url}`)
  // Until SIGINT or SIGTERM; then close and let the process end by itself (exitCode 0), output drained.
  await new Promise((stopped) => {
    process.once('SIGINT', stopped)
    process.once('SIGTERM', stopped)
  })
  await reader.close()
  await target.close()
} catch (error) {
  console.error(`reader: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  process.exitCode = 1
}
