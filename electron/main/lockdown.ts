import type { App, Protocol, Session } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { contentType } from '../shared/content-types'
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/security'
import { isAllowedNavigation, isAllowedRequest, rendererFile, RENDERER_SCHEME } from './sender'

/**
 * The app shows nothing but its own pages and makes no network request (Electron security checklist items
 * 4–7, 12–15, 18): every permission denied, every non-local request cancelled, the CSP sent with every page,
 * navigation, new windows and <webview> refused.
 */
export function lockDownSession(session: Session, rendererUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, rendererUrl) }))
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] } }),
  )
}

/** Every web contents the app ever creates (the window, devtools, a print preview) gets the same guards. */
export function guardWebContents(app: App, rendererUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseElsewhere = (event: { preventDefault(): void }, url: string): void => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault()
    }
    contents.on('will-navigate', refuseElsewhere)
    contents.on('will-redirect', refuseElsewhere)
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** The product's renderer is served from the installed files under `dangban://app/` (never file://). */
export const RENDERER_SCHEME_PRIVILEGES = [{ scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, codeCache: true } }]

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const file = rendererFile(request.url, rendererDir)
    const body = file ? await readFile(file).catch(() => null) : null
    if (!file || !body) return new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType(extname(file)), 'content-security-policy': CONTENT_SECURITY_POLICY_HEADER, 'x-content-type-options': 'nosniff' },
    })
  })
}
