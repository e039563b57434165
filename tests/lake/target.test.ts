// One module decides where data lives; these pin its rules without touching the network.
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {localDatasetFile, openTarget, usesHostedProject} from '../../lake/target.ts'
import {tempDir} from './helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('choosing the dataset target', () => {
  it('uses the hosted project only when both SANITY_PROJECT_ID and SANITY_DATASET are set', async () => {
    expect(usesHostedProject({SANITY_PROJECT_ID: 'abc123'})).toBe(false)
    expect(usesHostedProject({SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging'})).toBe(true)
    const hosted = await openTarget({
      env: {
        SANITY_PROJECT_ID: 'abc123',
        SANITY_DATASET: 'staging',
        SANITY_API_WRITE_TOKEN: 'sk-secret',
      },
    })
    expect(hosted.description).toBe('Sanity project abc123/staging')
    expect(hosted.description).not.toContain('sk-secret')
    await hosted.close()
  })

  it('otherwise opens the local dataset file named by --dataset or SANITY_DATASET', async () => {
    const {dir, remove} = tempDir()
    try {
      const target = await openTarget({dir, env: {SANITY_DATASET: 'drafting'}})
      expect(target.description).toContain('drafting.ndjson')
      await target.mutate([{create: {_id: 'place-a', _type: 'place'}}])
      await target.close()
      expect(existsSync(join(dir, 'drafting.ndjson'))).toBe(true)
      expect(localDatasetFile('production', dir)).toBe(join(dir, 'production.ndjson'))
    } finally {
      remove()
    }
  })

  it('refuses a dataset name Sanity would refuse', async () => {
    await expect(openTarget({dataset: 'Bad Name', env: {}})).rejects.toThrow(
      /not a valid dataset name/,
    )
  })
})

describe('npm run lake', () => {
  it('prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    const {dir, remove} = tempDir()
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'scripts/lake.ts', '--port', '0', '--dir', dir, '--dataset', 'demo'],
        {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk) => {
          out += chunk
          const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
          if (match) resolve(match[0])
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
      })
      const response = await fetch(`${url}/v2025-02-19/projects/local/datasets`)
      expect(await response.json()).toEqual([expect.objectContaining({name: 'demo'})])
      child.kill('SIGTERM')
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0)
    } finally {
      remove()
    }
  })

  it('starts with one token per --editor and answers /users/me with that editor', async () => {
    const {dir, remove} = tempDir()
    try {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/lake.ts',
          '--port',
          '0',
          '--dir',
          dir,
          '--editor',
          'Ada Lovelace=token-a',
          '--editor',
          'Grace Hopper=token-b',
        ],
        {cwd: root, stdio: ['ignore', 'pipe', 'pipe']},
      )
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk
          const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
          if (match && out.includes('Editors:')) resolve(match[0])
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
      })
      expect(out).toContain('Editors: Ada Lovelace, Grace Hopper')
      const me = await fetch(`${url}/v2025-02-19/users/me`, {
        headers: {authorization: 'Bearer token-b'},
      })
      expect(await me.json()).toMatchObject({id: 'p-grace-hopper', name: 'Grace Hopper'})
      const wrong = await fetch(`${url}/v2025-02-19/users/me`, {
        headers: {authorization: 'Bearer token-c'},
      })
      expect(wrong.status).toBe(401)
      child.kill('SIGTERM')
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0)
    } finally {
      remove()
    }
  })

  /** Runs the lake CLI with bad input: its exit code and what it wrote to stderr. */
  async function refused(...args: string[]): Promise<{code: unknown; stderr: string}> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/lake.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    return {code, stderr: stderr.trim()}
  }

  it('rejects an --editor without a token with a one-line error and exit code 2', async () => {
    expect(await refused('--editor', 'Ada Lovelace')).toEqual({
      code: 2,
      stderr: 'lake: an editor is given as NAME=TOKEN, not "Ada Lovelace"',
    })
  })

  it('rejects a bad flag with a one-line error and exit code 2', async () => {
    expect(await refused('--port', 'eighty')).toEqual({
      code: 2,
      stderr: 'lake: --port must be a port number, not "eighty"',
    })
  })
})
