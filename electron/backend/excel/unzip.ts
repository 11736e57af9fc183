import { crc32, inflateRawSync } from 'node:zlib'
import { AppError } from '../../shared/result'

/**
 * Our own unzip for .xlsx/.et (zip archives), run inside the sandbox worker (excel/worker.ts) before SheetJS or
 * exceljs see the file. Their own inflaters cannot be trusted with a hostile file: SheetJS's JavaScript inflate loops
 * for ever on a damaged Huffman table that Node's zlib rejects at once, and both believe the sizes the archive
 * declares. Here every entry is inflated by zlib with a hard cap on the bytes it actually produces (its declared
 * size, which must fit in what is left of the budget: 100 MB in all, and 100 times the file), and what comes out
 * must match that size and the CRC exactly. What comes out is plain data that the parsers read without inflating anything.
 */
export interface ZipEntry {
  name: string
  data: Uint8Array
}

const MiB = 1024 * 1024
export const ZIP_LIMITS = {
  /** all entries together, as inflated: a 100,000-row roster of 20 columns is about 90 MB */
  inflatedBytes: 100 * MiB,
  /** inflated ÷ file size, on the real bytes: rosters are 4–10, a bomb thousands */
  ratio: 100,
  /** below this a file may inflate as it likes: tiny files have odd ratios and cost nothing */
  ratioFloorBytes: 4 * MiB,
  entries: 10_000,
}

const damaged = (detail: string): never => {
  throw new AppError('VALIDATION', `文件已损坏（${detail}），请用 Excel 或 WPS 打开后另存为 .xlsx 再试`)
}
/** The cap that stopped inflating `fileBytes`: out of all proportion to the file (a bomb), or simply too much table. */
function tooBig(budget: number, fileBytes: number): never {
  const mb = Math.max(1, Math.round(budget / MiB))
  if (budget >= ZIP_LIMITS.ratio * fileBytes) {
    throw new AppError('VALIDATION', `文件解压后超过 ${mb} MB，是文件本身的 ${ZIP_LIMITS.ratio} 倍以上，不像是一份表格（可能是恶意构造的“压缩炸弹”），已停止读取`)
  }
  throw new AppError('VALIDATION', `文件解压后超过 ${mb} MB，已停止读取：表格内容过多，或是恶意构造的文件。如确是表格，请删除多余的行、列和工作表，或拆分成几个文件后再试`)
}

interface Central {
  name: string
  flags: number
  method: number
  crc: number
  compressed: number
  size: number
  local: number
}

/** The end of the central directory: the last signature in the final 64 KiB + 22 bytes (after it only a comment). */
function endOfDirectory(view: DataView): { count: number; offset: number } {
  const n = view.byteLength
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue
    let count = view.getUint16(i + 10, true)
    let offset = view.getUint32(i + 16, true)
    // ZIP64: the real numbers are in a record the locator just before points to
    if ((count === 0xffff || offset === 0xffffffff) && i >= 20 && view.getUint32(i - 20, true) === 0x07064b50) {
      const at = Number(view.getBigUint64(i - 12, true))
      if (at + 56 > n || view.getUint32(at, true) !== 0x06064b50) damaged('压缩包目录位置不对')
      count = Number(view.getBigUint64(at + 32, true))
      offset = Number(view.getBigUint64(at + 48, true))
    }
    return { count, offset }
  }
  return damaged('压缩包不完整，可能没有下载或复制完')
}

/** Central directory entries, every field checked against the file's real length. */
function directory(bytes: Uint8Array, view: DataView): Central[] {
  const { count, offset } = endOfDirectory(view)
  if (count > ZIP_LIMITS.entries) damaged(`压缩包中有 ${count} 项，远多于表格文件`)
  const out: Central[] = []
  let p = offset
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) damaged('压缩包目录不完整')
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const end = p + 46 + nameLength + extraLength + view.getUint16(p + 32, true)
    if (end > bytes.length) damaged('压缩包目录不完整')
    const entry: Central = {
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    }
    zip64(entry, view, p + 46 + nameLength, extraLength)
    out.push(entry)
    p = end
  }
  return out
}

/** Fields set to 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order, 8 bytes each. */
function zip64(entry: Central, view: DataView, from: number, length: number): void {
  for (let q = from; q + 4 <= from + length; ) {
    const id = view.getUint16(q, true)
    const size = view.getUint16(q + 2, true)
    if (id === 1) {
      let r = q + 4
      for (const key of ['size', 'compressed', 'local'] as const) {
        if (entry[key] !== 0xffffffff) continue
        if (r + 8 > q + 4 + size) damaged('压缩包目录不完整')
        entry[key] = Number(view.getBigUint64(r, true))
        r += 8
      }
    }
    q += 4 + size
  }
}

/**
 * Every file entry of the archive, inflated under the limits. Throws an AppError with a Chinese message for a
 * damaged, encrypted, oversized or otherwise hostile archive.
 */
export function unzip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const budget = Math.min(ZIP_LIMITS.inflatedBytes, Math.max(ZIP_LIMITS.ratioFloorBytes, ZIP_LIMITS.ratio * bytes.length))
  const seen = new Set<string>()
  const out: ZipEntry[] = []
  let total = 0
  const entries = directory(bytes, view)
  refuseOverlaps(entries, view)
  for (const e of entries) {
    if (e.flags & 0x41) throw new AppError('VALIDATION', '文件设置了密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码后另存，再试一次')
    // the same name twice, or many names over the same bytes (an "overlapping" bomb), never comes from Excel or WPS
    if (seen.has(e.name)) damaged('压缩包中有重复的项')
    seen.add(e.name)
    if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) damaged('压缩包中的项位置不对')
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true)
    if (start + e.compressed > bytes.length) damaged('压缩包中的项被截断')
    const raw = bytes.subarray(start, start + e.compressed)
    // the declared size is a ceiling, never a promise: nothing is inflated past it, nor past what is left of the
    // budget, so an entry that says 100 bytes and holds 1 GB stops at 100
    if (e.size > budget - total) tooBig(budget, bytes.length)
    const data = e.method === 0 ? raw : e.method === 8 ? inflate(raw, e.size) : damaged(`压缩方式 ${e.method} 不是表格文件所用的`)
    total += data.length
    if (data.length !== e.size) damaged('压缩包中的项大小与记录不符')
    if (crc32(data) !== e.crc) damaged('压缩包中的项校验不符')
    if (!e.name.endsWith('/')) out.push({ name: e.name, data })
  }
  return out
}

/**
 * Entries whose bytes overlap — several names over one stretch of data, the classic way to make a small file
 * inflate many times over — never come from Excel or WPS.
 */
function refuseOverlaps(entries: readonly Central[], view: DataView): void {
  const spans = entries.map((e) => {
    const header = e.local + 30 <= view.byteLength ? 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true) : 30
    return [e.local, e.local + header + e.compressed] as const
  })
  spans.sort((a, b) => a[0] - b[0])
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) damaged('压缩包中的项相互重叠')
}

/** zlib with a ceiling on its output: it stops at the declared size (checked against the budget) whatever the stream holds. */
function inflate(raw: Uint8Array, declared: number): Uint8Array {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, declared) })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return damaged('压缩包中的项比记录的大小更大')
    return damaged('压缩数据无法解开')
  }
}
