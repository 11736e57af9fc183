import { app, BrowserWindow, dialog, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { resolveDatabasePath } from '../backend/paths'
import { BackendHost } from './backend-host'
import { handleIpc } from './ipc'
import { guardWebContents, lockDownSession, RENDERER_SCHEME_PRIVILEGES, serveRenderer } from './lockdown'
import { buildMenu } from './menu'
import { isTrustedSender, RENDERER_URL } from './sender'
import { mainWindowOptions } from './window-options'
import { loadWindowBounds, saveWindowBounds } from './window-state'

let mainWindow: BrowserWindow | null = null
/** our window's web contents: messages from it are trusted, even one still on its way while the window closes */
let rendererContentsId: number | null = null
let host: BackendHost | null = null
/** running → confirming (jobs still running?) → closing (exit backup) → done (the app may now quit) */
let phase: 'running' | 'confirming' | 'closing' | 'done' = 'running'

// electron-vite's dev server in development; the installed files under dangban://app/ in the product
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? RENDERER_URL

// before `ready`: our scheme behaves like https (standard URLs, secure context), not like file://
protocol.registerSchemesAsPrivileged(RENDERER_SCHEME_PRIVILEGES)

if (!app.requestSingleInstanceLock()) {
  // a second start brings the running window forward instead of opening the database twice
  phase = 'done'
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, fail)
}

function start(): void {
  const databasePath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'))
  host = new BackendHost(join(__dirname, 'backend-host.js'), { databasePath }, { onCrash: restartAfterCrash, onLog: (m) => console.error(m) })
  lockDownSession(session.defaultSession, rendererUrl)
  guardWebContents(app, rendererUrl)
  serveRenderer(protocol, join(__dirname, '../renderer'))
  handleIpc(trusted, () => host)
  Menu.setApplicationMenu(buildMenu(() => mainWindow))
  // the window loads while the backend opens and checks the database; calls wait for it
  createWindow()
  void host.ready.then((ready) => {
    if (!ready.ok) fail(ready.problem)
  })
}

/** Start-up failed: say why in Chinese and what to do, then end (never a half-started window). */
function fail(problem: unknown): void {
  const { title, message } =
    problem && typeof problem === 'object' && 'message' in problem && 'title' in problem
      ? (problem as { title: string; message: string })
      : { title: '党办通无法启动', message: `${problem instanceof Error ? problem.message : String(problem)}\n数据没有被修改。请把这段说明告诉管理员。` }
  phase = 'done'
  mainWindow?.hide()
  dialog.showErrorBox(title, message)
  app.exit(1)
}

function restartAfterCrash(why: string): void {
  phase = 'done'
  dialog.showErrorBox('党办通的后台服务意外停止', `后台服务意外停止（${why}）。未完成的操作没有写入数据库。点“确定”后党办通将重新启动，请重新登录。`)
  app.relaunch()
  app.exit(1)
}

/** Every IPC message passes the sender check (our main window's top frame showing our renderer). */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return isTrustedSender({ senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame }, rendererContentsId, rendererUrl)
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const { maximized, ...bounds } = loadWindowBounds(stateFile)
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), bounds, linuxWindowIcon()))
  rendererContentsId = mainWindow.webContents.id
  if (maximized) mainWindow.maximize()
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('close', (event) => {
    if (mainWindow) saveWindowBounds(stateFile, mainWindow.getNormalBounds(), mainWindow.isMaximized())
    // closing the one window is quitting: the same confirmation and exit backup as 文件 → 退出
    if (phase !== 'done') {
      event.preventDefault()
      app.quit()
    }
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(rendererUrl)
}

/** Linux shows the window's own icon (Windows takes it from the .exe, the deb from its desktop entry). */
function linuxWindowIcon(): string | undefined {
  if (process.platform !== 'linux') return undefined
  return app.isPackaged ? join(process.resourcesPath, 'icons', '256x256.png') : join(__dirname, '../../resources/icons/256x256.png')
}

app.on('before-quit', (event) => {
  if (phase === 'done') return
  event.preventDefault()
  if (phase === 'running') void quit()
})

/** Asks before abandoning running background jobs, then makes the exit backup and closes the database. */
async function quit(): Promise<void> {
  phase = 'confirming'
  if (!(await mayAbandonJobs())) {
    phase = 'running'
    return
  }
  phase = 'closing'
  const backupError = await host?.shutDown()
  if (backupError) console.error(backupError)
  phase = 'done'
  app.quit()
}

async function mayAbandonJobs(): Promise<boolean> {
  const jobs = (await host?.runningJobs()) ?? 0
  if (jobs === 0) return true
  const options = {
    type: 'warning' as const,
    title: '后台任务尚未完成',
    message: `还有 ${jobs} 个后台任务（导入、导出等）正在进行。`,
    detail: '现在退出将放弃这些任务：数据保持任务开始之前的样子，不会只写入一半。',
    buttons: ['继续等待', '放弃任务并退出'],
    defaultId: 0,
    cancelId: 0,
  }
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
  return response === 1
}

app.on('window-all-closed', () => app.quit())
