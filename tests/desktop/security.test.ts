import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../electron/shared/contract'
import { IPC } from '../../electron/shared/desktop'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../electron/shared/security'
import type { Sender } from './fake-electron/commands'
import { BUILT_PRELOAD, launchMain, ROOT, type MainProcess } from './harness'

const RENDERER = 'dangban://app/index.html'
let app: MainProcess

beforeAll(async () => {
  app = launchMain()
  await app.waitFor('loadURL')
})
afterAll(() => app.kill())

describe('构建出的主进程：窗口与页面的安全设置', () => {
  it('只开一个窗口：上下文隔离、沙箱、无 Node 集成、网页安全、无 webview，加载自己的 dangban:// 界面', async () => {
    const windows = app.records.filter((r) => r.type === 'BrowserWindow')
    expect(windows).toHaveLength(1)
    const prefs = (windows[0]!.options as { webPreferences: Record<string, unknown> }).webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs.preload).toBe(join(ROOT, 'out/preload/index.js'))
    expect(app.records.find((r) => r.type === 'loadURL')!.url).toBe(RENDERER)
    expect(app.records.some((r) => r.type === 'shell.openExternal')).toBe(false)
  })

  it('界面文件带着 CSP 提供；界面目录以外的文件（含 ../ 与编码后的分隔符）一律 404', async () => {
    const index = await app.do<{ status: number; type: string; csp: string; text: string }>({ op: 'protocol', url: RENDERER })
    expect(index.status).toBe(200)
    expect(index.type).toMatch(/^text\/html/)
    expect(index.csp).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(index.text).toContain(`content="${CONTENT_SECURITY_POLICY}"`)
    for (const url of ['dangban://app/../../../../etc/passwd', 'dangban://app/%2e%2e/%2e%2e/main/index.js', 'dangban://app/..%2f..%2fpackage.json', 'dangban://other/index.html', 'dangban://app/nope.js']) {
      expect((await app.do<{ status: number }>({ op: 'protocol', url })).status, url).toBe(404)
    }
    // every response of the session carries the CSP too (the dev server's pages included)
    expect(await app.do({ op: 'headers', url: 'http://localhost:5173/' })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] })
  })

  it('所有权限请求（摄像头、定位、通知、剪贴板、打开外部程序……）一律拒绝', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'midiSysex', 'hid', 'serial', 'usb', 'fileSystem']) {
      expect(await app.do({ op: 'permission', permission }), permission).toBe(false)
    }
    expect(await app.do({ op: 'permission-check', permission: 'media' })).toEqual({ check: false, device: false })
  })

  it('http、https、ws、ftp 与 file 请求全部取消，只放行自己的界面和内存中的数据', async () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'ws://127.0.0.1:5173/', 'wss://example.com/', 'ftp://example.com/', 'file:///etc/passwd', 'chrome-extension://abc/x.js']) {
      expect(await app.do({ op: 'request', url }), url).toBe('cancelled')
    }
    for (const url of [RENDERER, 'dangban://app/assets/index.js', 'data:image/png;base64,AAAA', 'blob:dangban://app/1234', 'devtools://devtools/bundled/inspector.html']) {
      expect(await app.do({ op: 'request', url }), url).toBe('allowed')
    }
  })

  it('拒绝跳转到别处、拒绝重定向、拒绝新窗口和 webview；在自己的界面内换页可以', async () => {
    expect(await app.do({ op: 'navigate', url: 'https://example.com/' })).toBe('refused')
    expect(await app.do({ op: 'navigate', url: 'file:///etc/passwd' })).toBe('refused')
    expect(await app.do({ op: 'navigate', url: 'https://example.com/', event: 'will-redirect' })).toBe('refused')
    expect(await app.do({ op: 'navigate', url: `${RENDERER}#/members` })).toBe('allowed')
    expect(await app.do({ op: 'window-open', url: 'https://example.com/' })).toBe('deny')
    expect(await app.do({ op: 'window-open', url: `${RENDERER}#/members` })).toBe('deny')
    expect(await app.do({ op: 'attach-webview' })).toBe('refused')
  })
})

describe('构建出的 preload 与主进程：只有一个入口，每条消息先验发送方', () => {
  it('主进程处理的通道正好是 preload 调用的通道', async () => {
    const handled = await app.do<string[]>({ op: 'handlers' })
    const keys = await app.do<string[]>({ op: 'preload', file: BUILT_PRELOAD })
    expect(keys.sort()).toEqual(['call', 'measureSections', 'onNavigate', 'print', 'saveAsPdf'])
    await app.do({ op: 'answers', answers: { saveDialogPath: null } })
    await app.do({ op: 'preload-call', fn: 'call', args: ['app.info', {}] })
    await app.do({ op: 'preload-call', fn: 'saveAsPdf', args: ['打印'] })
    await app.do({ op: 'preload-call', fn: 'print', args: [] })
    await app.do({ op: 'preload-call', fn: 'measureSections', args: ['.print-sheet > section'] })
    const invoked = [...new Set(app.records.filter((r) => r.type === 'ipcRenderer.invoke').map((r) => r.channel as string))].sort()
    expect(invoked).toEqual(handled)
    expect(handled).toEqual(Object.values(IPC).sort())
    // the preload exposes no ipcRenderer, no Node, no channel of the caller's choosing
    const preload = readFileSync(BUILT_PRELOAD, 'utf8')
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })

  it('来自别的窗口、子框架、已跳转到别处的页面或已销毁框架的消息一律拒绝，且不执行', async () => {
    const senders: Sender[] = ['other-window', 'subframe', 'elsewhere', 'no-frame']
    for (const as of senders) {
      const r = await app.do<{ ok: boolean; error?: { code: string; message: string } }>({ op: 'invoke', channel: IPC.call, args: ['auth.setup', { username: 'intruder', displayName: '入侵者', password: 'intruder-pass-1' }], as })
      expect(r, as).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } })
      await app.do({ op: 'answers', answers: { saveDialogPath: join(app.userData, 'should-not-exist.pdf') } })
      expect(await app.do({ op: 'invoke', channel: IPC.savePdf, args: ['x'], as }), as).toEqual({ ok: false })
      expect(await app.do({ op: 'invoke', channel: IPC.print, args: [], as }), as).toEqual({ ok: false })
      expect(await app.do({ op: 'invoke', channel: IPC.measureSections, args: ['section'], as }), as).toEqual({ ok: false })
    }
    // only the preload test's own dialog and print reached Electron
    expect(app.records.filter((r) => r.type === 'dialog.showSaveDialog')).toHaveLength(1)
    expect(app.records.filter((r) => r.type === 'webContents.print')).toHaveLength(1)
    // the refused setup did not happen: the first-run screen is still there
    const status = await app.do<{ ok: boolean; data: { setupNeeded: boolean } }>({ op: 'invoke', channel: IPC.call, args: ['auth.status', {}] })
    expect(status).toMatchObject({ ok: true, data: { setupNeeded: true, user: null } })
  })
})

describe('接口经唯一的通道回答', () => {
  it('管理员登录后，每个接口方法（空输入）都得到回答而不是异常，出错时是中文说明；未知方法被拒绝', async () => {
    const admin = launchMain()
    try {
      await admin.waitFor('loadURL')
      const setup = await admin.do<{ ok: boolean }>({ op: 'invoke', channel: IPC.call, args: ['auth.setup', { username: 'admin', displayName: '管理员', password: 'desktop-pass-1' }] })
      expect(setup.ok).toBe(true)
      const methods = Object.keys(contract).filter((m) => m !== 'auth.logout')
      expect(methods.length).toBeGreaterThan(50)
      const answered: string[] = []
      for (const method of methods) {
        const r = await admin.do<{ ok: boolean; error?: { message: string } }>({ op: 'invoke', channel: IPC.call, args: [method, {}] })
        expect(typeof r.ok, method).toBe('boolean')
        if (!r.ok) expect(r.error!.message, method).toMatch(/[\u4e00-\u9fff]/)
        answered.push(method)
      }
      expect(answered).toHaveLength(methods.length)
      const unknown = await admin.do({ op: 'invoke', channel: IPC.call, args: ['fs.readFile', { path: '/etc/passwd' }] })
      expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    } finally {
      admin.kill()
    }
  })
})

describe('打印与另存为 PDF 的通道', () => {
  it('建议的文件名去掉路径、保留字与不可见字符；不是文字时用“打印”；PDF 写到干事选定的位置', async () => {
    const target = join(app.userData, '会议记录.pdf')
    await app.do({ op: 'answers', answers: { saveDialogPath: target } })
    const saved = await app.do({ op: 'invoke', channel: IPC.savePdf, args: ['../../etc/会议\u202e记录:第1次?'] })
    expect(saved).toEqual({ ok: true, file: target })
    expect(readFileSync(target, 'latin1')).toMatch(/^%PDF-/)
    const dialogs = app.records.filter((r) => r.type === 'dialog.showSaveDialog').map((r) => (r.options as { defaultPath: string }).defaultPath)
    expect(dialogs.at(-1)).toBe('_.._etc_会议记录_第1次_.pdf')
    for (const bad of [{ name: 'x' }, 42, null, 'CON', '   ...   ', 'a'.repeat(5000)]) {
      await app.do({ op: 'invoke', channel: IPC.savePdf, args: [bad] })
      const path = (app.records.filter((r) => r.type === 'dialog.showSaveDialog').at(-1)!.options as { defaultPath: string }).defaultPath
      expect(path, JSON.stringify(bad).slice(0, 20)).toMatch(/^(打印|a{80})\.pdf$/)
    }
  })

  it('分节测页只接受简单的选择器，别的输入不执行任何脚本', async () => {
    const before = app.records.filter((r) => r.type === 'webContents.executeJavaScript').length
    for (const bad of ["section'); alert(1); ('", { selector: 'x' }, 'a'.repeat(100), '']) {
      expect(await app.do({ op: 'invoke', channel: IPC.measureSections, args: [bad] })).toEqual([])
    }
    expect(app.records.filter((r) => r.type === 'webContents.executeJavaScript').length).toBe(before)
    expect(await app.do({ op: 'invoke', channel: IPC.print, args: [] })).toEqual({ ok: true })
  })
})

describe('开发模式（npm start）', () => {
  it('放行开发服务器本身及其热更新 websocket，其余地址照样取消', async () => {
    const dev = launchMain({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })
    try {
      await dev.waitFor('loadURL')
      expect(dev.records.find((r) => r.type === 'loadURL')!.url).toBe('http://localhost:5173')
      expect(await dev.do({ op: 'request', url: 'http://localhost:5173/src/main.ts' })).toBe('allowed')
      expect(await dev.do({ op: 'request', url: 'ws://localhost:5173/?token=abc' })).toBe('allowed')
      for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'ws://localhost:24678/', 'https://example.com/', 'file:///etc/passwd']) {
        expect(await dev.do({ op: 'request', url }), url).toBe('cancelled')
      }
      expect(await dev.do({ op: 'navigate', url: 'http://localhost:5173/#/members' })).toBe('allowed')
      expect(await dev.do({ op: 'navigate', url: 'http://localhost:5174/' })).toBe('refused')
    } finally {
      dev.kill()
    }
  })
})

describe('构建出的界面', () => {
  it('构建出的界面代码中没有会被加载的 http(s) 地址', () => {
    const assets = join(ROOT, 'out/renderer/assets')
    // a URL in a loading position: src/href attributes, CSS url(), fetch, dynamic import, sockets
    const loads = /(?:\b(?:src|href)\s*[:=]\s*["'`]|url\(\s*["']?|fetch\(\s*["'`]|import\(\s*["'`]|new (?:WebSocket|EventSource|Worker)\(\s*["'`])(?:https?|wss?):\/\/[^"'`)\s]+/g
    const found: string[] = []
    for (const f of readdirSync(assets).filter((n) => n.endsWith('.js') || n.endsWith('.css') || n.endsWith('.html'))) {
      for (const m of readFileSync(join(assets, f), 'utf8').matchAll(loads)) found.push(`${f}: ${m[0]}`)
    }
    // other http(s) strings in library code are documentation links and XML namespaces (and CSP would block them anyway)
    expect(found.filter((u) => !u.includes('www.w3.org/'))).toEqual([])
  })
})
