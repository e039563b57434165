import {describe, expect, it} from 'vitest'
import {runSanity} from './sanityCli.ts'

interface ProblemGroup {
  path: {kind: string; name?: string}[]
  problems: {severity: 'error' | 'warning'; message: string}[]
}

describe('sanity schema validate', () => {
  it('reports zero errors and zero warnings for the Studio workspace', async () => {
    const result = await runSanity(['schema', 'validate', '--format', 'json', '--level', 'warning'])
    expect({code: result.code, stderr: result.stderr.trim()}).toEqual({code: 0, stderr: ''})
    const groups = JSON.parse(result.stdout) as ProblemGroup[]
    const problems = groups.flatMap((group) =>
      group.problems.map(
        (p) => `${p.severity} ${group.path.map((s) => s.name ?? s.kind).join('.')}: ${p.message}`,
      ),
    )
    expect(problems).toEqual([])
  }, 180_000)
})
