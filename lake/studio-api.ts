// The project-level endpoints a Studio calls before it shows a document: who am I, what may I do,
// which datasets exist, and per-user key/value preferences. Answers for one local editor.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {writeFileAtomic} from './files.ts'

export const LOCAL_USER = {
  id: 'p-local-editor',
  name: 'Local Editor',
  email: 'editor@localhost',
  profileImage: null,
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator', description: 'Edits the local dataset'}],
  provider: 'local',
}

const ALL_PERMISSIONS = ['read', 'create', 'history', 'update', 'editHistory', 'manage']

/** The project, its members the lake's editors (`currentUserId` the caller's). */
export function projectInfo(
  projectId: string,
  users: {id: string}[] = [LOCAL_USER],
  currentUserId?: string,
) {
  return {
    id: projectId,
    displayName: `Local project ${projectId}`,
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    organizationId: null,
    metadata: {},
    features: [],
    pendingInvites: 0,
    members: users.map((user) => ({
      id: user.id,
      role: 'administrator',
      roles: LOCAL_USER.roles,
      isCurrentUser: user.id === currentUserId,
      isRobot: false,
      createdAt: '2024-01-01T00:00:00Z',
    })),
  }
}

/** Project grants: resource → [{grants: [{name}], config}], every permission for the editor. */
export function projectGrants() {
  const grant = (names: string[]) => [
    {grants: names.map((name) => ({name, params: {}})), config: {}},
  ]
  return {
    'sanity.project': grant(['read', 'update', 'manage']),
    'sanity.project.datasets': grant(['read', 'create', 'update', 'manage']),
    'sanity.project.members': grant(['read']),
    'sanity.document.filter.mode': grant([
      'read',
      'create',
      'update',
      'history',
      'editHistory',
      'mode',
    ]),
  }
}

/** A dataset's ACL: the editor may do anything; an anonymous caller may read published documents. */
export function datasetAcl(editor: boolean) {
  return editor
    ? [{filter: '_id in path("**")', permissions: ALL_PERMISSIONS}]
    : [{filter: '_id in path("*")', permissions: ['read']}]
}

export function datasetInfo(name: string) {
  return {
    name,
    aclMode: 'public',
    createdAt: '2024-01-01T00:00:00Z',
    createdByUserId: LOCAL_USER.id,
    addonFor: null,
    datasetProfile: 'content',
    features: [],
    tags: [],
  }
}

/** Per-user preferences (`/users/me/keyvalue`), one JSON file beside the datasets. */
export class KeyValueStore {
  private readonly file: string
  private values: Record<string, unknown> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(dir: string) {
    this.file = join(dir, 'keyvalue.json')
  }

  private load(): Record<string, unknown> {
    if (!this.values) {
      try {
        this.values = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>
      } catch {
        this.values = {}
      }
    }
    return this.values
  }

  get(keys: string[]): {key: string; value: unknown}[] {
    const values = this.load()
    return keys.map((key) => ({key, value: Object.hasOwn(values, key) ? values[key] : null}))
  }

  async set(pairs: {key: string; value: unknown}[]): Promise<{key: string; value: unknown}[]> {
    const values = this.load()
    for (const {key, value} of pairs) values[key] = value
    const snapshot = JSON.stringify(values, null, 2)
    this.writing = this.writing.then(() => writeFileAtomic(this.file, [snapshot]))
    await this.writing
    return pairs
  }
}
