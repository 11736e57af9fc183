/** Characters no file name should carry: controls, zero-width and bidi marks (a name that reads differently than it is). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/**
 * A file name the renderer suggests (a print's title), made safe for the save dialog on Windows and Linux:
 * no path separators or reserved characters, no leading dots, not a reserved device name, at most 80 characters.
 * Anything unusable becomes the fallback.
 */
export function safeFileName(name: unknown, fallback: string): string {
  if (typeof name !== 'string') return fallback
  const cleaned = name
    .replace(INVISIBLE, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .slice(0, 80)
    .replace(/^[\s.]+|[\s.]+$/g, '')
  return cleaned === '' || WINDOWS_RESERVED.test(cleaned) ? fallback : cleaned
}
