// History in the offline Studio: two editors, each with their own token, edit the same document;
// the History panel lists both edits under their names, and restoring an old revision works.
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {SanityClient} from '@sanity/client'
import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {EDITOR_STORAGE_KEY} from '../../studio/localMode.ts'
import {clientFor} from '../lake/helpers.ts'
import {buildStudio, openStudio, screenshot, type StudioSession} from './harness.ts'

const ADA = {name: 'Ada Lovelace', token: 'ada-token-0000000000000000000000000000'}
const GRACE = {name: 'Grace Hopper', token: 'grace-token-000000000000000000000000000'}
const PERSON = 'person-history-test'
const DRAFT = `drafts.${PERSON}`

let lakeDir: string
let buildDir: string | undefined
let lake: LakeServer
let client: SanityClient
let studio: StudioSession
let page: Page

beforeAll(async () => {
  lakeDir = await mkdtemp(join(tmpdir(), 'history-lake-'))
  lake = await startLakeServer({
    port: 0,
    dir: lakeDir,
    datasets: ['production'],
    editors: [ADA, GRACE],
  })
  client = clientFor(lake, {token: ADA.token})
  await client.createOrReplace({_id: PERSON, _type: 'person', name: 'Original Name'})
  buildDir = await buildStudio(lake.url, {
    SANITY_STUDIO_LOCAL_EDITORS: [ADA, GRACE].map(({name, token}) => `${name}=${token}`).join(','),
  })
  studio = await openStudio(buildDir)
  page = studio.page
}, 150_000)

afterAll(async () => {
  await studio?.close()
  await lake?.close()
  for (const dir of [buildDir, lakeDir]) if (dir) await rm(dir, {recursive: true, force: true})
})

const takeErrors = () => studio.takeErrors()

const draftName = () =>
  client.fetch<string | null>('*[_id == $id][0].name', {id: DRAFT}, {perspective: 'raw'})

const nameInput = (): Locator => page.getByTestId('document-pane').locator('input').first()

/** Answers the Studio's "Which editor are you?" and waits for the reload that follows. */
async function chooseEditor(name: string): Promise<void> {
  const chooser = page.getByTestId('editor-chooser')
  await chooser.waitFor({timeout: 30_000})
  await Promise.all([
    page.waitForEvent('load'),
    chooser.getByRole('button', {name, exact: true}).click(),
  ])
}

/** Opens the person as the chosen editor and types a new name into it. */
async function renameAs(name: string): Promise<void> {
  await page.goto(`${studio.url}/intent/edit/id=${PERSON};type=person`)
  await nameInput().waitFor({timeout: 30_000})
  await expect.poll(() => nameInput().inputValue(), {timeout: 20_000}).not.toBe('')
  await nameInput().fill(name)
  await expect.poll(draftName, {timeout: 20_000}).toBe(name)
}

/** The rows of the open History panel: each one's text and the names on its avatars. */
async function historyRows(): Promise<{text: string; names: string[]}[]> {
  return page.getByTestId('timeline-item-button').evaluateAll((rows) =>
    rows.map((row) => ({
      text: (row.textContent ?? '').trim(),
      names: [
        ...new Set(
          [...row.querySelectorAll('[data-ui="Avatar"]')].map((a) => a.getAttribute('title') ?? ''),
        ),
      ],
    })),
  )
}

async function authors(): Promise<string[]> {
  const response = await fetch(
    `${lake.url}/v2025-02-19/data/history/production/transactions/${PERSON},${DRAFT}`,
    {headers: {authorization: `Bearer ${ADA.token}`}},
  )
  const text = await response.text()
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as {author: string}).author)
}

describe('document history with two editors, offline against the local dataset', () => {
  it('asks which editor you are once, and remembers the answer in this browser', async () => {
    await page.goto(studio.url)
    const chooser = page.getByTestId('editor-chooser')
    await chooser.waitFor({timeout: 30_000})
    expect(await chooser.getByRole('button').allInnerTexts()).toEqual([ADA.name, GRACE.name])
    await screenshot(page, 'history-editor-chooser')
    await chooseEditor(ADA.name)
    expect(await page.evaluate((key) => localStorage.getItem(key), EDITOR_STORAGE_KEY)).toBe(
      ADA.name,
    )
    await page.goto(studio.url)
    await page.getByRole('link', {name: 'People'}).waitFor({timeout: 30_000})
    expect(await chooser.count()).toBe(0)
    expect(takeErrors()).toEqual([])
  })

  it("records Ada's edit and then Grace's, each under the editor whose token sent it", async () => {
    await renameAs('Edited by Ada')
    // Grace on the same machine: forget the choice, and the Studio asks again.
    await page.evaluate((key) => localStorage.removeItem(key), EDITOR_STORAGE_KEY)
    await page.reload()
    await chooseEditor(GRACE.name)
    await renameAs('Edited by Grace')
    const all = await authors()
    // The seed and the draft Ada started (created, then renamed) are hers; the last edit is Grace's.
    expect(all.at(-1)).toBe('p-grace-hopper')
    expect(all.slice(0, -1).every((author) => author === 'p-ada-lovelace')).toBe(true)
    expect(all.length).toBeGreaterThanOrEqual(3)
    expect(takeErrors()).toEqual([])
  })

  it("lists both edits in the History panel with the two editors' names", async () => {
    const pane = page.getByTestId('document-pane')
    await pane.getByTestId('pane-context-menu-button').click()
    await page.getByRole('menuitem', {name: 'History'}).click()
    await expect
      .poll(async () => (await historyRows()).filter((row) => /Edited/.test(row.text)).length, {
        timeout: 20_000,
      })
      .toBe(2)
    const rows = await historyRows()
    const edits = rows.filter((row) => /Edited/.test(row.text))
    expect(edits.map((row) => row.names)).toEqual([[GRACE.name], [ADA.name]])
    expect(rows.some((row) => /Draft created/.test(row.text) && row.names.includes(ADA.name))).toBe(
      true,
    )
    await screenshot(page, 'history-panel')
    expect(takeErrors()).toEqual([])
  })

  it('reviews the changes since the published version, each part credited to the editor who wrote it', async () => {
    await page.getByRole('tab', {name: 'Review changes'}).click()
    // The inspector's pane (the History tab keeps a second, hidden one).
    const review = page.getByTestId('review-changes-pane').filter({hasText: 'From'})
    const inserted = review.locator('ins')
    await expect
      .poll(() => inserted.allInnerTexts(), {timeout: 20_000})
      .toEqual(['Edited by ', 'Grac'])
    expect(await review.locator('del').allInnerTexts()).toEqual(['Original Nam'])
    // Ada typed "Edited by Ada", Grace replaced "Ada" with "Grace": each part names its author.
    for (const [part, editor] of [
      ['Edited by ', ADA.name],
      ['Grac', GRACE.name],
    ] as const) {
      await inserted.filter({hasText: part}).hover()
      await page.getByText(editor, {exact: true}).first().waitFor({timeout: 10_000})
      await page.mouse.move(0, 0)
    }
    // The picture shows Ada's part with its tooltip, once the tooltip has faded in.
    await inserted.filter({hasText: 'Edited by '}).hover()
    await page.getByText(ADA.name, {exact: true}).first().waitFor({timeout: 10_000})
    await page.waitForTimeout(500)
    await screenshot(page, 'history-review-changes')
    await page.getByRole('tab', {name: 'History'}).click()
    expect(takeErrors()).toEqual([])
  })

  it("restores Ada's revision from the History panel: the draft holds her name again", async () => {
    const adaEdit = page
      .getByTestId('timeline-item-button')
      .filter({hasText: 'Edited'})
      .filter({has: page.locator(`[data-ui="Avatar"][title="${ADA.name}"]`)})
    await adaEdit.click()
    await expect.poll(() => nameInput().inputValue(), {timeout: 20_000}).toBe('Edited by Ada')
    await page.getByTestId('action-reverttorevision').click()
    await page.getByRole('button', {name: 'Confirm', exact: true}).click()
    await expect.poll(draftName, {timeout: 20_000}).toBe('Edited by Ada')
    expect(
      await client.fetch('*[_id == $id][0].name', {id: PERSON}, {perspective: 'published'}),
    ).toBe('Original Name')
    // Restoring is Grace's transaction: she is the one who brought Ada's text back.
    expect((await authors()).at(-1)).toBe('p-grace-hopper')
    expect(takeErrors()).toEqual([])
  })
})
