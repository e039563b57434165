// Who is writing: the lake knows its editors by token (one per editor, configured by name), and
// records each transaction's author from the token it came with. Without any configured editor
// there is one implicit local editor, as before.
import {timingSafeEqual} from 'node:crypto'
import type {EditorConfig} from './editor-list.ts'
import {LOCAL_USER} from './studio-api.ts'

export type {EditorConfig}

/** A user as `/users/me` answers it (the Studio's current user). */
export interface LakeUser {
  id: string
  name: string
  email: string
  profileImage: null
  role: string
  roles: typeof LOCAL_USER.roles
  provider: string
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** A stable user id from a name: `Ada Lovelace` → `p-ada-lovelace`. */
export function editorUserId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `p-${slug || 'editor'}`
}

function userFor(name: string): LakeUser {
  const id = editorUserId(name)
  return {...LOCAL_USER, id, name, email: `${id.slice(2)}@localhost`}
}

/**
 * The lake's editors: each configured `NAME=TOKEN`, plus the implicit local editor when the lake
 * has a single `--token` or no token at all.
 */
export class Editors {
  private readonly byToken: {token: string; user: LakeUser}[]
  readonly users: LakeUser[]
  /** When true anyone on an allowed origin writes, as the local editor (no token configured). */
  readonly open: boolean

  constructor(editors: EditorConfig[] = [], token?: string) {
    this.byToken = editors.map(({name, token: secret}) => ({token: secret, user: userFor(name)}))
    if (token) this.byToken.push({token, user: LOCAL_USER})
    const ids = new Set<string>()
    for (const {user} of this.byToken) {
      if (ids.has(user.id) && user !== LOCAL_USER)
        throw new Error(`two editors share the user id "${user.id}": give them distinct names`)
      ids.add(user.id)
    }
    const tokens = this.byToken.map((entry) => entry.token)
    if (new Set(tokens).size !== tokens.length) throw new Error('two editors share a token')
    this.open = this.byToken.length === 0
    this.users = this.open
      ? [LOCAL_USER]
      : [...new Map(this.byToken.map(({user}) => [user.id, user])).values()]
  }

  /** The editor a token belongs to; every configured token is compared, in constant time each. */
  byTokenValue(token: string): LakeUser | undefined {
    let found: LakeUser | undefined
    for (const entry of this.byToken) if (sameSecret(token, entry.token)) found ??= entry.user
    return found
  }

  /** Also the local editor, who wrote what tools without a token (an import) committed. */
  byId(id: string): LakeUser | undefined {
    return (
      this.users.find((user) => user.id === id) ?? (id === LOCAL_USER.id ? LOCAL_USER : undefined)
    )
  }
}

/** A user as `/users/:ids` answers it (the Studio's user store reads `displayName`). */
export function publicUser(user: LakeUser) {
  return {
    id: user.id,
    displayName: user.name,
    givenName: user.name.split(' ')[0] ?? user.name,
    familyName: user.name.split(' ').slice(1).join(' ') || null,
    email: user.email,
    imageUrl: null,
    isCurrentUser: false,
    projectId: null,
  }
}
