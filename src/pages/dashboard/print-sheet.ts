import type { ChartImage, ChartSize } from '@shared/print/chart-pages'
import { shallowRef } from 'vue'

export { pagesOf } from '@shared/print/chart-pages'
export type { ChartImage, ChartSize }

export interface ChartSheet {
  title: string
  subtitle: string
  images: ChartImage[]
  /** where 返回 goes */
  back: string
}

/**
 * The charts to print, handed from the dashboard to its print preview in memory: chart pictures are several
 * megabytes, too big for the address or sessionStorage. A reload of the preview loses them (it says so).
 */
export const chartSheet = shallowRef<ChartSheet | null>(null)

export interface ChartHandle {
  getDataURL(opts: { type: 'png'; pixelRatio: number; backgroundColor: string; excludeComponents: string[] }): string
  getOption(): unknown
  getWidth(): number
  /** the ECharts instance itself: vue-echarts' own setOption works only in manual-update mode */
  readonly chart?: { setOption(option: unknown): void; resize(opts?: { height: number }): void }
}

/**
 * A long list of branches (one category row each) printed over several pages, a page's worth of rows at a
 * time, so that a large hospital's 140 branches stay readable instead of shrinking to 1 mm rows.
 */
export interface RowSplit {
  rows: number
  /** height of one row on paper, in chart pixels */
  rowPx: number
  /** the chart's height outside the rows (title, axis, legend) */
  chromePx: number
}

/** Paper cannot be clicked: "（点击查看支部画像）" and "，点击查看会议记录" come off the printed titles. */
export const paperTitle = (title: string): string => title.replace(/（点击[^）]*）/g, '').replace(/，点击[^）]*(?=）)/g, '')

// paper shows neither the toolbar nor the screen's slider (a printed chart lists every row instead)
const PICTURE = { type: 'png' as const, pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['toolbox', 'dataZoom'] }
/** the picture area of a whole A4 landscape page: 275 × 170 mm */
const PAGE_ASPECT = 275 / 170

/**
 * The pages of a split chart: each shows its rows only at a page's height — through the chart's slider window when it
 * has one (the heat map shows 25 rows on screen and every row on paper), else the category axis' min/max.
 */
function splitPictures(c: ChartHandle, title: string, split: RowSplit): ChartImage[] {
  const perPage = Math.max(5, Math.floor((c.getWidth() / PAGE_ASPECT - split.chromePx) / split.rowPx))
  const pages = Math.ceil(split.rows / perPage)
  const zoom = (c.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] }).dataZoom ?? []
  if ((pages <= 1 && !zoom.length) || !c.chart) return []
  const window = (min: number | null, max: number | null) => (zoom.length ? { dataZoom: zoom.map(() => ({ startValue: min, endValue: max })) } : { yAxis: { min, max } })
  const out: ChartImage[] = []
  try {
    for (let i = 0; i < pages; i++) {
      const min = i * perPage
      const max = Math.min(split.rows, min + perPage) - 1
      const text = pages > 1 ? `${title}（${i + 1}/${pages}）` : title
      c.chart.setOption({ title: { text }, ...window(min, max) })
      c.chart.resize({ height: (max - min + 1) * split.rowPx + split.chromePx })
      out.push({ title: text, src: c.getDataURL(PICTURE), size: 'page' })
    }
  } finally {
    c.chart.setOption(zoom.length ? { dataZoom: zoom.map((z) => ({ startValue: z.startValue, endValue: z.endValue })) } : window(null, null))
    c.chart.resize()
  }
  return out
}

/**
 * Renders each chart to a PNG (without its toolbar and with its paper title) through its ECharts instance;
 * charts with a row split come out as several whole pages.
 */
export function chartImages(charts: readonly (ChartHandle | null | undefined)[], size: (title: string) => ChartSize = () => 'cell', split: (title: string) => RowSplit | null = () => null): ChartImage[] {
  return charts
    .filter((c): c is ChartHandle => !!c)
    .flatMap((c) => {
      const option = c.getOption() as { title?: { text?: string }[] }
      const title = option.title?.[0]?.text ?? ''
      const printed = paperTitle(title)
      const rows = split(title)
      const pages = rows ? splitPictures(c, printed, rows) : []
      if (pages.length) {
        c.chart?.setOption({ title: { text: title } })
        return pages
      }
      if (printed !== title) c.chart?.setOption({ title: { text: printed } })
      const src = c.getDataURL(PICTURE)
      if (printed !== title) c.chart?.setOption({ title: { text: title } })
      return [{ title: printed, src, size: size(title) }]
    })
}
