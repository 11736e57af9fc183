import type { FilePayload } from '@shared/contract/imports'
import { ClerkError } from './feedback'

/**
 * A picked file as the contract carries it (base64), so IPC and the loopback bridge work alike. The browser encodes
 * it (a data: URL) off the page's thread: a 5 MB roster encoded in script held the window for a quarter second.
 */
export function readFilePayload(file: File): Promise<FilePayload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ fileName: file.name, contentBase64: url.slice(url.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(new ClerkError(`无法读取文件“${file.name}”：请确认文件没有被其他程序占用`))
    reader.readAsDataURL(file)
  })
}

/** Saves a file the backend produced (template, error workbook, export) through the browser's download. */
export function downloadPayload(payload: FilePayload, mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const binary = atob(payload.contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = payload.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file's size as a clerk reads it: whole KB below a megabyte (never 0 KB), MB with one decimal above. */
export const fileSize = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`)
