import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron'
import { writeFile } from 'node:fs/promises'

/**
 * 另存为 PDF in the desktop app: prints the current page (the print preview) with Chromium's printToPDF,
 * honouring the page's own @page size and margins, and asks where to save. The renderer only names the file.
 */
export async function saveAsPdf(event: IpcMainInvokeEvent, suggestedName: unknown): Promise<{ ok: boolean; file?: string }> {
  const win = BrowserWindow.fromWebContents(event.sender)
  if (!win) return { ok: false }
  const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|]/g, '_').slice(0, 100) : '打印'
  const { canceled, filePath } = await dialog.showSaveDialog(win, { title: '另存为 PDF', defaultPath: `${name}.pdf`, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] })
  if (canceled || !filePath) return { ok: false }
  const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true })
  await writeFile(filePath, pdf)
  return { ok: true, file: filePath }
}
