// The plugin as another Studio gets it: `npm pack` of the workspace package, installed from the
// tarball into a scratch Studio in a temporary folder, which then validates its schema, type-checks
// its config against the shipped declarations and builds. The scratch Studio links the packages a
// Studio brings itself (sanity, react, styled-components, @sanity/ui, @sanity/icons) from this
// project's node_modules, so the install runs offline in seconds and only the tarball is new.
import {spawnSync} from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {PROJECT_ROOT, runSanity} from '../studio/sanityCli.ts'

const PLUGIN_DIR = join(PROJECT_ROOT, 'schemas')
const plugin = JSON.parse(readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8')) as {
  name: string
  version: string
  peerDependencies: Record<string, string>
}
/** What a Studio has of its own and the plugin expects to find there. */
const STUDIO_PACKAGES = [
  'sanity',
  'react',
  'react-dom',
  'styled-components',
  '@sanity/ui',
  '@sanity/icons',
]

const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1'},
  })
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}${result.stdout.slice(-2000)}`,
    )
  return result.stdout
}

const STUDIO_CONFIG = `import {defineConfig} from 'sanity'
import {sourcedNews, type SourcedNewsOptions} from '${plugin.name}'

const options: SourcedNewsOptions = {structureTool: true}
// @ts-expect-error the shipped types know the model's document types
const wrong: SourcedNewsOptions = {documentTypes: ['tweet']}
void wrong

export default defineConfig({
  name: 'default',
  title: 'Scratch newsroom',
  projectId: 'local',
  dataset: 'production',
  plugins: [sourcedNews(options)],
})
`
const CLI_CONFIG = `import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({api: {projectId: 'local', dataset: 'production'}, deployment: {autoUpdates: false}})
`
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2023',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['sanity.config.ts'],
}

let studio: string
let packed: string[]

beforeAll(() => {
  studio = mkdtempSync(join(tmpdir(), 'scratch-studio-'))
  // prepack builds dist/ with @sanity/pkg-utils; the tarball's name is the last line npm prints.
  const tarball = run('npm', ['pack', '--pack-destination', studio, '--loglevel=error'], PLUGIN_DIR)
    .trim()
    .split('\n')
    .at(-1)!
  packed = run('tar', ['-tzf', join(studio, tarball)], studio)
    .trim()
    .split('\n')
  mkdirSync(join(studio, 'node_modules/@sanity'), {recursive: true})
  for (const name of STUDIO_PACKAGES)
    symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(studio, 'node_modules', name))
  const dependencies = Object.fromEntries(
    STUDIO_PACKAGES.filter((name) => !name.startsWith('@')).map((name) => [name, versionOf(name)]),
  )
  writeFileSync(
    join(studio, 'package.json'),
    JSON.stringify({
      name: 'scratch-studio',
      private: true,
      type: 'module',
      dependencies: {...dependencies, [plugin.name]: `file:./${tarball}`},
    }),
  )
  writeFileSync(join(studio, 'sanity.config.ts'), STUDIO_CONFIG)
  writeFileSync(join(studio, 'sanity.cli.ts'), CLI_CONFIG)
  writeFileSync(join(studio, 'tsconfig.json'), JSON.stringify(TSCONFIG))
  run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    studio,
  )
}, 180_000)

afterAll(() => {
  if (studio) rmSync(studio, {recursive: true, force: true})
})

describe(`the ${plugin.name} package`, () => {
  it('packs the ESM build, its type declarations, the README and the sources, and nothing else', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package/package.json',
        'package/README.md',
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/index.ts',
      ]),
    )
    expect(
      packed.filter(
        (file) => !/^package\/(dist\/|README\.md$|package\.json$|[\w/]+\.tsx?$)/.test(file),
      ),
    ).toEqual([])
    expect(
      packed.some((file) => file.includes('package.config') || file.includes('tsconfig')),
    ).toBe(false)
    // The sources whole, for the `source` export condition: a folder left out of `files` fails here.
    const sources = readdirSync(PLUGIN_DIR, {recursive: true, encoding: 'utf8'})
      .filter(
        (file) => /\.tsx?$/.test(file) && !file.startsWith('dist') && file !== 'package.config.ts',
      )
      .map((file) => `package/${file}`)
    expect(sources.length).toBeGreaterThan(20)
    expect(sources.filter((file) => !packed.includes(file))).toEqual([])
  })

  it('leaves sanity, react and styled-components to the Studio as peer dependencies', () => {
    expect(Object.keys(plugin.peerDependencies).sort()).toEqual([
      'react',
      'sanity',
      'styled-components',
    ])
  })

  it('installs from the tarball as a real folder, not a link back to schemas/', () => {
    const installed = join(studio, 'node_modules', plugin.name)
    expect(lstatSync(installed).isSymbolicLink()).toBe(false)
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual([
      'index.d.ts',
      'index.js',
      'index.js.map',
    ])
  })

  it('type-checks a Studio config against the shipped declarations', () => {
    run(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      studio,
    )
  }, 120_000)

  it('passes sanity schema validate in the scratch Studio with no error or warning', async () => {
    const result = await runSanity(
      ['schema', 'validate', '--format', 'json', '--level', 'warning'],
      {cwd: studio},
    )
    expect({
      code: result.code,
      stderr: result.stderr.trim(),
      problems: JSON.parse(result.stdout) as unknown[],
    }).toEqual({code: 0, stderr: '', problems: []})
  }, 180_000)

  it('builds the scratch Studio with the plugin and its Structure bundled', async () => {
    const out = join(studio, 'out')
    const result = await runSanity(['build', out, '--yes', '--no-minify'], {cwd: studio})
    expect(result.code, result.stderr.slice(-4000)).toBe(0)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
    const bundle = readdirSync(join(out, 'static'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(out, 'static', file), 'utf8'))
      .join('\n')
    expect(bundle).toContain('Claims needing review')
    expect(bundle).toContain(plugin.name)
  }, 600_000)
})
