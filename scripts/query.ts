// npm run query -- NAME [--param key=value ...] [--dataset NAME]
// Prints a frontend query's result as JSON, from the dataset the environment points at.
import {openTarget} from '../lake/target.ts'
import {QueryUsageError, resolveQuery} from '../queries/index.ts'

const usage = 'usage: npm run query -- NAME [--param key=value ...] [--dataset NAME]'

function parseArgs(argv: string[]): {name: string; params: Record<string, unknown>; dataset?: string} {
  let name: string | undefined
  let dataset: string | undefined
  const params: Record<string, unknown> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--param' || arg.startsWith('--param=')) {
      const pair = arg === '--param' ? argv[++i] : arg.slice('--param='.length)
      const at = pair?.indexOf('=') ?? -1
      if (!pair || at < 1) throw new QueryUsageError(`--param needs key=value; ${usage}`)
      params[pair.slice(0, at)] = parseValue(pair.slice(at + 1))
    } else if (arg === '--dataset') {
      dataset = argv[++i]
      if (!dataset) throw new QueryUsageError(`--dataset needs a name; ${usage}`)
    } else if (arg.startsWith('-')) {
      throw new QueryUsageError(`unknown option ${arg}; ${usage}`)
    } else if (name === undefined) {
      name = arg
    } else {
      throw new QueryUsageError(`one query at a time (got "${name}" and "${arg}"); ${usage}`)
    }
  }
  if (!name) throw new QueryUsageError(`no query named; ${usage}`)
  return {name, params, dataset}
}

/** JSON when it parses (numbers, null, true, quoted strings), the text itself otherwise. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

try {
  const {name, params, dataset} = parseArgs(process.argv.slice(2))
  const resolved = resolveQuery(name, params)
  const target = await openTarget({dataset})
  try {
    const result = await target.fetch(resolved.query, resolved.params)
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } finally {
    await target.close()
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`query: ${message.split('\n')[0]}\n`)
  process.exitCode = 1
}
