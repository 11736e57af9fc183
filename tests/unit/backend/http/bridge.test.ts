import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../../electron/backend/http/bridge'
import { testBackend } from '../../helpers'

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; path?: string }): Promise<{ status: number; body: string }> {
  const u = new URL(options.path ?? '/', url)
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('浏览器模式的本机桥接服务', () => {
  let bridge: Bridge
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangban-bridge-'))
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body>app</body></html>')
    bridge = await startBridge(testBackend(), dir)
  })
  afterAll(() => bridge.close())

  it('只监听 127.0.0.1', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('把本次运行的令牌放进页面，令牌正确才执行调用', async () => {
    const page = await send(bridge.url, {})
    expect(page.body).toContain(`content="${bridge.token}"`)
    const body = JSON.stringify({ method: 'orgs.list', input: {} })
    const denied = await send(bridge.url, { method: 'POST', path: '/api/call', body, headers: { 'x-dangban-token': 'wrong' } })
    expect(denied.status).toBe(403)
    const allowed = await send(bridge.url, { method: 'POST', path: '/api/call', body, headers: { 'x-dangban-token': bridge.token } })
    expect(JSON.parse(allowed.body)).toEqual({ ok: true, data: [] })
  })

  it('拒绝其他主机名的请求（防 DNS 重绑定）', async () => {
    const res = await send(bridge.url, { headers: { host: 'evil.example:80' } })
    expect(res.status).toBe(421)
  })

  it('不能用 ../ 读到界面目录以外的文件', async () => {
    const res = await send(bridge.url, { path: '/..%2F..%2F..%2Fetc%2Fpasswd' })
    expect(res.body).not.toContain('root:')
  })
})
