/**
 * The desktop app's IPC surface, written once: the channel names the preload invokes and the main process
 * handles, and the `window.api` the renderer sees. A channel renamed here is renamed on both sides.
 */
export const IPC = {
  /** every backend method, validated and dispatched in the backend worker */
  call: 'dangban:call',
  /** 另存为 PDF of the print preview, asking where */
  savePdf: 'dangban:save-pdf',
  /** the system print dialog for the print preview */
  print: 'dangban:print',
  /** first page of each section of the print preview (the binder's contents) */
  measureSections: 'dangban:measure-sections',
} as const

/** main → renderer only: the menu asks the renderer to open a page */
export const NAVIGATE_CHANNEL = 'dangban:navigate'

export type IpcChannel = (typeof IPC)[keyof typeof IPC]

export interface SavePdfResult {
  ok: boolean
  file?: string
}

export interface PrintResult {
  ok: boolean
  reason?: string
}

/** What the preload exposes as `window.api` (absent in browser mode, where the loopback bridge is used). */
export interface DesktopApi {
  call(method: string, input: unknown): Promise<unknown>
  saveAsPdf(name: string): Promise<SavePdfResult>
  print(): Promise<PrintResult>
  measureSections(selector: string): Promise<number[]>
  onNavigate(listener: (path: string) => void): void
}
