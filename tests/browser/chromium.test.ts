// The choice of Chromium for the browser tests: Debian's when installed, else the packaged one.
import {execFileSync} from 'node:child_process'
import {accessSync, constants} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {chooseChromium, IGNORE_SYSTEM_CHROMIUM_ENV, PACKAGED_CHROMIUM_DIR} from './chromium.ts'
import {PROJECT_ROOT} from './harness.ts'

const unpackDir = PACKAGED_CHROMIUM_DIR(PROJECT_ROOT)
const absent = join(PROJECT_ROOT, '.tmp-no-such-chromium')

describe('the Chromium the browser tests drive', () => {
  it("is Debian's where it is installed and not ignored", () => {
    expect(chooseChromium(unpackDir, {}, process.execPath)).toEqual({
      kind: 'system',
      executablePath: process.execPath,
      args: [],
    })
  })

  it(`is the packaged one, unpacked inside the project, where Debian's is absent or ${IGNORE_SYSTEM_CHROMIUM_ENV}=1`, () => {
    for (const choice of [
      chooseChromium(unpackDir, {}, absent),
      chooseChromium(unpackDir, {[IGNORE_SYSTEM_CHROMIUM_ENV]: '1'}, process.execPath),
    ]) {
      expect(choice.kind).toBe('packaged')
      expect(choice.executablePath).toBe(join(unpackDir, 'chromium'))
      accessSync(choice.executablePath, constants.X_OK)
      // Its recommended flags, without the ones that would switch off the same-origin policy.
      expect(choice.args).toContain('--no-zygote')
      expect(
        choice.args.filter((flag) => /web-security|insecure-content|^--headless/.test(flag)),
      ).toEqual([])
    }
  }, 60_000)

  it('runs: the packaged binary reports its Chromium version', () => {
    const {executablePath} = chooseChromium(unpackDir, {}, absent)
    expect(execFileSync(executablePath, ['--version'], {encoding: 'utf8'})).toMatch(
      /Chrom(e|ium)[^\d]*\d+\.\d+/,
    )
  })
})
