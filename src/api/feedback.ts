import { ElMessage } from 'element-plus'
import { ApiError } from './client'

/** Shows a backend error to the clerk as it is worded; anything unexpected gets a plain sentence. */
export function showError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : '操作未完成：发生了意外错误，数据未被修改'
  ElMessage({ type: 'error', message, duration: 6000, showClose: true })
  if (!(error instanceof ApiError)) console.error(error)
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message })
}

export function showWarning(message: string): void {
  ElMessage({ type: 'warning', message, duration: 6000, showClose: true })
}
