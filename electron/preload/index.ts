import { contextBridge, ipcRenderer } from 'electron'
import { IPC, NAVIGATE_CHANNEL, type DesktopApi } from '../shared/desktop'

/**
 * The renderer's only door to the backend: window.api.call(method, input). No Node, no ipcRenderer,
 * no arbitrary channels are exposed (Electron security checklist: contextIsolation + a narrow bridge).
 */
const api: DesktopApi = {
  call: (method, input) => ipcRenderer.invoke(IPC.call, method, input),
  saveAsPdf: (name) => ipcRenderer.invoke(IPC.savePdf, name),
  print: () => ipcRenderer.invoke(IPC.print),
  measureSections: (selector) => ipcRenderer.invoke(IPC.measureSections, selector),
  onNavigate: (listener) => {
    ipcRenderer.on(NAVIGATE_CHANNEL, (_event, path: unknown) => {
      if (typeof path === 'string' && path.startsWith('/')) listener(path)
    })
  },
}

contextBridge.exposeInMainWorld('api', api)
