/**
 * A print template is a whole HTML page; the preview shows it inside the app. Its <style> is kept (the @page
 * rules still govern printing) with the page-wide `body` rule narrowed to the sheet, so the app's toolbar keeps
 * its own font; the sheet gets the print's paper orientation and margins, so lines break as on paper.
 */
export interface Sheet {
  /** the template's style and body, ready for v-html (the templates escape every value) */
  html: string
  paper: 'portrait' | 'landscape'
  padding: { padding: string }
}

export function sheetOf(page: string): Sheet {
  const css = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)]
    .map((m) => m[1])
    .join('\n')
    .replace(/(^|[\s}])body(\s*\{)/g, '$1.print-sheet$2')
  const body = /<body([^>]*)>([\s\S]*)<\/body>/.exec(page)
  const attrs = body?.[1] ?? ''
  const margins = /data-margins="([\d. ]+)"/.exec(attrs)?.[1]?.split(' ') ?? ['37', '26', '35', '28']
  return {
    html: `<style>${css}</style>${body?.[2] ?? ''}`,
    paper: attrs.includes('data-paper="landscape"') ? 'landscape' : 'portrait',
    padding: { padding: margins.map((v) => `${v}mm`).join(' ') },
  }
}
