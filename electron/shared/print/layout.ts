import { formatChineseDate, type IsoDate } from '../dates'
import { esc } from './html'

/**
 * Page layout after GB/T 9704-2012 where it applies (docs/rules.md §8): A4; top margin 37 mm, left 28 mm, text block
 * 156 × 225 mm (so right 26 mm, bottom 35 mm); 22 lines per page (225 mm / 22 = 28.9 pt line pitch); body 仿宋
 * 3号 (16 pt); title 小标宋 2号 (22 pt) centred; "一、" 黑体, "（一）" 楷体; page numbers "— 1 —" 宋体 4号 (14 pt),
 * 7 mm under the text block, odd pages right and even pages left, one character in from the edge.
 *
 * Fonts: what Windows ships (FangSong, SimSun, SimHei, KaiTi), then UOS/Kylin and the 方正 fonts offices buy,
 * then the free Noto CJK / AR PL / WenQuanYi fonts, so Chinese never prints as boxes on a bare Linux machine.
 */
const OWN = {
  fangsong: ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'FZFangSong-Z02S'],
  song: ['SimSun', '宋体', 'NSimSun', 'STSong', 'FZShuSong-Z01S'],
  hei: ['SimHei', '黑体', 'STHeiti', 'FZHei-B01S'],
  kai: ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'FZKai-Z03S'],
  xiaobiaosong: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', 'FZXiaoBiaoSong-B05', '方正小标宋_GBK'],
}
const SERIF_FREE = ['Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL UMing CN', 'WenQuanYi Micro Hei', 'serif']
const stack = (names: string[]) => names.map((n) => (/^(serif|sans-serif)$/.test(n) ? n : `'${n}'`)).join(', ')
export const FONTS = {
  fangsong: stack([...OWN.fangsong, ...SERIF_FREE]),
  song: stack([...OWN.song, ...SERIF_FREE]),
  hei: stack([...OWN.hei, 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'sans-serif']),
  kai: stack([...OWN.kai, 'AR PL UKai CN', ...SERIF_FREE]),
  // no 小标宋: 宋体 is the nearer face, then the free serifs
  xiaobiaosong: stack([...OWN.xiaobiaosong, ...OWN.song.slice(0, 2), ...SERIF_FREE]),
} as const

/** What each face is for, and the names of the face itself — the preview says which font each part really uses. */
export const FONT_ROLES: { role: string; wanted: string; own: string[]; stack: string }[] = [
  { role: '正文', wanted: '仿宋', own: OWN.fangsong, stack: FONTS.fangsong },
  { role: '标题', wanted: '方正小标宋', own: OWN.xiaobiaosong, stack: FONTS.xiaobiaosong },
  { role: '一级标题、表头', wanted: '黑体', own: OWN.hei, stack: FONTS.hei },
  { role: '二级标题', wanted: '楷体', own: OWN.kai, stack: FONTS.kai },
  { role: '页码', wanted: '宋体', own: OWN.song, stack: FONTS.song },
]

/** Margins in mm: top, right, bottom, left. */
export type Margins = readonly [number, number, number, number]
/** GB/T 9704: 37 / 28 mm with a 156 × 225 mm text block. */
export const DOCUMENT_MARGINS: Margins = [37, 26, 35, 28]
/** Forms (sign-in sheets) keep the left binding margin but use less at top and bottom for signing rows. */
export const FORM_MARGINS: Margins = [20, 22, 18, 28]
/** Wide tables in landscape: the binding edge is the top. */
export const LANDSCAPE_MARGINS: Margins = [24, 18, 20, 18]

export interface PageOptions {
  title: string
  landscape?: boolean
  /** "内部资料" at the top-left of the first page (internal reports) */
  internal?: boolean
  /** "— 1 —" page numbers; off for forms that number their own pages */
  pageNumbers?: boolean
  margins?: Margins
  /** the template's own rules, after the common ones */
  css?: string
}

/** 225 mm / 22 lines */
export const LINE_PITCH_PT = 28.9

/**
 * 署名 and 成文日期 at the right under the text (GB/T 9704 7.3.5), `lines` blank lines above them (two leave room
 * for a seal; one where the text fills the page, so the signature never stands alone on a page of its own).
 */
export const issuerCss = (lines = 2): string => `
  .issuer { margin-top: ${LINE_PITCH_PT * lines}pt; display: flex; justify-content: flex-end; padding-right: 4em; break-inside: avoid; }
  .issuer div { text-align: center; text-indent: 0; }`
export const issuerBlock = (name: string, on: IsoDate): string => `<div class="issuer"><div>${esc(name)}<br>${esc(formatChineseDate(on))}</div></div>`

export function page(body: string, o: PageOptions): string {
  const m = o.margins ?? (o.landscape ? LANDSCAPE_MARGINS : DOCUMENT_MARGINS)
  const number = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font: 14pt ${FONTS.song}; vertical-align: top; padding-top: 7mm; margin-${side}: 14pt; }`
  const numbers = o.pageNumbers === false ? '' : `@page :right { ${number('right')} }\n  @page :left { ${number('left')} }`
  const size = o.landscape ? 'A4 landscape' : 'A4'
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(o.title)}</title>
<style>
  @page { size: ${size}; margin: ${m.map((v) => `${v}mm`).join(' ')}; }
  ${numbers}
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-family: ${FONTS.fangsong}; font-size: 16pt; line-height: ${LINE_PITCH_PT}pt; color: #000; }
  h1 { font-family: ${FONTS.xiaobiaosong}; font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 0 0 ${LINE_PITCH_PT}pt; }
  h2, p.l1 { font-family: ${FONTS.hei}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
  h3, p.l2 { font-family: ${FONTS.kai}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
  h2, h3 { break-after: avoid; }
  p { margin: 0; text-indent: 2em; orphans: 2; widows: 2; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 0.75pt solid #000; padding: 2pt 5pt; vertical-align: middle; }
  th { font-family: ${FONTS.hei}; font-weight: normal; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .internal { display: inline-block; font-family: ${FONTS.hei}; font-size: 14pt; line-height: 1.3; border: 0.75pt solid #000; padding: 1pt 6pt; margin-bottom: 6pt; }
  .center { text-align: center; }
  .right { text-align: right; }
  .keep { break-inside: avoid; }
  ${o.css ?? ''}
</style></head>
<body data-paper="${o.landscape ? 'landscape' : 'portrait'}" data-margins="${m.join(' ')}">${o.internal ? '<div class="internal">内部资料</div>' : ''}${body}</body></html>`
}
