/**
 * Loaded with `--require` before the built main process: `require('electron')` returns the recording fake, and
 * the test drives the process through `process.send` commands (one reply each). Worker threads of the backend
 * get no `electron` at all, as in the real app.
 */
import Module from 'node:module'
import { isMainThread } from 'node:worker_threads'
import * as fake from './electron'
import type { Command } from './commands'

if (isMainThread) {
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load
  ;(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake : load.call(this, request, ...rest)
  }
  fake.onRecord((record) => process.send?.({ record: JSON.parse(JSON.stringify(record)) }))
  process.on('message', (message: { id: number; command: Command }) => {
    run(message.command).then(
      (value) => process.send?.({ reply: message.id, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) }),
      (error: unknown) => process.send?.({ reply: message.id, error: error instanceof Error ? error.message : String(error) }),
    )
  })
  // Electron becomes ready after running the main script
  setImmediate(() => fake.app.becomeReady())
}

const mainWindow = (): fake.FakeBrowserWindow => {
  const w = fake.FakeBrowserWindow.getAllWindows()[0] ?? fake.FakeBrowserWindow.last
  if (!w) throw new Error('没有窗口')
  return w
}

/** An IPC event as Electron builds it, from the window's top frame or from a sender that must be refused. */
function ipcEvent(as: Command & { op: 'invoke' }): { sender: unknown; senderFrame: unknown } {
  const w = mainWindow()
  switch (as.as ?? 'window') {
    case 'window':
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame }
    case 'other-window': {
      const other = new fake.FakeWebContents()
      other.mainFrame.url = w.webContents.mainFrame.url
      return { sender: other, senderFrame: other.mainFrame }
    }
    case 'subframe':
      return { sender: w.webContents, senderFrame: { url: w.webContents.mainFrame.url } }
    case 'elsewhere':
      // the window's own top frame after it was navigated away from our renderer (set by the caller)
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame }
    case 'no-frame':
      return { sender: w.webContents, senderFrame: null }
  }
}

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'invoke': {
      const handler = fake.ipcHandlers.get(command.channel)
      if (!handler) throw new Error(`No handler registered for '${command.channel}'`)
      const frame = mainWindow().webContents.mainFrame
      const ownUrl = frame.url
      if (command.as === 'elsewhere') frame.url = 'https://example.com/'
      try {
        return await handler(ipcEvent(command), ...command.args)
      } finally {
        frame.url = ownUrl
      }
    }
    case 'handlers':
      return [...fake.ipcHandlers.keys()].sort()
    case 'permission': {
      const handler = fake.sessionHandlers.permissionRequest
      if (!handler) return 'no-handler'
      return await new Promise((resolve) => handler(mainWindow().webContents, command.permission, resolve, { requestingUrl: mainWindow().webContents.mainFrame.url }))
    }
    case 'permission-check':
      return {
        check: fake.sessionHandlers.permissionCheck?.(mainWindow().webContents, command.permission, mainWindow().webContents.mainFrame.url, {}) ?? 'no-handler',
        device: fake.sessionHandlers.devicePermission?.({ deviceType: 'usb', origin: 'x' }) ?? 'no-handler',
      }
    case 'request': {
      const handler = fake.sessionHandlers.beforeRequest
      if (!handler) return 'no-handler'
      return await new Promise((resolve) => handler({ url: command.url }, (r) => resolve(r.cancel === true ? 'cancelled' : 'allowed')))
    }
    case 'headers': {
      const handler = fake.sessionHandlers.headersReceived
      if (!handler) return 'no-handler'
      return await new Promise((resolve) => handler({ url: command.url, responseHeaders: {} }, (r) => resolve(r.responseHeaders ?? {})))
    }
    case 'navigate': {
      const event = new fake.PreventableEvent()
      mainWindow().webContents.emit(command.event ?? 'will-navigate', event, command.url)
      return event.defaultPrevented ? 'refused' : 'allowed'
    }
    case 'window-open':
      return mainWindow().webContents.windowOpenHandler?.({ url: command.url })?.action ?? 'no-handler'
    case 'attach-webview': {
      const event = new fake.PreventableEvent()
      mainWindow().webContents.emit('will-attach-webview', event, {}, {})
      return event.defaultPrevented ? 'refused' : 'allowed'
    }
    case 'protocol': {
      const scheme = command.url.slice(0, command.url.indexOf(':'))
      const handler = fake.protocolHandlers.get(scheme)
      if (!handler) return 'no-handler'
      const response = await handler(new Request(command.url))
      const body = Buffer.from(await response.arrayBuffer())
      return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), text: body.toString('utf8').slice(0, 2000) }
    }
    case 'close-window':
      return mainWindow().close()
    case 'quit':
      fake.app.quit()
      return null
    case 'release':
      setImmediate(fake.release)
      return null
    case 'second-instance':
      fake.app.emit('second-instance', new fake.PreventableEvent(), ['党办通'], process.cwd())
      return null
    case 'answers':
      Object.assign(fake.answers, command.answers)
      return null
    case 'preload': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built preload is CommonJS, loaded as Electron would
      require(command.file)
      const api = fake.exposed.get('api') as Record<string, unknown> | undefined
      return api ? Object.keys(api) : null
    }
    case 'preload-call': {
      const api = fake.exposed.get('api') as Record<string, (...args: unknown[]) => unknown>
      return await api[command.fn]!(...command.args)
    }
  }
}
