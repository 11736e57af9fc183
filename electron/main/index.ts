import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { automaticBackup, startBackend, type AppBackend } from '../backend/backup/startup'
import { resolveDatabasePath } from '../backend/paths'
import { buildMenu } from './menu'
import { measureSections, printPreview, saveAsPdf } from './printing'
import { isAllowedNavigation, isTrustedSender } from './sender'
import { mainWindowOptions } from './window-options'
import { loadWindowBounds, saveWindowBounds } from './window-state'

let mainWindow: BrowserWindow | null = null
let backend: AppBackend | null = null

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

async function start(): Promise<void> {
  const dbPath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'))
  mkdirSync(dirname(dbPath), { recursive: true })
  // a damaged database opens in recovery mode: the window explains it and offers the good backups (no crash loop)
  backend = startBackend(dbPath, 'electron')
  // automatic backup at start when the newest is older than a day (issue 8); a failure is logged, never fatal
  void automaticBackup(backend, '启动时自动备份', 'due').then((r) => r.error && console.error(r.error))

  denyEverythingRemote()
  ipcMain.handle('dangban:call', (event, method: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } }
    return backend!.call(String(method), input)
  })
  ipcMain.handle('dangban:save-pdf', (event, name: unknown) => (trusted(event) ? saveAsPdf(event, name) : { ok: false }))
  ipcMain.handle('dangban:print', (event) => (trusted(event) ? printPreview(event) : { ok: false }))
  ipcMain.handle('dangban:measure-sections', (event, selector: unknown) => (trusted(event) ? measureSections(event, selector) : []))

  Menu.setApplicationMenu(buildMenu(() => mainWindow))
  createWindow()
}

/** Every IPC message passes the sender check (our main window's top frame showing our renderer). */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return isTrustedSender({ senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame }, mainWindow?.webContents.id ?? null, rendererUrl)
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

let backedUpOnExit = false
// a backup on exit as well, before the database is closed
app.on('before-quit', (event) => {
  if (backedUpOnExit || !backend) return
  event.preventDefault()
  backedUpOnExit = true
  void automaticBackup(backend, '退出时自动备份', 'always')
    .then((r) => r.error && console.error(r.error))
    .finally(() => app.quit())
})

app.on('will-quit', () => {
  backend?.close()
  backend = null
})

app.on('window-all-closed', () => app.quit())
