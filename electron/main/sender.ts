/**
 * IPC sender check (Electron security checklist item 17): a message is trusted only when it comes from
 * our main window's own top frame showing our own renderer — never from another window, a sub-frame,
 * or a page that navigated elsewhere.
 */
export interface SenderFacts {
  /** webContents id of the sender */
  senderId: number
  /** URL of the frame that sent the message (null when the frame is gone) */
  frameUrl: string | null
  /** whether that frame is the top frame of its page */
  isMainFrame: boolean
}

export function isTrustedSender(sender: SenderFacts, mainWindowId: number | null, rendererUrl: string): boolean {
  if (mainWindowId === null || sender.senderId !== mainWindowId) return false
  if (!sender.isMainFrame || !sender.frameUrl) return false
  let frame: URL
  let allowed: URL
  try {
    frame = new URL(sender.frameUrl)
    allowed = new URL(rendererUrl)
  } catch {
    return false
  }
  if (allowed.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === allowed.pathname
  return frame.origin === allowed.origin
}

/** Navigation is allowed only within our own renderer (hash routes); everything else is denied. */
export function isAllowedNavigation(targetUrl: string, rendererUrl: string): boolean {
  try {
    const target = new URL(targetUrl)
    const allowed = new URL(rendererUrl)
    if (allowed.protocol === 'file:') return target.protocol === 'file:' && target.pathname === allowed.pathname
    return target.origin === allowed.origin
  } catch {
    return false
  }
}
