/** Bad input for the import: the message is one line, fit to print as the whole error. */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError'
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '))
  }
}
