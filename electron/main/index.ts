import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Backend } from '../backend/dispatch'
import { openBackend } from '../backend/open'
import { resolveDatabasePath } from '../backend/paths'
import { buildMenu } from './menu'
import { isAllowedNavigation, isTrustedSender } from './sender'
import { mainWindowOptions } from './window-options'
import { loadWindowBounds, saveWindowBounds } from './window-state'

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

// In development electron-vite serves the renderer from a local dev server; the product loads files.
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('党办通无法启动', error instanceof Error ? error.message : String(error))
    app.quit()
  })
}

function start(): void {
  const dbPath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'))
  mkdirSync(dirname(dbPath), { recursive: true })
  backend = openBackend(dbPath, 'electron')

  denyEverythingRemote()
  ipcMain.handle('dangban:call', (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    const trusted = isTrustedSender(
      { senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame },
      mainWindow?.webContents.id ?? null,
      rendererUrl,
    )
    if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } }
    return backend!.call(String(method), input)
  })

  Menu.setApplicationMenu(buildMenu(() => mainWindow))
  createWindow()
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const { maximized, ...bounds } = loadWindowBounds(stateFile)
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), bounds))
  if (maximized) mainWindow.maximize()
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('close', () => {
    if (mainWindow) saveWindowBounds(stateFile, mainWindow.getNormalBounds(), mainWindow.isMaximized())
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(rendererUrl)
}

/**
 * The app makes no network request and shows nothing but its own pages (Electron security checklist
 * items 4, 12–15): permissions denied, navigation and new windows denied, every non-local request cancelled.
 */
function denyEverythingRemote(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const local = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:')
    const devServer = process.env.ELECTRON_RENDERER_URL !== undefined && details.url.startsWith(new URL(rendererUrl).origin)
    callback({ cancel: !(local || devServer) })
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

app.on('window-all-closed', () => {
  backend?.context.db.close()
  backend = null
  app.quit()
})
