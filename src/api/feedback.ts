import { ElMessage } from 'element-plus'
import { ApiError } from './client'

/**
 * A sentence the window itself has for the clerk (a file that cannot be read, a step that needs a reason): shown as
 * written, like the backend's own messages. Anything else that goes wrong is a bug and gets the plain sentence below.
 */
export class ClerkError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ClerkError'
  }
}

/** Whether an error carries words meant for the clerk (the backend's, or the window's own). */
export const isForClerk = (error: unknown): error is ApiError | ClerkError => error instanceof ApiError || error instanceof ClerkError

/** Shows a backend error to the clerk as it is worded; anything unexpected gets a plain sentence. */
export function showError(error: unknown): void {
  const message = isForClerk(error) ? error.message : '操作未完成：发生了意外错误，数据未被修改'
  ElMessage({ type: 'error', message, duration: 6000, showClose: true })
  if (!isForClerk(error)) console.error(error)
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}

export function showWarning(message: string): void {
  ElMessage({ type: 'warning', message, duration: 6000, showClose: true })
}
