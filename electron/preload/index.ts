import { contextBridge, ipcRenderer } from 'electron'

/**
 * The renderer's only door to the backend: window.api.call(method, input). No Node, no ipcRenderer,
 * no arbitrary channels are exposed (Electron security checklist: contextIsolation + a narrow bridge).
 */
contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('dangban:call', method, input),
  onNavigate: (listener: (path: string) => void): void => {
    ipcRenderer.on('dangban:navigate', (_event, path: unknown) => {
      if (typeof path === 'string' && path.startsWith('/')) listener(path)
    })
  },
})
