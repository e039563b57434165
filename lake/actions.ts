// The Actions API the Studio edits through (POST /data/actions/:dataset): each action expands into
// mutations on the draft/published pair, all of a request's actions in one transaction.
import {badRequest, LakeError} from './errors.ts'
import {draftId as toDraftId, publishedId as toPublishedId} from './perspective.ts'
import type {Transaction} from './transaction.ts'
import type {SanityDocument} from './types.ts'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

function actionFailed(index: number, description: string, type = 'actionError'): LakeError {
  return new LakeError(409, {
    description: 'Action(s) failed with 1 error(s)',
    type: 'actionError',
    items: [{error: {description, type}, index}],
  })
}

/** The document `id` in the transaction, or a 409 `documentNotFoundError` saying `why`. */
function existing(transaction: Transaction, id: string, index: number, why: string) {
  const doc = transaction.get(id)
  if (!doc) throw actionFailed(index, why, 'documentNotFoundError')
  return doc
}

/** A 409 `conflictError` when the action names a revision `doc` no longer has. */
function checkRevision(
  expected: unknown,
  doc: SanityDocument | null | undefined,
  index: number,
  why: string,
) {
  if (typeof expected === 'string' && expected !== doc?._rev)
    throw actionFailed(index, why, 'conflictError')
}

function text(action: Record<string, unknown>, key: string, index: number): string {
  const value = action[key]
  if (typeof value !== 'string' || !value)
    throw badRequest(`Action ${index}: "${key}" must be a document id`, 'validationError')
  return value
}

/** A published copy of a draft: references the Studio weakened while drafting become strong again. */
function strengthened<T>(value: T): T {
  if (Array.isArray(value)) return value.map(strengthened) as T
  if (!isRecord(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) copy[key] = strengthened(child)
  if ('_strengthenOnPublish' in copy) {
    delete copy._strengthenOnPublish
    delete copy._weak
  }
  return copy as T
}

function withoutSystemFields(doc: SanityDocument): Record<string, unknown> {
  const {_rev, _updatedAt, _originalId, ...rest} = doc as SanityDocument & {_originalId?: unknown}
  return rest
}

/** Applies one action to the transaction; mutation errors are re-labelled as action errors. */
function applyAction(transaction: Transaction, action: unknown, index: number): void {
  if (!isRecord(action) || typeof action.actionType !== 'string') {
    throw badRequest(`Action ${index} must be an object with an actionType`, 'validationError')
  }
  const mutate = (mutation: unknown) => transaction.apply(mutation, index)
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const publishedId = text(action, 'publishedId', index)
      if (!isRecord(action.attributes))
        throw badRequest(`Action ${index}: attributes must be a document`, 'validationError')
      const id =
        typeof action.attributes._id === 'string' ? action.attributes._id : toDraftId(publishedId)
      if (toPublishedId(id) !== toPublishedId(publishedId))
        throw badRequest(
          `Action ${index}: attributes._id does not belong to ${publishedId}`,
          'validationError',
        )
      if (transaction.get(id)) {
        if (action.ifExists === 'ignore') return
        throw actionFailed(index, `Document "${id}" already exists`, 'documentAlreadyExistsError')
      }
      mutate({create: {...action.attributes, _id: id}})
      return
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = text(action, 'publishedId', index)
      if (!isRecord(action.attributes))
        throw badRequest(`Action ${index}: attributes must be a document`, 'validationError')
      mutate({createOrReplace: {...action.attributes, _id: toDraftId(publishedId)}})
      return
    }
    case 'sanity.action.document.edit': {
      const draftId = text(action, 'draftId', index)
      const publishedId = text(action, 'publishedId', index)
      if (!isRecord(action.patch))
        throw badRequest(`Action ${index}: patch must be an object`, 'validationError')
      if (!transaction.get(draftId)) {
        const published = transaction.get(publishedId)
        if (!published)
          throw actionFailed(
            index,
            `Cannot edit "${publishedId}": neither a draft nor a published version exists`,
            'documentNotFoundError',
          )
        mutate({create: {...withoutSystemFields(published), _id: draftId}})
      }
      mutate({patch: {...action.patch, id: draftId}})
      return
    }
    case 'sanity.action.document.publish': {
      const draftId = text(action, 'draftId', index)
      const publishedId = text(action, 'publishedId', index)
      const draft = existing(
        transaction,
        draftId,
        index,
        `Cannot publish "${publishedId}": there is no draft`,
      )
      checkRevision(
        action.ifDraftRevisionId,
        draft,
        index,
        `The draft of "${publishedId}" has changed (revision ${draft._rev})`,
      )
      const published = transaction.get(publishedId)
      checkRevision(
        action.ifPublishedRevisionId,
        published,
        index,
        `The published "${publishedId}" has changed`,
      )
      const next = strengthened({...withoutSystemFields(draft), _id: publishedId}) as Record<
        string,
        unknown
      >
      if (published?._createdAt) next._createdAt = published._createdAt
      mutate({createOrReplace: next})
      mutate({delete: {id: draftId}})
      return
    }
    case 'sanity.action.document.unpublish': {
      const draftId = text(action, 'draftId', index)
      const publishedId = text(action, 'publishedId', index)
      const published = transaction.get(publishedId)
      if (!published)
        throw actionFailed(
          index,
          `Cannot unpublish "${publishedId}": it is not published`,
          'documentNotFoundError',
        )
      if (!transaction.get(draftId))
        mutate({create: {...withoutSystemFields(published), _id: draftId}})
      mutate({delete: {id: publishedId}})
      return
    }
    case 'sanity.action.document.discard': {
      const draftId = text(action, 'draftId', index)
      existing(transaction, draftId, index, `Cannot discard "${draftId}": there is no draft`)
      mutate({delete: {id: draftId}})
      return
    }
    case 'sanity.action.document.version.discard': {
      // What the Studio sends to delete a never-published document: one per draft or release version.
      const versionId = text(action, 'versionId', index)
      if (versionId === toPublishedId(versionId))
        throw badRequest(
          `Action ${index}: "${versionId}" is a published id; discard takes a draft or version id`,
          'validationError',
        )
      existing(
        transaction,
        versionId,
        index,
        `Cannot discard "${versionId}": there is no such version`,
      )
      mutate({delete: {id: versionId}})
      return
    }
    case 'sanity.action.document.version.create': {
      // A new draft (or release version) from a given document, or copied from another version.
      const publishedId = text(action, 'publishedId', index)
      let document: Record<string, unknown>
      if (isRecord(action.document)) {
        document = action.document
      } else {
        const baseId = text(action, 'baseId', index)
        const base = existing(
          transaction,
          baseId,
          index,
          `Cannot copy "${baseId}": it does not exist`,
        )
        checkRevision(
          action.ifBaseRevisionId,
          base,
          index,
          `"${baseId}" has changed (revision ${base._rev})`,
        )
        document = {...withoutSystemFields(base), _id: text(action, 'versionId', index)}
      }
      const id = document._id
      if (typeof id !== 'string' || id === publishedId || toPublishedId(id) !== publishedId)
        throw badRequest(
          `Action ${index}: the version's id must be a draft or version id of ${publishedId}`,
          'validationError',
        )
      if (transaction.get(id))
        throw actionFailed(index, `Document "${id}" already exists`, 'documentAlreadyExistsError')
      mutate({create: document})
      return
    }
    case 'sanity.action.document.delete': {
      const publishedId = text(action, 'publishedId', index)
      const drafts = Array.isArray(action.includeDrafts)
        ? action.includeDrafts.filter((id): id is string => typeof id === 'string')
        : []
      for (const id of [...drafts, toDraftId(publishedId), publishedId]) {
        if (transaction.get(id)) mutate({delete: {id}})
      }
      return
    }
    default:
      throw badRequest(
        `Action ${index}: the local dataset does not support "${action.actionType}"`,
        'validationError',
      )
  }
}

/** Builds the transaction for a request's actions. */
export function applyActions(actions: unknown): (transaction: Transaction) => void {
  if (!Array.isArray(actions) || actions.length === 0)
    throw badRequest('The request body must hold a non-empty "actions" array', 'validationError')
  return (transaction) => {
    actions.forEach((action: unknown, index) => {
      try {
        applyAction(transaction, action, index)
      } catch (error) {
        if (error instanceof LakeError && error.body.type === 'mutationError') {
          throw new LakeError(error.status, {
            ...error.body,
            description: 'Action(s) failed with 1 error(s)',
            type: 'actionError',
          })
        }
        throw error
      }
    })
  }
}
