import { normalize, sep } from 'node:path'

/**
 * Who may talk to the main process and what the window may load, as small pure functions (Electron security
 * checklist items 13, 14, 17). The product shows its renderer from its own `dangban://app/` scheme (served from
 * the installed files, never file://); during development electron-vite's dev server takes its place.
 */
export const RENDERER_SCHEME = 'dangban'
export const RENDERER_URL = `${RENDERER_SCHEME}://app/index.html`

export interface SenderFacts {
  /** webContents id of the sender */
  senderId: number
  /** URL of the frame that sent the message (null when the frame is gone) */
  frameUrl: string | null
  /** whether that frame is the top frame of its page */
  isMainFrame: boolean
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Same scheme, host and port as our renderer (a custom scheme's URL has no `origin`, so compare the parts). */
function ours(url: string, rendererUrl: string): boolean {
  const target = parse(url)
  const allowed = parse(rendererUrl)
  return !!target && !!allowed && target.protocol === allowed.protocol && target.host === allowed.host && target.host !== ''
}

/** A message is trusted only from our main window's own top frame showing our own renderer. */
export function isTrustedSender(sender: SenderFacts, mainWindowId: number | null, rendererUrl: string): boolean {
  if (mainWindowId === null || sender.senderId !== mainWindowId) return false
  return sender.isMainFrame && !!sender.frameUrl && ours(sender.frameUrl, rendererUrl)
}

/** Navigation is allowed only within our own renderer (hash routes); everything else is denied. */
export const isAllowedNavigation = (targetUrl: string, rendererUrl: string): boolean => ours(targetUrl, rendererUrl)

const LOCAL_SCHEMES = new Set([`${RENDERER_SCHEME}:`, 'devtools:', 'data:', 'blob:'])

/**
 * Every request the window makes: our own scheme and in-memory data only. The development server is allowed
 * over http and its hot-reload websocket (same host and port); any other http, https, ws, ftp or file request is
 * cancelled — the app makes no network request at all.
 */
export function isAllowedRequest(url: string, rendererUrl: string): boolean {
  const target = parse(url)
  if (!target) return false
  if (LOCAL_SCHEMES.has(target.protocol)) return true
  const renderer = parse(rendererUrl)
  if (!renderer || renderer.protocol !== 'http:') return false
  return (target.protocol === 'http:' || target.protocol === 'ws:') && target.host === renderer.host
}

/**
 * The installed file a `dangban://app/…` URL names, or null for anything outside the renderer folder
 * (`..`, encoded separators, another host).
 */
export function rendererFile(url: string, rendererDir: string): string | null {
  const target = parse(url)
  if (!target || target.protocol !== `${RENDERER_SCHEME}:` || target.host !== 'app') return null
  let path: string
  try {
    path = decodeURIComponent(target.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '')
  const root = normalize(rendererDir)
  const file = normalize(`${root}${sep}${relative}`)
  return file.startsWith(root + sep) ? file : null
}
