import type { FilePayload } from '@shared/contract/imports'

/** A picked file as the contract carries it (base64), so IPC and the loopback bridge work alike. */
export async function readFilePayload(file: File): Promise<FilePayload> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return { fileName: file.name, contentBase64: btoa(binary) }
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
