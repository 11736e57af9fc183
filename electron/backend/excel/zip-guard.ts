/**
 * Zip-bomb guard for .xlsx/.et files (they are zip archives): reads the central directory and refuses
 * archives whose declared uncompressed size or compression ratio is out of all proportion for a roster.
 * SheetJS would otherwise inflate everything into memory before we see a single row.
 */
export const MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
export const MAX_RATIO = 200

export function zipProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return '文件已损坏（压缩包不完整），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入'
  const entries = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      return '文件已损坏（压缩包目录不完整），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入'
    }
    total += view.getUint32(offset + 24, true)
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  if (total > MAX_UNCOMPRESSED_BYTES || total > bytes.length * MAX_RATIO) {
    return `文件解压后过大（约 ${Math.round(total / 1024 / 1024)} MB），不像是一份名册，已拒绝读取`
  }
  return null
}
