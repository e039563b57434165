// npm run query -- [NAME [--param key=value ...]] [--dataset NAME] [--dir PATH]
// Prints a frontend query's result as JSON, from the dataset the environment points at; for a paged
// list, where the page stands ("items 1–20 of 137 (page 1 of 7)") on stderr, from its count query.
import {openTarget} from '../lake/target.ts'
import {
  QueryUsageError,
  countQueryFor,
  describePage,
  queryCatalogue,
  resolveQuery,
} from '../queries/index.ts'

const usage = 'usage: npm run query -- NAME [--param key=value ...] [--dataset NAME] [--dir PATH]'

function parseArgs(argv: string[]): {
  name?: string
  params: Record<string, unknown>
  dataset?: string
  dir?: string
} {
  let name: string | undefined
  let dataset: string | undefined
  let dir: string | undefined
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
    } else if (arg === '--dir') {
      dir = argv[++i]
      if (!dir) throw new QueryUsageError(`--dir needs a folder; ${usage}`)
    } else if (arg.startsWith('-')) {
      throw new QueryUsageError(`unknown option ${arg}; ${usage}`)
    } else if (name === undefined) {
      name = arg
    } else {
      throw new QueryUsageError(`one query at a time (got "${name}" and "${arg}"); ${usage}`)
    }
  }
  if (!name && Object.keys(params).length)
    throw new QueryUsageError(`--param without a query name; ${usage}`)
  return {name, params, dataset, dir}
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
  const {name, params, dataset, dir} = parseArgs(process.argv.slice(2))
  if (name === undefined) {
    // No name: the list of queries and what each takes, on stdout (it is what was asked for).
    process.stdout.write(`${queryCatalogue()}\n\n${usage}\n`)
  } else {
    await run(name, params, dataset, dir)
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`query: ${message.split('\n')[0]}\n`)
  process.exitCode = 1
}

async function run(
  name: string,
  params: Record<string, unknown>,
  dataset?: string,
  dir?: string,
): Promise<void> {
  const resolved = resolveQuery(name, params)
  const target = await openTarget({dataset, dir})
  try {
    const result = await target.fetch(resolved.query, resolved.params)
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    const count = countQueryFor(resolved.name, resolved.params)
    if (count && Array.isArray(result)) {
      const total = await target.fetch<number>(count.query, count.params)
      const {offset, limit} = resolved.params as {offset: number; limit: number}
      process.stderr.write(
        `${resolved.name}: ${describePage(result.length, offset, limit, total)}\n`,
      )
    }
  } finally {
    await target.close()
  }
}
