import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

/**
 * The main window's options: the security settings of Electron's checklist (context isolation,
 * sandbox, no Node in the renderer, web security, no remote module) live here so a unit test can assert them.
 */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    ...(icon ? { icon } : {}),
    minWidth: 1024,
    minHeight: 640,
    title: '党办通',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}
