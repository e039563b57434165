import {describe, expect, it} from 'vitest'
import {
  DEFAULT_LAKE_URL,
  LOCAL_EDITOR_TOKEN,
  LOCAL_PROJECT_ID,
  createLocalClientFactory,
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
