// Runs every benchmark suite in bench/ in a fixed order and prints their reports.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const suites = ['import', 'lake', 'queries']
const only = process.argv.slice(2)

for (const name of suites) {
  if (only.length && !only.includes(name)) continue
  const file = fileURLToPath(new URL(`../bench/${name}.ts`, import.meta.url))
  if (!existsSync(file)) continue
  const suite = (await import(file)) as {run: () => Promise<void>}
  console.log(`\n## ${name}`)
  await suite.run()
}
