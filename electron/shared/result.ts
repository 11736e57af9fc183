/** Every backend call answers with data or an error a clerk can read: errors are data, never thrown across the boundary. */
/** UNAUTHENTICATED: nobody is signed in on this window (or the sign-in expired): the window shows the sign-in screen */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'UNKNOWN_METHOD' | 'INTERNAL' | 'DAMAGED'

export interface FieldIssue {
  /** dotted path of the input field, e.g. "parentId" */
  field: string
  message: string
}

export interface AppErrorData {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }

/** Thrown inside the backend; turned into `{ ok: false }` by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what}不存在或已被移除，请刷新后重试`)
export const invalid = (message: string, field?: string): AppError =>
  new AppError('VALIDATION', message, field ? [{ field, message }] : undefined)
