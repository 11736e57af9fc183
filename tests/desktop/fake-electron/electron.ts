/**
 * A recording stand-in for the `electron` module, so the built main process and preload can be loaded in plain
 * Node and their behaviour asserted (the Electron binary cannot be downloaded on our build machines). Each fake
 * does what the real API does as far as our code can observe: events in Electron's order, preventable events,
 * `web-contents-created` for each window, handlers stored where Electron would call them.
 */
import { EventEmitter } from 'node:events'

export interface Recorded {
  type: string
  [key: string]: unknown
}

type Listener = (record: Recorded) => void
const listeners: Listener[] = []
/** Everything the main process did to Electron, in order. */
export const log: Recorded[] = []
export function onRecord(listener: Listener): void {
  listeners.push(listener)
}
function record(type: string, details: Record<string, unknown> = {}): void {
  const entry = { type, ...details }
  log.push(entry)
  for (const l of listeners) l(entry)
}

/** What the fake dialogs answer, set by the test. */
export const answers = { messageBoxResponse: 0, saveDialogPath: '' as string | null }

export class PreventableEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

let nextContentsId = 1
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly mainFrame = { url: '' }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', { channel, args })
  }
  print(options: unknown, callback: (ok: boolean, reason: string) => void): void {
    record('webContents.print', { options })
    callback(true, '')
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    record('webContents.printToPDF', { options })
    return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF')
  }
  async executeJavaScript(code: string): Promise<unknown> {
    record('webContents.executeJavaScript', { code })
    return 1
  }
}

const windows = new Set<FakeBrowserWindow>()

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  destroyed = false
  private minimized = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    windows.add(this)
    FakeBrowserWindow.last = this
    record('BrowserWindow', { options })
    app.emit('web-contents-created', new PreventableEvent(), this.webContents)
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return [...windows].find((w) => w.webContents === contents) ?? null
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...windows]
  }
  /** the most recent window, even once closed (a message can still be on its way from it) */
  static last: FakeBrowserWindow | null = null
  async loadURL(url: string): Promise<void> {
    record('loadURL', { url })
    this.webContents.mainFrame.url = url
    setImmediate(() => this.emit('ready-to-show'))
  }
  show(): void {
    record('window.show')
  }
  hide(): void {
    record('window.hide')
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {}
  focus(): void {
    record('window.focus')
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 10, width: 1366, height: 860 }
  }
  /** As the user clicking ×: a preventable `close`, then `closed`. Returns whether the window closed. */
  close(): boolean {
    if (this.destroyed) return true
    const event = new PreventableEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroy()
    return true
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    windows.delete(this)
    this.emit('closed')
    if (windows.size === 0 && !quitting) app.emit('window-all-closed')
  }
}

let quitting = false
let isReady = false
let readyResolve: () => void = () => undefined
const ready = new Promise<void>((resolve) => (readyResolve = resolve))

class FakeApp extends EventEmitter {
  isPackaged = false
  constructor(private readonly userData: string) {
    super()
  }
  requestSingleInstanceLock(): boolean {
    const got = process.env.FAKE_ELECTRON_SECOND_INSTANCE !== '1'
    record('app.requestSingleInstanceLock', { got })
    return got
  }
  whenReady(): Promise<void> {
    return ready
  }
  /** called by the harness once the main module has loaded, as Electron does after running it */
  becomeReady(): void {
    isReady = true
    readyResolve()
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake electron: getPath(${name}) not modelled`)
    return this.userData
  }
  getVersion(): string {
    return '0.1.0'
  }
  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', { id })
  }
  /**
   * Electron's order: before-quit (preventable) → each window's close (preventable) → will-quit → quit → exit,
   * started on the next turn of the event loop (an `app.exit` called meanwhile wins, as in Electron).
   */
  quit(): void {
    record('app.quit')
    setImmediate(() => this.runQuit())
  }
  private runQuit(): void {
    if (exiting) return
    const before = new PreventableEvent()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    quitting = true
    for (const w of [...windows]) {
      if (!w.close()) {
        quitting = false
        return
      }
    }
    const will = new PreventableEvent()
    this.emit('will-quit', will)
    if (will.defaultPrevented) return
    this.emit('quit')
    finish(0)
  }
  exit(code = 0): void {
    record('app.exit', { code })
    finish(code)
  }
  isQuitting(): boolean {
    return exiting
  }
  relaunch(): void {
    record('app.relaunch')
  }
}

/**
 * Ends the process after the records reached the test. With FAKE_ELECTRON_HOLD_EXIT=1 the process stays until the
 * test sends `release`, so it can still knock on the IPC handlers of an app that has finished quitting.
 */
let exiting = false
function finish(code: number): void {
  if (exiting) return
  exiting = true
  record('process.exit', { code })
  if (process.env.FAKE_ELECTRON_HOLD_EXIT === '1') exitCode = code
  else setImmediate(() => process.exit(code))
}
let exitCode: number | null = null
export function release(): void {
  if (exitCode !== null) process.exit(exitCode)
}

export const app = new FakeApp(process.env.FAKE_ELECTRON_USER_DATA ?? '/nonexistent')

type Handler = (event: unknown, ...args: unknown[]) => unknown
export const ipcHandlers = new Map<string, Handler>()
export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcHandlers.set(channel, handler)
    record('ipcMain.handle', { channel })
  },
  on(channel: string): void {
    record('ipcMain.on', { channel })
  },
  removeHandler(channel: string): void {
    ipcHandlers.delete(channel)
  },
}

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
export const sessionHandlers: {
  permissionRequest?: PermissionRequest
  permissionCheck?: (...args: unknown[]) => boolean
  devicePermission?: (...args: unknown[]) => boolean
  beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void
  headersReceived?: (details: { url: string; responseHeaders: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void
} = {}
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequest) {
      sessionHandlers.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      sessionHandlers.permissionCheck = handler
    },
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
      sessionHandlers.devicePermission = handler
    },
    webRequest: {
      onBeforeRequest(filterOrListener: unknown, maybeListener?: unknown) {
        sessionHandlers.beforeRequest = (maybeListener ?? filterOrListener) as typeof sessionHandlers.beforeRequest
      },
      onHeadersReceived(filterOrListener: unknown, maybeListener?: unknown) {
        sessionHandlers.headersReceived = (maybeListener ?? filterOrListener) as typeof sessionHandlers.headersReceived
      },
    },
  },
}

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>()
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    // as in Electron: only before the app is ready
    if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    record('protocol.registerSchemesAsPrivileged', { schemes })
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    protocolHandlers.set(scheme, handler)
    record('protocol.handle', { scheme })
  },
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content })
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    record('dialog.showMessageBox', { options: args.at(-1) })
    return { response: answers.messageBoxResponse }
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    record('dialog.showSaveDialog', { options: args.at(-1) })
    return answers.saveDialogPath ? { canceled: false, filePath: answers.saveDialogPath } : { canceled: true }
  },
}

export const Menu = {
  buildFromTemplate(template: unknown): { template: unknown } {
    return { template }
  },
  setApplicationMenu(menu: unknown): void {
    record('Menu.setApplicationMenu', { hasMenu: menu !== null })
  },
}

export const shell = {
  openExternal(url: string): Promise<void> {
    record('shell.openExternal', { url })
    return Promise.resolve()
  },
  openPath(path: string): Promise<string> {
    record('shell.openPath', { path })
    return Promise.resolve('')
  },
}

export const utilityProcess = {
  fork(modulePath: string): never {
    record('utilityProcess.fork', { modulePath })
    throw new Error('fake electron: utilityProcess is not used by 党办通')
  },
}

// the preload's side
export const exposed = new Map<string, unknown>()
export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown): void {
    exposed.set(name, api)
    record('contextBridge.exposeInMainWorld', { name })
  },
}
/** What the renderer's preload invokes is delivered to the main process's handlers as our main window's top frame. */
export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    record('ipcRenderer.invoke', { channel })
    const handler = ipcHandlers.get(channel)
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    const window = [...windows][0]
    if (!window) return Promise.reject(new Error('no window'))
    return Promise.resolve(handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args))
  },
  on(channel: string): void {
    record('ipcRenderer.on', { channel })
  },
}

export { FakeBrowserWindow as BrowserWindow }
