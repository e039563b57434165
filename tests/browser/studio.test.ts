import {readFile, rm} from 'node:fs/promises'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import type {BrowserContext, Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildDocuments, type ImportResult} from '../../import/pipeline.ts'
import {writeImport} from '../../import/write.ts'
import {startLakeServer, type LakeServer} from '../../lake/server.ts'
import {clientTarget} from '../../lake/target.ts'
import {startReader, type RunningReader} from '../../reader/server.ts'
import {LOCAL_EDITOR_TOKEN, LOCAL_PROJECT_ID} from '../../studio/localMode.ts'
import {
  PROJECT_ROOT,
  buildStudio,
  launchBrowser,
  screenshot,
  serveStatic,
  watchForErrors,
} from './harness.ts'

const ARTICLE_FILE = join(PROJECT_ROOT, 'data/articles/000_fcede281fa476672.txt')
const ALI_VAEZ = 'person-ali-vaez'

/** The Studio's titles (STRUCTURE_TITLES in schemas/structure.ts; that module needs a browser to load). */
const STRUCTURE = {
  articles: 'Articles',
  claims: 'Claims',
  claimsNeedingReview: 'Claims needing review',
  people: 'People',
  incomingReferences: 'Referenced by',
  reviewClaims: 'Review claims',
  doubtfulImports: 'Doubtful imports',
  doubtfulClaims: 'Doubtful claims',
  reviewGroup: 'Review',
  tool: 'Structure',
}

let lakeDir: string
let buildDir: string | undefined
let lake: LakeServer
let client: SanityClient
let imported: ImportResult
let studio: {url: string; close(): Promise<void>}
let reader: RunningReader
let browser: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  lakeDir = await mkdtemp(join(tmpdir(), 'studio-lake-'))
  lake = await startLakeServer({
    port: 0,
    dir: lakeDir,
    token: LOCAL_EDITOR_TOKEN,
    datasets: ['production'],
  })
  client = createClient({
    projectId: LOCAL_PROJECT_ID,
    dataset: 'production',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    token: LOCAL_EDITOR_TOKEN,
  })
  const seed = async () => {
    imported = buildDocuments(await readFile(ARTICLE_FILE, 'utf8'), {
      sourceFile: basename(ARTICLE_FILE),
    })
    await writeImport(clientTarget(client, `local lake ${lake.url}`), imported)
  }
  const [built] = await Promise.all([buildStudio(lake.url), seed()])
  buildDir = built
  studio = await serveStatic(buildDir)
  reader = await startReader({port: 0, target: clientTarget(client, `local lake ${lake.url}`)})
  browser = await launchBrowser()
  page = await browser.newPage()
  errors = watchForErrors(page)
}, 150_000)

afterAll(async () => {
  await browser?.close()
  await studio?.close()
  await reader?.close()
  await lake?.close()
  for (const dir of [buildDir, lakeDir]) if (dir) await rm(dir, {recursive: true, force: true})
})

/** Errors seen since the last call: each step answers for its own. */
function takeErrors(): string[] {
  return errors.splice(0)
}

function claimsOf(result: ImportResult) {
  return result.claims.map((claim) => ({
    id: claim._id,
    statement: String(claim.statement),
    cue: String(claim.cue),
    sentence: String(claim.sentence),
    source: claim.source as {kind: string; description?: string; person?: {_ref: string}},
  }))
}

/** Resolves once some input or textarea of the open document holds exactly `value`. */
async function waitForFieldValue(value: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll('[data-testid="document-pane"] :is(input, textarea)')].some(
        (element) => (element as HTMLInputElement).value === expected,
      ),
    value,
    {timeout},
  )
}

/** Polls the lake (published perspective) until `query` returns `expected`. */
async function waitForPublished(
  query: string,
  params: Record<string, unknown>,
  expected: unknown,
  timeout = 20_000,
) {
  const deadline = Date.now() + timeout
  let last: unknown
  while (Date.now() < deadline) {
    last = await client.fetch(query, params, {perspective: 'published'})
    if (JSON.stringify(last) === JSON.stringify(expected)) return last
    await new Promise((done) => setTimeout(done, 250))
  }
  return last
}

/** The claim the review steps reject: one of Ali Vaez's, so his reader page must lose it. */
function rejectedClaim() {
  return claimsOf(imported).find(
    (c) => c.source.person?._ref === ALI_VAEZ && /^emphasized$/i.test(c.cue),
  )!
}

/** Runs a document action: the pane's primary button when it is the one, else from its menu. */
async function runDocumentAction(label: string): Promise<void> {
  const primary = page.getByTestId(`action-${label.toLowerCase().replace(/\s+/g, '')}`)
  if (await primary.isVisible()) {
    await primary.click()
    return
  }
  await page.getByTestId('action-menu-button').click()
  await page.getByRole('menuitem', {name: new RegExp(`^${label}`)}).click()
}

describe("the editors' Studio, offline against the local dataset", () => {
  it('loads with the local editor signed in, no login or error screen and no uncaught console error', async () => {
    await page.goto(studio.url)
    await page.getByRole('link', {name: STRUCTURE.articles}).waitFor({timeout: 30_000})
    // Late failures (listeners, presence, version checks) surface a moment after the first paint.
    await page.waitForTimeout(2_000)
    await screenshot(page, '1-studio-loaded')
    expect(await page.getByText(/choose login provider|sign in|log in/i).count()).toBe(0)
    expect(
      await page.getByText(/an error occurred|something went wrong|trying to connect/i).count(),
    ).toBe(0)
    expect(takeErrors()).toEqual([])
  })

  it('lists the imported article and opens it with its headline and body', async () => {
    const headline = String(imported.article.headline)
    const firstBlock = (imported.article.body as {children: {text: string}[]}[])[0]!
    const bodySnippet = firstBlock.children
      .map((span) => span.text)
      .sort((a, b) => b.length - a.length)[0]!
      .trim()

    await page.getByRole('link', {name: STRUCTURE.articles}).click()
    await page.getByRole('link', {name: headline}).first().click()
    await waitForFieldValue(headline)
    await page
      .getByTestId('document-pane')
      .getByText(bodySnippet)
      .first()
      .waitFor({timeout: 20_000})
    await screenshot(page, '2-article-open')
    expect(takeErrors()).toEqual([])
  })

  it('lists every extracted claim under "Claims needing review" and shows a claim\'s statement, cue, source and sentence', async () => {
    const claims = claimsOf(imported)
    await page.getByRole('link', {name: STRUCTURE.claims, exact: true}).click()
    await page.getByRole('link', {name: STRUCTURE.claimsNeedingReview}).click()
    const listed = page.locator('[data-testid="document-list-pane"] a[href*=";claim-"]')
    await listed.first().waitFor({timeout: 20_000})
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="document-list-pane"] a[href*=";claim-"]').length >=
        count,
      claims.length,
      {timeout: 20_000},
    )
    const listedIds = await listed.evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')!.split(';').pop()!),
    )
    expect(new Set(listedIds)).toEqual(new Set(claims.map((claim) => claim.id)))

    const claim = claims.find(
      (c) => c.source.person?._ref === ALI_VAEZ && /^according to$/i.test(c.cue),
    )!
    await page.locator(`[data-testid="document-list-pane"] a[href$=";${claim.id}"]`).click()
    await waitForFieldValue(claim.statement)
    await waitForFieldValue(claim.cue)
    await waitForFieldValue(claim.sentence)
    // The source: its words in the article, and the person it resolves to (a reference preview
    // showing just the name, unlike the pane title "Ali Vaez — according to — …").
    await waitForFieldValue(claim.source.description!)
    await page
      .getByTestId('document-pane')
      .getByText('Ali Vaez', {exact: true})
      .first()
      .waitFor({timeout: 20_000})
    await screenshot(page, '3-claim-open')
    expect(takeErrors()).toEqual([])
  })

  it('persists an approval: after setting the status and publishing, GROQ on the local dataset returns approved', async () => {
    const claim = claimsOf(imported).find(
      (c) => c.source.person?._ref === ALI_VAEZ && /^according to$/i.test(c.cue),
    )!
    await page.getByRole('tab', {name: STRUCTURE.reviewGroup}).click()
    await page.getByRole('radio', {name: /^approved$/i}).check({timeout: 20_000})
    await runDocumentAction('Publish')
    const status = await waitForPublished(
      '*[_id == $id][0].reviewStatus',
      {id: claim.id},
      'approved',
    )
    expect(status).toBe('approved')
    expect(
      await client.fetch(
        'count(*[_id == $draft])',
        {draft: `drafts.${claim.id}`},
        {perspective: 'raw'},
      ),
    ).toBe(0)
    await screenshot(page, '4-claim-approved')
    expect(takeErrors()).toEqual([])
  })

  it('rejects a claim in one action that also publishes the rejection', async () => {
    const claim = rejectedClaim()
    await page.locator(`[data-testid="document-list-pane"] a[href$=";${claim.id}"]`).click()
    await waitForFieldValue(claim.statement)
    await runDocumentAction('Reject')
    const status = await waitForPublished(
      '*[_id == $id][0].reviewStatus',
      {id: claim.id},
      'rejected',
    )
    expect(status).toBe('rejected')
    await screenshot(page, '4b-claim-rejected')
    expect(takeErrors()).toEqual([])
  })

  it('refuses to approve a claim that does not validate, and says why', async () => {
    const id = 'claim-unfinished-00000001'
    const statement = 'An unfinished claim with a person source and no person.'
    await client.create({
      _id: `drafts.${id}`,
      _type: 'claim',
      statement,
      source: {_type: 'claimSource', kind: 'person'},
      reviewStatus: 'needsReview',
    })
    await page.goto(`${studio.url}/intent/edit/id=${id};type=claim`)
    await waitForFieldValue(statement)
    const approve = page.getByTestId('action-approve')
    await approve.waitFor({timeout: 20_000})
    await expect.poll(() => approve.isDisabled(), {timeout: 20_000}).toBe(true)
    await approve.hover({force: true})
    await page
      .getByText(/Cannot be approved: A person source needs the person it names/)
      .first()
      .waitFor({timeout: 10_000})
    await screenshot(page, '4c-approve-refused')
    expect(await client.fetch('count(*[_id == $id])', {id}, {perspective: 'published'})).toBe(0)
    expect(takeErrors()).toEqual([])
  })

  it('deletes that never-published draft from its menu', async () => {
    const id = 'drafts.claim-unfinished-00000001'
    await runDocumentAction('Delete')
    const left = () => client.fetch<number>('count(*[_id == $id])', {id}, {perspective: 'raw'})
    expect(await left()).toBe(1)
    await page
      .getByRole('button', {name: /^(Delete document|Delete all versions|Delete anyway)$/})
      .click({timeout: 20_000})
    await expect.poll(left, {timeout: 20_000}).toBe(0)
    expect(takeErrors()).toEqual([])
  })

  it("styles the article body's claims by review status, apart from entity mentions", async () => {
    await page.goto(`${studio.url}/intent/edit/id=${imported.article._id};type=article`)
    const pane = page.getByTestId('document-pane')
    for (const review of ['approved', 'rejected', 'pending', 'mention'])
      await pane.locator(`[data-annotation-review="${review}"]`).first().waitFor({timeout: 20_000})
    const rejectedText = await pane.locator('[data-annotation-review="rejected"]').allInnerTexts()
    // The span lies inside the claim's sentence (it may reach past the statement to its attribution).
    const sentence = rejectedClaim().sentence.replace(/\s+/g, ' ')
    expect(rejectedText.length).toBeGreaterThan(0)
    for (const text of rejectedText) expect(sentence).toContain(text.replace(/\s+/g, ' ').trim())
    await screenshot(page, '5a-body-review-status')
    expect(takeErrors()).toEqual([])
  })

  it('finds Ali Vaez by searching the People list and shows on him the claims he is the source of', async () => {
    const his = claimsOf(imported).filter((c) => c.source.person?._ref === ALI_VAEZ)
    expect(his.length).toBeGreaterThan(0)
    // Back to the Structure's root: three panes deep, its list has collapsed out of view.
    await page.getByRole('link', {name: STRUCTURE.tool, exact: true}).click()
    await page.getByRole('link', {name: STRUCTURE.people}).click()
    const people = page.locator('[data-testid="document-list-pane"] a[href*=";person-"]')
    await people.first().waitFor({timeout: 20_000})
    // List search runs the workspace's search strategy: the default groq2024, text::query and all.
    await page.getByPlaceholder('Search list').last().fill('Vaez')
    await page.waitForFunction(
      (id) => {
        const links = [
          ...document.querySelectorAll('[data-testid="document-list-pane"] a[href*=";person-"]'),
        ]
        return links.length === 1 && links[0]!.getAttribute('href')!.endsWith(`;${id}`)
      },
      ALI_VAEZ,
      {timeout: 20_000},
    )
    await page.locator(`a[href$=";${ALI_VAEZ}"]`).first().click()
    await waitForFieldValue('Ali Vaez')
    await page.getByRole('tab', {name: STRUCTURE.incomingReferences}).click()
    const pane = page.getByTestId('document-pane')
    for (const claim of his) {
      await pane.getByText(claim.statement.slice(0, 40)).first().waitFor({timeout: 20_000})
    }
    await screenshot(page, '5-person-claims')
    expect(takeErrors()).toEqual([])
  })

  it("finds a person and the article by a word from each through the Studio's global search, and opens them", async () => {
    const headline = String(imported.article.headline)
    // The headline's longest word: what an editor would type to find the article.
    const word = headline.match(/\p{L}{5,}/gu)!.sort((a, b) => b.length - a.length)[0]!
    // A hit is the result row linking to that document: claim rows name the person and the
    // article's headline too, so text alone could pick a claim.
    const search = async (term: string, title: string, id: string) => {
      await page.getByTestId('studio-search').click()
      const input = page.getByPlaceholder('Search', {exact: true})
      await input.fill(term)
      const hit = page
        .getByTestId('search-results')
        .locator(`a[href*="id=${id};"]`)
        .filter({hasText: title})
        .first()
      await hit.waitFor({timeout: 20_000})
      return hit
    }
    // The results re-sort while later batches arrive, so a click can land as its row moves: click
    // again (at most three times) until the Studio navigates to the document.
    const open = async (hit: Locator, id: string) => {
      for (let attempt = 1; ; attempt++) {
        if (attempt > 1 && page.url().includes(id)) return
        await hit.click({timeout: 5_000}).catch(() => undefined)
        try {
          await page.waitForURL((url) => url.href.includes(id), {timeout: 10_000})
          return
        } catch (error) {
          if (attempt === 3) throw error
        }
      }
    }
    // From the Studio's start, with no document open, so opening one is the search's doing.
    await page.goto(studio.url)
    await page.getByRole('link', {name: STRUCTURE.articles}).waitFor({timeout: 30_000})
    expect(page.url()).not.toContain(ALI_VAEZ)
    await open(await search('vaez', 'Ali Vaez', ALI_VAEZ), ALI_VAEZ)
    await waitForFieldValue('Ali Vaez')
    const hit = await search(word.toLowerCase(), headline, imported.article._id)
    await screenshot(page, '5b-global-search')
    await open(hit, imported.article._id)
    await waitForFieldValue(headline, 40_000)
    expect(takeErrors()).toEqual([])
  })

  it("marks every claim on the reader's article page but the rejected one, which is gone from the person page and the claims list too", async () => {
    const slug = (imported.article.slug as {current: string}).current
    const rejected = rejectedClaim().id
    const expected: string[] = await client.fetch(
      '*[_type == "claim" && article._ref == $id && reviewStatus != "rejected"]._id',
      {id: imported.article._id},
    )
    expect(expected.length).toBe(imported.claims.length - 1)
    expect(expected).not.toContain(rejected)
    const readerPage = await browser.newPage()
    const readerErrors = watchForErrors(readerPage)
    await readerPage.goto(new URL(`articles/${slug}`, reader.url).href)
    const marked = await readerPage
      .locator('mark.claim[data-claim-id]')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-claim-id')!))
    expect(new Set(marked)).toEqual(new Set(expected))
    await screenshot(readerPage, '6-reader-article')
    for (const path of ['people/ali-vaez', 'claims']) {
      await readerPage.goto(new URL(path, reader.url).href)
      const listed = await readerPage
        .locator('li[data-claim]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-claim')!))
      expect(listed.length, path).toBeGreaterThan(0)
      expect(listed, path).not.toContain(rejected)
    }
    await readerPage.close()
    expect(readerErrors).toEqual([])
  })
  it("reviews an article's claims in one pass: approves the first by keyboard, publishes it and moves to the next", async () => {
    await page.goto(`${studio.url}/intent/edit/id=${imported.article._id};type=article`)
    await page.getByRole('tab', {name: STRUCTURE.reviewClaims}).click()
    const view = page.getByTestId('review-claims-view')
    await view.waitFor({timeout: 20_000})
    await view
      .getByTestId('review-shortcuts')
      .getByText(/a approve/)
      .waitFor()
    const rows = view.locator('[data-claim-id]')
    await rows.first().waitFor({timeout: 20_000})
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')!))
    // Body order: the order the article's annotations run in.
    const bodyOrder = (
      imported.article.body as {markDefs?: {_type: string; claim?: {_ref: string}}[]}[]
    )
      .flatMap((block) => block.markDefs ?? [])
      .filter((mark) => mark._type === 'claimRef')
      .map((mark) => mark.claim!._ref)
    expect(ids).toEqual([...new Set(bodyOrder)])
    const statuses: Record<string, string> = Object.fromEntries(
      (
        await client.fetch<{_id: string; reviewStatus: string}[]>(
          '*[_type == "claim" && article._ref == $id]{_id, reviewStatus}',
          {id: imported.article._id},
        )
      ).map((c) => [c._id, c.reviewStatus]),
    )
    const toReview = ids.filter((id) => ['extracted', 'needsReview'].includes(statuses[id]!))
    const [first, second] = toReview as [string, string]
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-claim-id') ?? null)
    // Opening the view selects the first claim still to review and focuses it: the keys work at once.
    await expect.poll(focused, {timeout: 20_000}).toBe(first)
    await view.locator(`[data-claim-span="${first}"][data-selected="true"]`).first().waitFor()
    // Clicking another claim selects it and highlights its span in the body instead.
    await view.locator(`[data-claim-id="${second}"]`).click()
    await view.locator(`[data-claim-span="${second}"][data-selected="true"]`).first().waitFor()
    expect(await view.locator(`[data-claim-span="${first}"][data-selected="true"]`).count()).toBe(0)
    await view.locator(`[data-claim-id="${first}"]`).click()
    await view.locator(`[data-claim-span="${first}"][data-selected="true"]`).first().waitFor()
    await expect.poll(focused).toBe(first)
    await view.getByTestId('review-approve').waitFor()
    await expect
      .poll(() => view.getByTestId('review-approve').isEnabled(), {timeout: 20_000})
      .toBe(true)
    await screenshot(page, 'review-view')
    await page.keyboard.press('a')
    expect(await waitForPublished('*[_id == $id][0].reviewStatus', {id: first}, 'approved')).toBe(
      'approved',
    )
    expect(
      await client.fetch(
        'count(*[_id == $draft])',
        {draft: `drafts.${first}`},
        {perspective: 'raw'},
      ),
    ).toBe(0)
    // The focus moved on to the next claim still to review, which is now the selected one.
    await expect.poll(focused, {timeout: 20_000}).toBe(second)
    // j and k step through the claims in body order, the focus with them.
    const after = ids[ids.indexOf(second) + 1]
    if (after === undefined)
      throw new Error('the bundled article should have a claim after the second')
    await page.keyboard.press('j')
    await expect.poll(focused).toBe(after)
    await page.keyboard.press('k')
    await expect.poll(focused).toBe(second)
    await view.locator(`[data-claim-span="${second}"][data-selected="true"]`).first().waitFor()
    await view.locator(`[data-claim-id="${first}"][data-review-status="approved"]`).waitFor()
    expect(takeErrors()).toEqual([])
  })

  it("changes the selected claim's source inline, to a person the article names, and approves it with that source", async () => {
    const view = page.getByTestId('review-claims-view')
    const id = await page.evaluate(
      () => document.activeElement?.getAttribute('data-claim-id') ?? null,
    )
    expect(id).toMatch(/^claim-/)
    const source = view.getByTestId('review-source')
    await source.selectOption(`person:${ALI_VAEZ}`)
    const draftSource = () =>
      client.fetch<{kind?: string; person?: {_ref: string}; organization?: unknown} | null>(
        '*[_id == $id][0].source',
        {id: `drafts.${id}`},
        {perspective: 'raw'},
      )
    await expect
      .poll(
        async () => {
          const now = await draftSource()
          return [now?.kind, now?.person?._ref, now?.organization ?? null]
        },
        {timeout: 20_000},
      )
      .toEqual(['person', ALI_VAEZ, null])
    await view.locator(`[data-claim-id="${id}"]`).click()
    await page.keyboard.press('a')
    const published = await waitForPublished(
      '*[_id == $id][0]{reviewStatus, "person": source.person._ref}',
      {id},
      {reviewStatus: 'approved', person: ALI_VAEZ},
    )
    expect(published).toEqual({reviewStatus: 'approved', person: ALI_VAEZ})
    expect(takeErrors()).toEqual([])
  })

  it('shows the review list as rows saying who said what, the headline and the confidence, and sorts it by confidence', async () => {
    await page.getByRole('link', {name: STRUCTURE.tool, exact: true}).click()
    await page.getByRole('link', {name: STRUCTURE.claims, exact: true}).click()
    await page.getByRole('link', {name: STRUCTURE.claimsNeedingReview}).click()
    const pane = page.locator('[data-testid="document-list-pane"]').last()
    const rows = pane.locator('[data-testid="detail-preview"]')
    await rows.first().waitFor({timeout: 20_000})
    const rowTexts = () => rows.evaluateAll((els) => els.map((el) => el.textContent ?? ''))
    // Rows are placeholders until their preview has loaded.
    await expect
      .poll(
        async () => {
          const now = await rowTexts()
          return now.length > 2 && now.every((text) => /confidence \d\.\d\d/.test(text))
        },
        {timeout: 20_000},
      )
      .toBe(true)
    const texts = await rowTexts()
    const headline = String(imported.article.headline)
    for (const text of texts) {
      expect(text).toContain(headline)
      expect(text).toMatch(/confidence \d\.\d\d/)
    }
    // Every row holds a claim's statement whole (the row clamps it to two lines, the text is not cut).
    const statements = claimsOf(imported).map((c) => c.statement)
    for (const text of texts)
      expect(
        statements.some((st) => text.includes(st)),
        text,
      ).toBe(true)
    expect(
      texts.some((text) => statements.some((st) => st.length > 120 && text.includes(st))),
    ).toBe(true)
    await screenshot(page, 'review-list')

    const confidences = async () =>
      (await rowTexts()).map((text) => Number(/confidence (\d\.\d\d)/.exec(text)?.[1]))
    const ascending = await confidences()
    expect(ascending.length).toBeGreaterThan(1)
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    expect(ascending[0]).toBeLessThan(ascending.at(-1)!)
    await page.getByTestId('pane-context-menu-button').last().click()
    await page.getByRole('menuitem', {name: /Confidence, highest first/}).click()
    await expect
      .poll(
        async () => {
          const now = await confidences()
          return (
            now.length > 1 && JSON.stringify(now) === JSON.stringify([...now].sort((a, b) => b - a))
          )
        },
        {timeout: 20_000},
      )
      .toBe(true)
    await screenshot(page, 'review-list-by-confidence')
    // Back to the list's default order for the steps that follow.
    await page.getByTestId('pane-context-menu-button').last().click()
    await page.getByRole('menuitem', {name: /^Default sort/}).click()
    expect(takeErrors()).toEqual([])
  })

  it('approves from the "Claims needing review" list and moves on to the next claim in it', async () => {
    const pane = page.locator('[data-testid="document-list-pane"]').last()
    const listedIds = () =>
      pane
        .locator('a[href*=";claim-"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split(';').pop()!))
    // The list back in its default order (least confident first), and settled.
    const expected = await client.fetch<string[]>(
      '*[_type == "claim" && reviewStatus in ["extracted", "needsReview"]] | order(confidence asc, _id asc)._id',
    )
    await expect
      .poll(async () => JSON.stringify(await listedIds()), {timeout: 20_000})
      .toBe(JSON.stringify(expected))
    const [first, second] = expected as [string, string]
    await pane.locator(`a[href$=";${first}"]`).click()
    const statement = claimsOf(imported).find((c) => c.id === first)!.statement
    await waitForFieldValue(statement)
    await expect
      .poll(
        async () => {
          await page.getByTestId('action-menu-button').click()
          const item = page.getByRole('menuitem', {name: /^Approve and next/})
          const enabled = await item.isEnabled()
          await page.keyboard.press('Escape')
          return enabled
        },
        {timeout: 20_000},
      )
      .toBe(true)
    await runDocumentAction('Approve and next')
    expect(await waitForPublished('*[_id == $id][0].reviewStatus', {id: first}, 'approved')).toBe(
      'approved',
    )
    await waitForFieldValue(claimsOf(imported).find((c) => c.id === second)!.statement)
    expect(page.url()).toContain(second)
    expect(takeErrors()).toEqual([])
  })

  it('opens a document listed under "Referenced by" in a new pane to the right, keeping the view', async () => {
    await page.goto(`${studio.url}/intent/edit/id=${ALI_VAEZ};type=person`)
    await waitForFieldValue('Ali Vaez')
    await page.getByRole('tab', {name: STRUCTURE.incomingReferences}).click()
    const before = await page.getByTestId('document-pane').count()
    const reference = page.getByTestId('incoming-reference').first()
    await reference.waitFor({timeout: 20_000})
    const href = await reference.getAttribute('href')
    await reference.click()
    await expect
      .poll(() => page.getByTestId('document-pane').count(), {timeout: 20_000})
      .toBe(before + 1)
    // The person's pane is still there, on its "Referenced by" view, left of the opened claim.
    await page.getByTestId('incoming-reference').first().waitFor()
    expect(href).toMatch(/;claim-|,claim-|claim-/)
    const panes = page.getByTestId('document-pane')
    const [left, right] = await Promise.all([
      panes.nth(before - 1).boundingBox(),
      panes.nth(before).boundingBox(),
    ])
    expect(right!.x).toBeGreaterThan(left!.x)
    await screenshot(page, 'referenced-by-pane')
    expect(takeErrors()).toEqual([])
  })

  it('lists the claims the importer doubted under "Doubtful imports", flagged, with a "Doubtful import" badge', async () => {
    await page.getByRole('link', {name: STRUCTURE.tool, exact: true}).click()
    await page.getByRole('link', {name: STRUCTURE.doubtfulImports}).click()
    await page.getByRole('link', {name: STRUCTURE.doubtfulClaims}).click()
    const expected = await client.fetch<string[]>(
      '*[_type == "claim" && reviewStatus in ["extracted", "needsReview"] && (count(importDoubts) > 0 || confidence <= 0.7)]._id',
    )
    expect(expected.length).toBeGreaterThan(0)
    const pane = page.locator('[data-testid="document-list-pane"]').last()
    const listed = () =>
      pane
        .locator('a[href*=";claim-"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split(';').pop()!))
    await expect
      .poll(async () => JSON.stringify((await listed()).sort()), {timeout: 20_000})
      .toBe(JSON.stringify([...expected].sort()))
    const rows = pane.locator('[data-testid="detail-preview"]')
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes('⚑')), {
        timeout: 20_000,
      })
      .toBe(true)
    await pane.locator(`a[href$=";${expected[0]}"]`).click()
    await page
      .getByTestId('document-pane')
      .getByText('Doubtful import')
      .first()
      .waitFor({timeout: 20_000})
    await screenshot(page, 'doubtful-imports')
    expect(takeErrors()).toEqual([])
  })

  it('refuses in the review view, as the actions do, to approve a claim whose draft does not validate, and says why', async () => {
    const open: string[] = await client.fetch(
      '*[_type == "claim" && article._ref == $id && reviewStatus in ["extracted", "needsReview"]]._id',
      {id: imported.article._id},
    )
    const id = open[0]!
    const published = await client.getDocument(id)
    // An editor's draft with a person source and no person: Publish would refuse it too.
    await client.createOrReplace({
      ...published!,
      _id: `drafts.${id}`,
      source: {_type: 'claimSource', kind: 'person'},
    })
    await page.goto(`${studio.url}/intent/edit/id=${imported.article._id};type=article`)
    await page.getByRole('tab', {name: STRUCTURE.reviewClaims}).click()
    const view = page.getByTestId('review-claims-view')
    await view.locator(`[data-claim-id="${id}"]`).click()
    await view
      .getByTestId('review-blocked')
      .getByText(/^Cannot be approved: A person source needs the person it names/)
      .waitFor({timeout: 20_000})
    expect(await view.getByTestId('review-approve').isDisabled()).toBe(true)
    await page.keyboard.press('a')
    await page.waitForTimeout(1_500)
    expect(
      await client.fetch('*[_id == $id][0].reviewStatus', {id}, {perspective: 'published'}),
    ).toBe(published!.reviewStatus)
    expect(
      await client.fetch(
        '*[_id == $id][0].source.kind',
        {id: `drafts.${id}`},
        {perspective: 'raw'},
      ),
    ).toBe('person')
    await screenshot(page, 'review-view-refused')
    await client.delete(`drafts.${id}`)
    expect(takeErrors()).toEqual([])
  })
})
