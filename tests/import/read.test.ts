import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ImportInputError} from '../../import/errors.ts'
import {decodeArticle, readArticleFile, readPageFile} from '../../import/read.ts'

const dir = mkdtempSync(join(tmpdir(), 'import-read-'))
const file = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(ImportInputError)
    const message = (err as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected a refusal')
}

describe('read stage', () => {
  it('normalizes a BOM, CRLF line ends, curly quotes and non-breaking spaces', () => {
    const text = readArticleFile(
      file(
        'ok.txt',
        '\uFEFFHeadline here\r\n\r\nShe said \u201Cyes\u201D and it\u2019s\u00A0fine.\r\n',
      ),
    )
    expect(text).toBe('Headline here\n\nShe said "yes" and it\'s fine.\n')
  })
  it('refuses a missing file', () =>
    expect(refusal(() => readArticleFile(join(dir, 'nope.txt')))).toMatch(
      /nope\.txt: cannot read \(ENOENT\)/,
    ))
  it('refuses a directory', () => expect(refusal(() => readArticleFile(dir))).toMatch(/not a file/))
  it('refuses an empty or whitespace-only file', () => {
    expect(refusal(() => readArticleFile(file('empty.txt', '')))).toMatch(/empty/)
    expect(refusal(() => readArticleFile(file('blank.txt', ' \n\t\n')))).toMatch(/empty/)
  })
  it('refuses binary data and invalid UTF-8', () => {
    expect(
      refusal(() => readArticleFile(file('nul.bin', new Uint8Array([0x48, 0x00, 0x49])))),
    ).toMatch(/binary/)
    expect(
      refusal(() =>
        readArticleFile(file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f]))),
      ),
    ).toMatch(/not valid UTF-8/)
  })
  it('refuses a file over 2 MB', () => {
    expect(refusal(() => readArticleFile(file('big.txt', 'word '.repeat(450_000))))).toMatch(
      /over the 2 MB limit/,
    )
  })
  it('reads an HTML page as HTML, by its extension or by its content, and text as text', () => {
    const html =
      '<!DOCTYPE html><html><head><title>x</title></head><body><p>Story</p></body></html>'
    expect(readPageFile(file('page.html', html))).toEqual({format: 'html', content: html})
    expect(readPageFile(file('saved-page.txt', html)).format).toBe('html')
    expect(readPageFile(file('fragment.htm', '<p>Story</p>')).format).toBe('html')
    expect(readPageFile(file('story.txt', 'Headline\n\nPrices rose <5% in March.\n'))).toEqual({
      format: 'text',
      content: 'Headline\n\nPrices rose <5% in March.\n',
    })
  })
  it('decodes an HTML page in the charset it declares, and undeclared non-UTF-8 bytes as Windows-1252', () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="iso-8859-1"></head><body><p>caf'),
      0xe9,
      ...new TextEncoder().encode('</p></body></html>'),
    ])
    expect(readPageFile(file('latin1.html', latin1)).content).toContain('café')
    const undeclared = new Uint8Array([
      ...new TextEncoder().encode('<html><body><p>na'),
      0xef,
      ...new TextEncoder().encode('ve</p></body></html>'),
    ])
    expect(readPageFile(file('cp1252.html', undeclared)).content).toContain('naïve')
  })
  it('refuses a truncated HTML page, a binary one and an empty one, each in one line', () => {
    expect(
      refusal(() =>
        readPageFile(
          file(
            'cut.html',
            '<!doctype html><html><body><article><p>Dock workers voted on Sunday to',
          ),
        ),
      ),
    ).toMatch(/cut\.html: truncated HTML/)
    expect(
      refusal(() =>
        readPageFile(file('tag.html', '<html><body><p>Story</p></body></html><div class="x')),
      ),
    ).toMatch(/truncated HTML/)
    expect(
      refusal(() =>
        readPageFile(file('image.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))),
      ),
    ).toMatch(/image\.html: binary data \(NUL bytes\), not an HTML page/)
    expect(refusal(() => readPageFile(file('blank.html', '   \n')))).toMatch(
      /blank\.html: empty page/,
    )
    for (const message of [refusal(() => readPageFile(file('cut2.html', '<html><body><p>a')))])
      expect(message).not.toContain('\n')
  })
  it('accepts text that merely mentions angle brackets', () => {
    expect(
      decodeArticle(new TextEncoder().encode('Prices rose <5% in March, officials said.\n')),
    ).toContain('<5%')
  })
})
