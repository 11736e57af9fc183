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

interface ChartHandle {
  getDataURL(opts: { type: 'png'; pixelRatio: number; backgroundColor: string; excludeComponents: string[] }): string
  getOption(): unknown
  /** the ECharts instance itself: vue-echarts' own setOption works only in manual-update mode */
  readonly chart?: { setOption(option: unknown): void }
}

/** Paper cannot be clicked: "（点击查看支部画像）" and "，点击查看会议记录" come off the printed titles. */
export const paperTitle = (title: string): string => title.replace(/（点击[^）]*）/g, '').replace(/，点击[^）]*(?=）)/g, '')

/** Renders each chart to a PNG (without its toolbar and with its paper title) through its ECharts instance. */
export function chartImages(charts: readonly (ChartHandle | null | undefined)[], size: (title: string) => ChartSize = () => 'cell'): ChartImage[] {
  return charts
    .filter((c): c is ChartHandle => !!c)
    .map((c) => {
      const option = c.getOption() as { title?: { text?: string }[] }
      const title = option.title?.[0]?.text ?? ''
      const printed = paperTitle(title)
      if (printed !== title) c.chart?.setOption({ title: { text: printed } })
      const src = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['toolbox'] })
      if (printed !== title) c.chart?.setOption({ title: { text: title } })
      return { title: printed, src, size: size(title) }
    })
}
