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
      const draft = transaction.get(draftId)
      if (!draft)
        throw actionFailed(
          index,
          `Cannot publish "${publishedId}": there is no draft`,
          'documentNotFoundError',
        )
      if (typeof action.ifDraftRevisionId === 'string' && action.ifDraftRevisionId !== draft._rev) {
        throw actionFailed(
          index,
          `The draft of "${publishedId}" has changed (revision ${draft._rev})`,
          'conflictError',
        )
      }
      const published = transaction.get(publishedId)
      if (
        typeof action.ifPublishedRevisionId === 'string' &&
        action.ifPublishedRevisionId !== published?._rev
      ) {
        throw actionFailed(index, `The published "${publishedId}" has changed`, 'conflictError')
      }
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
      if (!transaction.get(draftId))
        throw actionFailed(
          index,
          `Cannot discard "${draftId}": there is no draft`,
          'documentNotFoundError',
        )
      mutate({delete: {id: draftId}})
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
