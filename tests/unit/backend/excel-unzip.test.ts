import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { unzip, ZIP_LIMITS } from '../../../electron/backend/excel/unzip'
import { workbook } from '../../fixtures/workbooks'
import { deflatedZeros, entriesOf, zerosCrc, zip } from '../../fixtures/zip'

const ROSTER = workbook([
  ['组织名称', '组织类型'],
  ['内科党支部', '党支部'],
])
const refusal = (bytes: Buffer): string => {
  try {
    unzip(bytes)
    return ''
  } catch (error) {
    return (error as Error).message
  }
}
const sheet = Buffer.from('<worksheet>' + '<row><c t="inlineStr"><is><t>内科党支部</t></is></c></row>'.repeat(200) + '</worksheet>')

describe('我们自己的解压：按实际解出的字节计量，不信压缩包的声明', () => {
  it('Excel、WPS 和 SheetJS 写出的文件原样解出（含 ZIP64 写法）', () => {
    const entries = entriesOf(ROSTER)
    const out = unzip(zip(entries))
    expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name))
    expect(Buffer.from(out.find((e) => e.name === 'xl/workbook.xml')!.data).toString()).toContain('<workbook')
    expect(unzip(zip(entries.map((e) => ({ ...e, zip64: true })))).length).toBe(entries.length)
  })

  it('如实声明的炸弹：不解就拒绝；小文件说是压缩炸弹，大的说内容过多', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', raw: deflatedZeros(1024 ** 3), size: 1024 ** 3 }])
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    expect(refusal(bomb)).toBe('文件解压后超过 100 MB，已停止读取：表格内容过多，或是恶意构造的文件。如确是表格，请删除多余的行、列和工作表，或拆分成几个文件后再试')
    // 40 KB that would be 40 MB: 100 times the file (4 MB at least) is all it may have
    const small = zip([{ name: 'xl/worksheets/sheet1.xml', raw: deflatedZeros(40 * 1024 * 1024), size: 40 * 1024 * 1024 }])
    expect(refusal(small)).toMatch(/^文件解压后超过 4 MB，是文件本身的 100 倍以上，不像是一份表格（可能是恶意构造的“压缩炸弹”）/)
  })

  it('声明 100 字节、实际 1 GB：解到 100 字节就停，说文件已损坏', () => {
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', raw: deflatedZeros(1024 ** 3), size: 100 }])
    expect(refusal(liar)).toBe('文件已损坏（压缩包中的项比记录的大小更大），请用 Excel 或 WPS 打开后另存为 .xlsx 再试')
  })

  it('每项都不大、合起来超过 100 MB：按总量拒绝', () => {
    // incompressible padding keeps the ratio honest, so the absolute cap is what stops it
    const padding = Buffer.from(Array.from({ length: 1_200_000 }, (_, i) => (i * 2654435761) >>> 24))
    const items = [{ name: 'xl/media/image1.bin', data: padding, method: 0 }, ...Array.from({ length: 12 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, raw: deflatedZeros(9 * 1024 * 1024), size: 9 * 1024 * 1024, crc: zerosCrc(9 * 1024 * 1024) }))]
    expect(refusal(zip(items))).toContain(`超过 ${ZIP_LIMITS.inflatedBytes / 1024 / 1024} MB，已停止读取：表格内容过多`)
  })

  it('声明 4 GB：不解就拒绝', () => {
    expect(refusal(zip([{ name: 'xl/workbook.xml', data: Buffer.alloc(10), size: 0xffffffff }]))).toContain('压缩炸弹')
  })

  it('多个目录项指向同一段数据（重叠炸弹）：拒绝', () => {
    const items = [{ name: 'xl/worksheets/sheet1.xml', data: sheet }, ...Array.from({ length: 50 }, (_, i) => ({ name: `xl/worksheets/s${i}.xml`, data: sheet, sameAs: 0 }))]
    expect(refusal(zip(items))).toContain('相互重叠')
  })

  it('大小、校验和、位置说谎或数据被截断：说文件已损坏，并请另存', () => {
    const lies = [
      zip([{ name: 'a.xml', data: sheet, size: 100 }]),
      zip([{ name: 'a.xml', data: sheet, size: sheet.length + 1 }]),
      zip([{ name: 'a.xml', data: sheet, crc: 12345 }]),
      zip([{ name: 'a.xml', data: sheet, compressed: 1_000_000 }]),
      zip([{ name: 'a.xml', data: sheet, compressed: 20 }]),
      zip([{ name: 'a.xml', data: sheet }], { count: 3 }),
      zip([{ name: 'a.xml', data: sheet }], { directoryAt: 5 }),
      zip([{ name: 'a.xml', data: sheet, method: 12 }]),
      zip([{ name: 'a.xml', data: sheet }, { name: 'a.xml', data: sheet }]),
      Buffer.from('PK\u0003\u0004 not really a zip'),
    ]
    for (const bytes of lies) expect(refusal(bytes)).toMatch(/^文件已损坏（.+），请用 Excel 或 WPS 打开后另存为 \.xlsx 再试$/)
  })

  it('哈夫曼表损坏的压缩流（SheetJS 自带的解压会在这里死循环）：zlib 当即拒绝', () => {
    const stream = deflateRawSync(sheet)
    // bit 1–2 of the first byte: a dynamic Huffman block; its code-length table follows
    expect((stream[0]! >> 1) & 3).toBe(2)
    for (let bit = 8; bit < 8 * 40; bit += 7) {
      const bad = Buffer.from(stream)
      bad[bit >> 3]! ^= 1 << (bit & 7)
      expect(refusal(zip([{ name: 'a.xml', raw: bad, size: sheet.length }]))).toMatch(/^文件已损坏/)
    }
  })

  it('设置了密码的条目：说要先取消密码', () => {
    expect(refusal(zip([{ name: 'a.xml', data: sheet, flags: 1 }]))).toContain('取消密码')
  })
})
