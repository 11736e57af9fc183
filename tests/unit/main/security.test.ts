import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isTrustedSender } from '../../../electron/main/sender'
import { mainWindowOptions } from '../../../electron/main/window-options'
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security'

const ROOT = resolve(__dirname, '../../..')
const RENDERER = 'file:///opt/%E5%85%9A%E5%8A%9E%E9%80%9A/resources/app.asar/out/renderer/index.html'

describe('Electron 安全清单', () => {
  it('主窗口：上下文隔离、沙箱、无 Node 集成、网页安全、无 webview', () => {
    const w = mainWindowOptions('/app/preload.js', { width: 1200, height: 800 }).webPreferences!
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.js',
    })
  })

  it('IPC 只接受主窗口顶层页面、且是我们自己的界面发来的请求', () => {
    const ok = { senderId: 7, frameUrl: `${RENDERER}#/members`, isMainFrame: true }
    expect(isTrustedSender(ok, 7, RENDERER)).toBe(true)
    expect(isTrustedSender({ ...ok, senderId: 8 }, 7, RENDERER)).toBe(false) // another window
    expect(isTrustedSender({ ...ok, isMainFrame: false }, 7, RENDERER)).toBe(false) // a sub-frame
    expect(isTrustedSender({ ...ok, frameUrl: null }, 7, RENDERER)).toBe(false) // frame gone
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, 7, RENDERER)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/other.html' }, 7, RENDERER)).toBe(false) // another local file
    expect(isTrustedSender(ok, null, RENDERER)).toBe(false) // no window yet
    // development: the electron-vite dev server origin only
    expect(isTrustedSender({ ...ok, frameUrl: 'http://localhost:5173/#/' }, 7, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender({ ...ok, frameUrl: 'http://localhost:5174/' }, 7, 'http://localhost:5173')).toBe(false)
  })

  it('只允许在自己的界面内跳转', () => {
    expect(isAllowedNavigation(`${RENDERER}#/meetings`, RENDERER)).toBe(true)
    expect(isAllowedNavigation('https://example.com/', RENDERER)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', RENDERER)).toBe(false)
    expect(isAllowedNavigation('not a url', RENDERER)).toBe(false)
  })

  it('CSP 严格：只加载自身资源，无内联脚本、无外部连接；index.html 中的与代码中的一致', () => {
    const html = readFileSync(join(ROOT, 'src/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })

  it('主进程设置了导航、新窗口和权限请求的拦截，且从不把地址交给系统打开', () => {
    const main = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')
    expect(main).toContain("contents.on('will-navigate'")
    expect(main).toContain('setWindowOpenHandler(() => ({ action: \'deny\' }))')
    expect(main).toContain('setPermissionRequestHandler')
    expect(main).toContain("will-attach-webview")
    expect(main).toContain('webRequest.onBeforeRequest')
    expect(main).not.toContain('openExternal')
    const preload = readFileSync(join(ROOT, 'electron/preload/index.ts'), 'utf8')
    expect(preload).toContain("exposeInMainWorld('api'")
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })

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
