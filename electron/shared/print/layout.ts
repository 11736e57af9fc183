import { esc } from './html'

/**
 * Page layout after GB/T 9704-2012 where it applies (domain.md §8): A4, top margin 37 mm, left 28 mm, text
 * block 156 × 225 mm; body 仿宋 16 pt (3号), titles 小标宋 22 pt (2号) centred; page numbers "— 1 —" in 宋体
 * 14 pt (4号), odd pages right, even pages left. Fonts: what Windows and UOS/Kylin ship first, then the free
 * Noto CJK / AR PL / WenQuanYi fonts, so Chinese never prints as boxes.
 */
export const FONTS = {
  fangsong: "'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', serif",
  song: "'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', serif",
  hei: "'SimHei', '黑体', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', sans-serif",
  kai: "'KaiTi', '楷体', 'KaiTi_GB2312', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', serif",
  xiaobiaosong: "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'FZXiaoBiaoSong-B05', 'SimSun', 'Noto Serif CJK SC', serif",
}

export interface PageOptions {
  title: string
  /** forms and tables may use a smaller body size than documents */
  bodySize?: string
  landscape?: boolean
  /** "内部资料" in the top corner of internal reports */
  internal?: boolean
  /** no page numbers on one-page forms */
  pageNumbers?: boolean
  /** forms (sign-in sheets) use narrower margins than documents to fit 40 names on one page */
  margins?: string
}

export function page(body: string, o: PageOptions): string {
  const numbers = o.pageNumbers === false ? '' : `
    @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${FONTS.song}; } }
    @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${FONTS.song}; } }`
  const size = o.landscape ? 'A4 landscape' : 'A4'
  const margins = o.margins ?? (o.landscape ? '20mm 20mm 22mm 20mm' : '37mm 26mm 35mm 28mm')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(o.title)}</title>
<style>
  @page { size: ${size}; margin: ${margins}; }
  ${numbers}
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: ${FONTS.fangsong}; font-size: ${o.bodySize ?? '16pt'}; line-height: 1.75; color: #000; }
  h1 { font-family: ${FONTS.xiaobiaosong}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 18pt; letter-spacing: 1pt; }
  h2 { font-family: ${FONTS.hei}; font-size: 16pt; font-weight: normal; margin: 12pt 0 6pt; }
  h3 { font-family: ${FONTS.kai}; font-size: 16pt; font-weight: normal; margin: 8pt 0 4pt; }
  p { margin: 0; text-indent: 2em; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: middle; }
  th { font-family: ${FONTS.hei}; font-weight: normal; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .internal { position: absolute; top: 0; left: 0; font-family: ${FONTS.hei}; font-size: 12pt; border: 0.75pt solid #000; padding: 1pt 6pt; }
  .meta { width: 100%; margin-bottom: 10pt; }
  .meta td { border: none; padding: 2pt 0; }
  .sign { margin-top: 24pt; display: flex; justify-content: space-between; }
  .right { text-align: right; }
  .center { text-align: center; }
  .small { font-size: 10.5pt; }
</style></head>
<body>${o.internal ? '<div class="internal">内部资料</div>' : ''}${body}</body></html>`
}
