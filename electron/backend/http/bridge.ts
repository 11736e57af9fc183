import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { contentType } from '../../shared/content-types'
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/security'
import type { Session } from '../context'
import type { Backend } from '../context'

/**
 * Development and test transport: serves the built renderer and the backend on 127.0.0.1 only. Never imported
 * by the Electron main process and never shipped.
 *
 * Who may call: 127.0.0.1 is reachable by every user of the PC, so being local proves nothing. The address
 * printed at start carries a one-time-per-run key (`?k=…`) that only the person who started `npm run web` sees;
 * opening it gives that browser a session cookie (HttpOnly, SameSite=Strict) and drops the key from the address.
 * No page ever contains the key or a session id. Each browser has its own session — signing in in one signs in
 * no other — and a call needs that cookie, our own Origin and a custom header (so no other site can send one).
 */
export interface Bridge {
  /** the address to open, with this run's key */
  url: string
  /** the server's own origin, http://127.0.0.1:<port> */
  origin: string
  close(): Promise<void>
}

const MAX_BODY = 64 * 1024 * 1024
const COOKIE = 'dangban_session'
/** sessions kept at most; the least recently used goes first */
const MAX_SESSIONS = 50
const REQUEST_HEADER = 'x-dangban-request'

export async function startBridge(backend: Backend, rendererDir: string, port = 0): Promise<Bridge> {
  const key = Buffer.from(randomBytes(24).toString('hex'))
  const sessions = new Map<string, Session>()
  let origin = ''

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '内部错误')
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only answer requests addressed to our own loopback origin
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host')
    let url: URL
    try {
      url = new URL(req.url ?? '/', origin)
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request')
    }
    if (url.pathname === '/api/call') return apiCall(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed')
    const given = url.searchParams.get('k')
    if (given !== null) return enter(given, res)
    return serveStatic(url.pathname, res)
  }

  /** The printed address: a right key opens a session for this browser and leaves the key out of the address bar. */
  function enter(given: string, res: ServerResponse): void {
    const bytes = Buffer.from(given)
    if (bytes.length !== key.length || !timingSafeEqual(bytes, key)) return send(res, 403, 'text/html; charset=utf-8', refusalPage('地址中的口令不对'))
    const id = randomBytes(32).toString('hex')
    sessions.set(id, { user: null })
    while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!)
    res.writeHead(303, { location: '/', 'set-cookie': `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`, ...securityHeaders() })
    res.end()
  }

  function sessionOf(req: IncomingMessage): Session | null {
    const id = /(?:^|;\s*)dangban_session=([0-9a-f]{64})(?:;|$)/.exec(String(req.headers.cookie ?? ''))?.[1]
    const session = id ? sessions.get(id) : undefined
    if (!id || !session) return null
    // most recently used last: the oldest is the one dropped when there are too many
    sessions.delete(id)
    sessions.set(id, session)
    return session
  }

  async function apiCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fromOurPage = req.method === 'POST' && req.headers[REQUEST_HEADER] === '1' && (req.headers.origin === undefined || req.headers.origin === origin)
    const session = fromOurPage ? sessionOf(req) : null
    if (!session) {
      return send(res, 403, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '这个浏览器窗口没有有效的会话：请用 npm run web 启动时显示的地址重新打开' } }))
    }
    let body: { method?: unknown; input?: unknown }
    try {
      body = JSON.parse(await readBody(req)) as typeof body
    } catch {
      return json(res, { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } })
    }
    json(res, await backend.call(String(body.method), body.input, session))
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request')
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '')
    const file = join(rendererDir, relative === '' ? 'index.html' : relative)
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 404, 'text/plain; charset=utf-8', 'not found')
    try {
      return send(res, 200, contentType(extname(file)), await readFile(file))
    } catch {
      // hash routes never reach here; any other unknown path gets the app shell
      return send(res, 200, contentType('.html'), await readFile(join(rendererDir, 'index.html')))
    }
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}/?k=${key.toString()}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function securityHeaders(): Record<string, string> {
  return { 'content-security-policy': CONTENT_SECURITY_POLICY_HEADER, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, ...securityHeaders() })
  res.end(body)
}

const json = (res: ServerResponse, value: unknown): void => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))

const refusalPage = (why: string): string =>
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>党办通</title><p>${why}。请使用启动 <code>npm run web</code> 时终端中显示的完整地址打开党办通。</p></html>`

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
