/**
 * Content-Security-Policy for the renderer (Electron security checklist item 7): only our own files,
 * no inline or remote scripts, no network. Element Plus sets inline style attributes, hence 'unsafe-inline'
 * for styles only. The same string is in src/index.html and sent by the bridge; a unit test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')

/**
 * As sent in HTTP headers (the browser bridge, the desktop's own protocol): also forbids any other page to show
 * ours in a frame — a directive a <meta> tag cannot carry.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** A window left without mouse or keyboard this long locks; the backend signs out a session that long without a call. */
export const IDLE_LOCK_MINUTES = 15
