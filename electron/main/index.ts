import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Backend } from '../backend/dispatch'
import { backupIsDue, newestGoodBackup, restoreBackup } from '../backend/backup/backup'
import { DatabaseCorruptError } from '../backend/db/open'
import { openBackend } from '../backend/open'
import { resolveDatabasePath } from '../backend/paths'
import { buildMenu } from './menu'
import { measureSections, printPreview, saveAsPdf } from './printing'
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

async function start(): Promise<void> {
  const dbPath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'))
  mkdirSync(dirname(dbPath), { recursive: true })
  try {
    backend = openBackend(dbPath, 'electron')
  } catch (error) {
    if (error instanceof DatabaseCorruptError && (await guidedRestore(dbPath, error))) {
      app.relaunch()
    }
    app.exit(error instanceof DatabaseCorruptError ? 0 : 1)
    return
  }
  // automatic backup at start when the newest is older than a day (issue 8); failures are logged, not fatal
  if (backupIsDue(dbPath, new Date())) void backend.call('backup.create', { reason: '启动时自动备份' }).then((r) => r.ok || console.error(r.error.message))

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

/**
 * A damaged database file never leads to a crash loop: the clerk is told what happened and offered the newest
 * backup that passes its checks; the damaged file is kept aside by the restore.
 */
async function guidedRestore(dbPath: string, error: DatabaseCorruptError): Promise<boolean> {
  const good = newestGoodBackup(dbPath)
  if (!good) {
    dialog.showErrorBox('数据库已损坏', `${error.message}\n\n没有找到可用的备份。请联系管理员，并保留文件：${dbPath}`)
    return false
  }
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: '数据库已损坏',
    message: error.message,
    detail: `最近一次完好的备份：${new Date(good.createdAt).toLocaleString('zh-CN')}（党员 ${good.counts.members ?? 0} 人，会议 ${good.counts.meetings ?? 0} 次）。\n恢复时会先把损坏的文件另存，不会删除任何文件。`,
    buttons: ['从该备份恢复并重新启动', '退出'],
    defaultId: 0,
    cancelId: 1,
  })
  if (response !== 0) return false
  restoreBackup(good.file, dbPath, new Date())
  return true
}

let backedUpOnExit = false
// a backup on exit as well, before the database is closed
app.on('before-quit', (event) => {
  if (backedUpOnExit || !backend) return
  event.preventDefault()
  backedUpOnExit = true
  void backend.call('backup.create', { reason: '退出时自动备份' }).finally(() => app.quit())
})

app.on('will-quit', () => {
  backend?.context.db.close()
  backend = null
})

app.on('window-all-closed', () => app.quit())
