// A batch import of invented pages (tests/import/generated.ts) into a fresh local dataset, as
// `npm run import -- DIR/*.txt` runs it: wall time, pages a second and the import process's peak
// resident memory (GNU time's %M), which stays flat as the batch grows because pages are spooled to
// disk, not held. `npm run bench -- batch 10000` for a bigger batch (sizes are the numeric arguments).
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeGeneratedPages} from '../tests/import/generated.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const GNU_TIME = '/usr/bin/time'

export async function run(args: string[] = []): Promise<void> {
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number)
  if (!existsSync(GNU_TIME))
    console.log(`  (peak memory not measured: ${GNU_TIME} is absent; apt-get install time)`)
  // Inside the project (.tmp-*, ignored by git): the pages and the dataset of a 10k batch take ~100 MB.
  const work = mkdtempSync(join(ROOT, '.tmp-bench-batch-'))
  try {
    for (const size of sizes.length ? sizes : [1, 1000]) {
      const pages = writeGeneratedPages(join(work, `pages-${size}`), size)
      const stats = join(work, `time-${size}.txt`)
      const importArgs = [
        join(ROOT, 'node_modules/.bin/tsx'),
        join(ROOT, 'scripts/import.ts'),
        ...pages,
        '--dir',
        join(work, `lake-${size}`),
      ]
      const started = performance.now()
      const [command, ...rest] = existsSync(GNU_TIME)
        ? [GNU_TIME, '-f', '%M', '-o', stats, ...importArgs]
        : importArgs
      execFileSync(command!, rest, {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'ignore'],
        env: {...process.env, SANITY_PROJECT_ID: '', LAKE_DIR: ''},
        maxBuffer: 1 << 30,
      })
      const seconds = (performance.now() - started) / 1000
      const peak = existsSync(stats)
        ? `${Math.round(Number(readFileSync(stats, 'utf8').trim().split('\n').at(-1)) / 1024)} MB peak RSS`
        : ''
      console.log(
        `import of ${size} pages (new dataset): ${seconds.toFixed(1)} s, ${(size / seconds).toFixed(0)} pages/s${peak ? `, ${peak}` : ''}`,
      )
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}
