/** Content types of the built renderer's files, for whoever serves them (the desktop protocol, the browser bridge). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export const contentType = (extension: string): string => CONTENT_TYPES[extension.toLowerCase()] ?? 'application/octet-stream'
