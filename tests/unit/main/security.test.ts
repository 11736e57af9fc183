import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../electron/main/file-name'
import { isAllowedNavigation, isAllowedRequest, isTrustedSender, rendererFile, RENDERER_URL } from '../../../electron/main/sender'
import { mainWindowOptions } from '../../../electron/main/window-options'
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security'

const ROOT = resolve(__dirname, '../../..')
const RENDERER = RENDERER_URL

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
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///tmp/other.html' }, 7, RENDERER)).toBe(false) // a local file
    expect(isTrustedSender({ ...ok, frameUrl: 'dangban://evil/index.html' }, 7, RENDERER)).toBe(false) // our scheme, another host
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

  it('请求只放行自己的界面（dangban://app）和内存中的数据；界面文件不能越出界面目录', () => {
    expect(isAllowedRequest('dangban://app/assets/a.js', RENDERER)).toBe(true)
    expect(isAllowedRequest('file:///etc/passwd', RENDERER)).toBe(false)
    expect(isAllowedRequest('https://example.com/', RENDERER)).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', RENDERER)).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(rendererFile('dangban://app/assets/a.js', '/opt/党办通/out/renderer')).toBe('/opt/党办通/out/renderer/assets/a.js')
    expect(rendererFile('dangban://app/', '/opt/党办通/out/renderer')).toBe('/opt/党办通/out/renderer/index.html')
    expect(rendererFile('dangban://app/%2e%2e/main/index.js', '/opt/党办通/out/renderer')).toBe('/opt/党办通/out/renderer/main/index.js') // the URL itself stays inside
    expect(rendererFile('dangban://app/..%2f..%2fmain%2findex.js', '/opt/党办通/out/renderer')).toBeNull()
    expect(rendererFile('dangban://app/a%00.js', '/opt/党办通/out/renderer')).toBeNull()
    expect(rendererFile('dangban://app/%E0%A4%A', '/opt/党办通/out/renderer')).toBeNull()
  })

  it('另存为 PDF 的建议文件名：去掉路径与保留字符、不可见的方向控制符，设备名和空名用默认名', () => {
    expect(safeFileName('2025年第3次支部党员大会记录', '打印')).toBe('2025年第3次支部党员大会记录')
    expect(safeFileName('a/b\\c:d', '打印')).toBe('a_b_c_d')
    expect(safeFileName('记录\u202etxt.exe', '打印')).toBe('记录txt.exe')
    expect(safeFileName('nul', '打印')).toBe('打印')
    expect(safeFileName('..', '打印')).toBe('打印')
    expect(safeFileName(undefined, '打印')).toBe('打印')
  })

})
