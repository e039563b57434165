// Errors that carry the HTTP status and the JSON body the Content Lake answers with.

export interface LakeErrorBody {
  description: string
  type: string
  [detail: string]: unknown
}

export class LakeError extends Error {
  readonly status: number
  readonly body: LakeErrorBody

  constructor(status: number, body: LakeErrorBody) {
    super(body.description)
    this.name = 'LakeError'
    this.status = status
    this.body = body
  }
}

/** A failed mutation, shaped as the Lake reports it: a summary plus one item per failing mutation. */
export function mutationError(
  index: number,
  description: string,
  type: string,
  details: Record<string, unknown> = {},
): LakeError {
  return new LakeError(409, {
    description: 'Mutation(s) failed with 1 error(s)',
    type: 'mutationError',
    items: [{error: {description, type, ...details}, index}],
  })
}

export function badRequest(description: string, type = 'httpBadRequest'): LakeError {
  return new LakeError(400, {description, type})
}

/** The disk refused the write (full, failing, read-only): nothing was committed; reads still work. */
export function storageError(file: string, error: NodeJS.ErrnoException): LakeError {
  return new LakeError(503, {
    description: `The transaction was not committed: writing ${file} failed (${error.code ?? 'I/O error'}: ${error.message}). Nothing was changed; free disk space and retry.`,
    type: 'storageError',
  })
}
