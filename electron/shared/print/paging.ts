/**
 * Counting pages in a PDF that Chromium wrote (Electron's printToPDF, Playwright's page.pdf): every page object
 * is "/Type /Page"; the page-tree nodes are "/Type /Pages". Used to measure where each section of the annual
 * binder starts, so its contents can print real page numbers.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  let text = ''
  // latin1: one character per byte, enough to find the ASCII keywords without decoding the streams
  for (let i = 0; i < pdf.length; i += 65536) text += String.fromCharCode(...pdf.subarray(i, i + 65536))
  return (text.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length
}

