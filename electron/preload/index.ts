import { contextBridge, ipcRenderer } from 'electron'

/**
 * The renderer's only door to the backend: window.api.call(method, input). No Node, no ipcRenderer,
 * no arbitrary channels are exposed (Electron security checklist: contextIsolation + a narrow bridge).
 */
contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('dangban:call', method, input),
  /** desktop only: save the current page (the print preview) as a PDF, asking where */
  saveAsPdf: (name: string): Promise<unknown> => ipcRenderer.invoke('dangban:save-pdf', name),
  /** desktop only: the system print dialog for the current page (the print preview) */
  print: (): Promise<unknown> => ipcRenderer.invoke('dangban:print'),
  /** desktop only: first page of each section of the print preview, measured with printToPDF */
  measureSections: (selector: string): Promise<unknown> => ipcRenderer.invoke('dangban:measure-sections', selector),
  onNavigate: (listener: (path: string) => void): void => {
    ipcRenderer.on('dangban:navigate', (_event, path: unknown) => {
      if (typeof path === 'string' && path.startsWith('/')) listener(path)
    })
  },
})
