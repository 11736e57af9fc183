import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron'
import { writeFile } from 'node:fs/promises'
import type { PrintResult, SavePdfResult } from '../shared/desktop'
import { pdfPageCount } from '../shared/print/paging'
import { safeFileName } from './file-name'

/**
 * Printing in the desktop app. The print preview page (src/pages/print/) shows the template's HTML with its
 * own @page rules; these print exactly that page. The renderer only names the file or the sections.
 */
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const

/** 另存为 PDF: Chromium's printToPDF of the preview (its A4 size and margins), saved where the clerk chooses. */
export async function saveAsPdf(event: IpcMainInvokeEvent, suggestedName: unknown): Promise<SavePdfResult> {
  const win = BrowserWindow.fromWebContents(event.sender)
  if (!win) return { ok: false }
  const name = safeFileName(suggestedName, '打印')
  const { canceled, filePath } = await dialog.showSaveDialog(win, { title: '另存为 PDF', defaultPath: `${name}.pdf`, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] })
  if (canceled || !filePath) return { ok: false }
  await writeFile(filePath, await event.sender.printToPDF(PDF_OPTIONS))
  return { ok: true, file: filePath }
}

/** 打印: the system print dialog for the preview (printer, copies, duplex are the clerk's choice there). */
export function printPreview(event: IpcMainInvokeEvent): Promise<PrintResult> {
  return new Promise((resolve) => {
    event.sender.print({ printBackground: true }, (ok, reason) => resolve(ok ? { ok } : { ok, reason }))
  })
}

/**
 * First page of each section that starts a new page (the annual binder's cover, contents, records and
 * statistics), so the contents can show real 页码: each section is printed alone and the pages added up —
 * exact, because each starts a page and all pages share one size and margins. Sections are hidden for a
 * moment while this runs; they are always shown again.
 */
export async function measureSections(event: IpcMainInvokeEvent, selector: unknown): Promise<number[]> {
  // a fixed, simple selector from our own preview page; anything else is refused
  if (typeof selector !== 'string' || !/^[\w.\s>-]{1,60}$/.test(selector)) return []
  const wc = event.sender
  const all = `document.querySelectorAll(${JSON.stringify(selector)})`
  const count = Number(await wc.executeJavaScript(`${all}.length`))
  const starts: number[] = []
  let next = 1
  try {
    for (let i = 0; i < count; i++) {
      await wc.executeJavaScript(`${all}.forEach((el, j) => { el.style.display = j === ${i} ? '' : 'none' })`)
      starts.push(next)
      next += pdfPageCount(await wc.printToPDF(PDF_OPTIONS))
    }
  } finally {
    await wc.executeJavaScript(`${all}.forEach((el) => { el.style.display = '' })`)
  }
  return starts
}
