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
