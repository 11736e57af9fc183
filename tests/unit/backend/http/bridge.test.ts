import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../../electron/backend/http/bridge'
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../../electron/shared/security'
import { testBackend } from '../../helpers'

interface Reply {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

function send(base: string, options: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {}): Promise<Reply> {
  const u = new URL(base)
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: options.path ?? `${u.pathname}${u.search}`, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A browser that opened the printed address: the session cookie it was given. */
async function openPrintedAddress(bridge: Bridge): Promise<string> {
  const r = await send(bridge.url)
  expect(r.status).toBe(303)
  expect(r.headers.location).toBe('/')
  const cookie = String(r.headers['set-cookie'])
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Strict/)
  return cookie.split(';')[0]!
}

const api = (bridge: Bridge, cookie: string | null, method: string, input: unknown, headers: Record<string, string> = { 'x-dangban-request': '1' }) =>
  send(bridge.origin, { method: 'POST', path: '/api/call', body: JSON.stringify({ method, input }), headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers } })

describe('浏览器模式的本机桥接服务', () => {
  let bridge: Bridge
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-bridge-'))
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body>app</body></html>')
    bridge = await startBridge(testBackend('2025-06-15T10:00:00+08:00', '测试干事', 'web'), dir)
  })
  afterAll(() => bridge.close())

  it('只监听 127.0.0.1；启动时给出的地址带有本次运行的口令', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[0-9a-f]{48}$/)
  })

  it('页面里没有任何口令或会话号；没有会话的调用被拒绝', async () => {
    const page = await send(bridge.origin)
    expect(page.status).toBe(200)
    expect(page.body).not.toContain(new URL(bridge.url).searchParams.get('k')!)
    expect(page.body).not.toMatch(/token|dangban_session/)
    const denied = await api(bridge, null, 'auth.status', {})
    expect(denied.status).toBe(403)
    expect(JSON.parse(denied.body).error.message).toContain('npm run web 启动时显示的地址')
    expect((await send(bridge.origin, { path: '/?k=wrong' })).status).toBe(403)
  })

  it('每个浏览器各有自己的会话：一个浏览器里设置并登录了管理员，另一个仍未登录、不能建管理员、读不到数据', async () => {
    const admin = await openPrintedAddress(bridge)
    const other = await openPrintedAddress(bridge)
    const setup = await api(bridge, admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'bridge-pass-1' })
    expect(JSON.parse(setup.body).ok).toBe(true)
    expect(JSON.parse((await api(bridge, admin, 'orgs.list', {})).body)).toEqual({ ok: true, data: [] })
    expect(JSON.parse((await api(bridge, other, 'auth.status', {})).body).data.user).toBeNull()
    expect(JSON.parse((await api(bridge, other, 'orgs.list', {})).body).error.code).toBe('UNAUTHENTICATED')
    const create = await api(bridge, other, 'users.create', { username: 'evil', displayName: '冒充者', role: 'admin', password: 'evil-pass-123' })
    expect(JSON.parse(create.body).ok).toBe(false)
    expect(JSON.parse((await api(bridge, admin, 'users.list', {})).body).data).toHaveLength(1)
  })

  it('有会话也要带本页的请求头、来自本站：别的网站的页面发不出调用', async () => {
    const cookie = await openPrintedAddress(bridge)
    expect((await api(bridge, cookie, 'auth.status', {}, {})).status).toBe(403)
    expect((await api(bridge, cookie, 'auth.status', {}, { 'x-dangban-request': '1', origin: 'http://evil.example' })).status).toBe(403)
    expect((await api(bridge, cookie, 'auth.status', {}, { 'x-dangban-request': '1', origin: bridge.origin })).status).toBe(200)
  })

  it('不许别的页面把党办通放进框架里（CSP frame-ancestors 与 X-Frame-Options）', async () => {
    const page = await send(bridge.origin)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(CONTENT_SECURITY_POLICY_HEADER).toContain("frame-ancestors 'none'")
    expect(page.headers['x-frame-options']).toBe('DENY')
  })

  it('拒绝其他主机名的请求（防 DNS 重绑定）', async () => {
    const res = await send(bridge.origin, { headers: { host: 'evil.example:80' } })
    expect(res.status).toBe(421)
  })

  it('不能用 ../ 读到界面目录以外的文件；写坏的 % 编码得到 400，不是程序错误', async () => {
    const res = await send(bridge.origin, { path: '/..%2F..%2F..%2Fetc%2Fpasswd' })
    expect(res.body).not.toContain('root:')
    expect((await send(bridge.origin, { path: '/%E0%A4%A' })).status).toBe(400)
  })

  it('本机的另一个系统用户（nobody）连上端口也拿不到会话、调不动后台', async () => {
    if (process.getuid?.() !== 0) return // only root can act as another user; CI runs as root
    const probe = join(mkdtempSync(join(tmpdir(), 'dangban-nobody-')), 'probe.mjs')
    writeFileSync(
      probe,
      `const page = await fetch(${JSON.stringify(bridge.origin)} + '/').then((r) => r.text())
       const call = await fetch(${JSON.stringify(bridge.origin)} + '/api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dangban-request': '1' }, body: JSON.stringify({ method: 'users.list', input: {} }) })
       console.log(JSON.stringify({ page, status: call.status, body: await call.text() }))`,
    )
    chmodSync(join(probe, '..'), 0o755)
    chmodSync(probe, 0o644)
    // asynchronously: the bridge answering it runs in this very process
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [probe], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 }, (error, out) => (error ? reject(error) : resolve(out))),
    )
    const seen = JSON.parse(stdout) as { page: string; status: number; body: string }
    expect(seen.status).toBe(403)
    expect(seen.body).not.toContain('admin')
    expect(seen.page).not.toContain(new URL(bridge.url).searchParams.get('k')!)
  })
})
