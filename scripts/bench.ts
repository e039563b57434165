// Runs every benchmark suite in bench/ in a fixed order and prints their reports.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

// `npm run bench -- extraction GIT_DIR`: arguments that are not suite names go to the suites.
const suites = ['import', 'batch', 'extraction', 'lake', 'history', 'queries']
const only = process.argv.slice(2).filter((a) => suites.includes(a))
const rest = process.argv.slice(2).filter((a) => !suites.includes(a))

for (const name of suites) {
  if (only.length && !only.includes(name)) continue
  const file = fileURLToPath(new URL(`../bench/${name}.ts`, import.meta.url))
  if (!existsSync(file)) continue
  const suite = (await import(file)) as {run: (args?: string[]) => Promise<void>}
  console.log(`\n## ${name}`)
  await suite.run(rest)
}
