import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { contentType } from '../../shared/content-types'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import type { Backend } from '../dispatch'

/**
 * Development and test transport: serves the built renderer and the backend on 127.0.0.1 only, behind a
 * random per-run token. Never imported by the Electron main process and never shipped.
 */
export interface Bridge {
  url: string
  token: string
  close(): Promise<void>
}

const MAX_BODY = 64 * 1024 * 1024

export async function startBridge(backend: Backend, rendererDir: string, port = 0): Promise<Bridge> {
  const token = randomBytes(24).toString('hex')
  const tokenBytes = Buffer.from(token)
  let origin = ''

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '内部错误')
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only answer requests addressed to our own loopback origin.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host')
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname === '/api/call') return apiCall(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed')
    return serveStatic(url.pathname, res)
  }

  async function apiCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = Buffer.from(String(req.headers['x-dangban-token'] ?? ''))
    if (req.method !== 'POST' || given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden')
    }
    let body: { method?: unknown; input?: unknown }
    try {
      body = JSON.parse(await readBody(req)) as typeof body
    } catch {
      return json(res, { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } })
    }
    json(res, await backend.call(String(body.method), body.input))
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    const file = join(rendererDir, relative === '' ? 'index.html' : relative)
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 404, 'text/plain; charset=utf-8', 'not found')
    let content: Buffer
    let type = contentType(extname(file))
    try {
      content = await readFile(file)
    } catch {
      // history-mode routes fall back to the app shell
      content = await readFile(join(rendererDir, 'index.html'))
      type = contentType('.html')
    }
    if (type.startsWith('text/html')) {
      content = Buffer.from(content.toString('utf8').replace('<head>', `<head><meta name="dangban-bridge-token" content="${token}">`))
    }
    send(res, 200, type, content)
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}/`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  res.end(body)
}

const json = (res: ServerResponse, value: unknown): void => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value))

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
