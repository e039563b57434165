import {describe, expect, it} from 'vitest'
import {
  DEFAULT_LAKE_URL,
  LOCAL_EDITOR_TOKEN,
  LOCAL_PROJECT_ID,
  createLocalClientFactory,
  needsEditorChoice,
  rememberEditor,
  resolveStudioTarget,
  studioEnvFromProcessEnv,
  studioTargetOptions,
} from '../../studio/localMode.ts'

describe('Studio target', () => {
  it('is the hosted project when a project id is set', () => {
    expect(
      resolveStudioTarget({projectId: 'abc123', dataset: 'staging', lakeUrl: 'http://127.0.0.1:9'}),
    ).toEqual({
      mode: 'hosted',
      projectId: 'abc123',
      dataset: 'staging',
    })
  })

  it('is the local lake when the project id is missing or blank', () => {
    for (const projectId of [undefined, '', '  ']) {
      expect(resolveStudioTarget({projectId})).toEqual({
        mode: 'local',
        projectId: LOCAL_PROJECT_ID,
        dataset: 'production',
        apiHost: DEFAULT_LAKE_URL,
        token: LOCAL_EDITOR_TOKEN,
      })
    }
  })

  it('keeps the lake url without a trailing slash so request urls stay well formed', () => {
    const target = resolveStudioTarget({lakeUrl: 'http://127.0.0.1:4000/'})
    expect(target.mode === 'local' && target.apiHost).toBe('http://127.0.0.1:4000')
  })

  it('maps SANITY_PROJECT_ID and SANITY_DATASET onto the names the Studio bundle can read', () => {
    expect(
      studioEnvFromProcessEnv({SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging'}),
    ).toEqual({
      SANITY_STUDIO_PROJECT_ID: 'abc123',
      SANITY_STUDIO_DATASET: 'staging',
    })
    expect(studioEnvFromProcessEnv({SANITY_PROJECT_ID: ''})).toEqual({})
  })
})

describe('local-mode workspace options', () => {
  const target = resolveStudioTarget({lakeUrl: 'http://127.0.0.1:4000'})

  it('sends every Studio request to the lake host itself, not a project subdomain', () => {
    const client = createLocalClientFactory({
      apiHost: 'http://127.0.0.1:4000',
      token: 't'.repeat(32),
    })({
      projectId: LOCAL_PROJECT_ID,
      dataset: 'production',
      apiVersion: '2025-02-19',
    })
    expect(client.getUrl('/users/me')).toBe('http://127.0.0.1:4000/v2025-02-19/users/me')
    expect(client.config()).toMatchObject({
      token: 't'.repeat(32),
      useCdn: false,
      withCredentials: false,
    })
  })

  it('keeps a token the Studio chose over the local editor token', () => {
    const client = createLocalClientFactory({apiHost: 'http://127.0.0.1:4000', token: 'local'})({
      projectId: LOCAL_PROJECT_ID,
      dataset: 'production',
      apiVersion: '2025-02-19',
      token: 'from-studio',
    })
    expect(client.config().token).toBe('from-studio')
  })

  it("uses token login and no hosted-only features, and leaves search on the Studio's default strategy", () => {
    const options = studioTargetOptions(target)
    expect(options).toMatchObject({
      projectId: LOCAL_PROJECT_ID,
      dataset: 'production',
      apiHost: 'http://127.0.0.1:4000',
      auth: {loginMethod: 'token', apiHost: 'http://127.0.0.1:4000'},
      releases: {enabled: false},
      tasks: {enabled: false},
    })
    expect(typeof options.unstable_clientFactory).toBe('function')
    // No `search` option: the default (groq2024, which sends text::query) runs against the lake.
    expect(options).not.toHaveProperty('search')
  })

  it('leaves a hosted workspace as Sanity configures it by default', () => {
    expect(
      studioTargetOptions({mode: 'hosted', projectId: 'abc123', dataset: 'production'}),
    ).toEqual({
      projectId: 'abc123',
      dataset: 'production',
    })
  })
})

describe('local mode with several editors', () => {
  const editors = 'Ada Lovelace=token-ada,Grace Hopper=token-grace'
  const memory = (value: string | null = null) => {
    let stored = value
    return {
      getItem: () => stored,
      setItem: (_key: string, next: string) => {
        stored = next
      },
    }
  }
  const clientToken = (target: ReturnType<typeof resolveStudioTarget>, storage = memory()) => {
    if (target.mode !== 'local') throw new Error('expected local mode')
    return createLocalClientFactory(
      target,
      storage,
    )({
      projectId: LOCAL_PROJECT_ID,
      dataset: 'production',
      apiVersion: '2025-02-19',
    }).config().token
  }

  it('reads the editors and sends the token of the one named by SANITY_STUDIO_LOCAL_EDITOR', () => {
    const target = resolveStudioTarget({editors, editor: 'Grace Hopper'})
    expect(target).toMatchObject({
      editor: 'Grace Hopper',
      token: 'token-grace',
      editors: [
        {name: 'Ada Lovelace', token: 'token-ada'},
        {name: 'Grace Hopper', token: 'token-grace'},
      ],
    })
    expect(clientToken(target)).toBe('token-grace')
    expect(target.mode === 'local' && needsEditorChoice(target, memory())).toBe(false)
  })

  it('asks once when none is named, then sends the remembered editor’s token', () => {
    const target = resolveStudioTarget({editors})
    if (target.mode !== 'local') throw new Error('expected local mode')
    const storage = memory()
    expect(needsEditorChoice(target, storage)).toBe(true)
    rememberEditor('Grace Hopper', storage)
    expect(storage.getItem()).toBe('Grace Hopper')
    expect(needsEditorChoice(target, storage)).toBe(false)
    expect(clientToken(target, storage)).toBe('token-grace')
    // A remembered name the lake no longer has is asked again.
    expect(needsEditorChoice(target, memory('Someone Else'))).toBe(true)
  })

  it('does not ask when there is one editor or none', () => {
    const one = resolveStudioTarget({editors: 'Ada Lovelace=token-ada'})
    expect(one.mode === 'local' && needsEditorChoice(one, memory())).toBe(false)
    expect(clientToken(one)).toBe('token-ada')
    expect(clientToken(resolveStudioTarget({}))).toBe(LOCAL_EDITOR_TOKEN)
  })

  it('refuses an editor name the list does not hold, naming the ones it does', () => {
    expect(() => resolveStudioTarget({editors, editor: 'Alan'})).toThrow(
      'SANITY_STUDIO_LOCAL_EDITOR is "Alan", not one of the editors: Ada Lovelace, Grace Hopper',
    )
  })

  it('copies the editors into the Studio bundle’s environment in local mode only', () => {
    expect(studioEnvFromProcessEnv({LAKE_EDITORS: editors})).toEqual({
      SANITY_STUDIO_LOCAL_EDITORS: editors,
    })
    expect(studioEnvFromProcessEnv({LAKE_EDITORS: editors, SANITY_PROJECT_ID: 'abc123'})).toEqual({
      SANITY_STUDIO_PROJECT_ID: 'abc123',
    })
  })
})
