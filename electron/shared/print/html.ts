/** Every value that goes into a print is escaped: names and minutes are data, never markup. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Multi-line text (minutes, agenda) keeps its line breaks. */
export const paragraphs = (text: string | null | undefined): string =>
  (text ?? '')
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')
