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
}

/** Renders each chart to a PNG (without its toolbar) through its ECharts instance. */
export function chartImages(charts: readonly (ChartHandle | null | undefined)[], size: (title: string) => ChartSize = () => 'cell'): ChartImage[] {
  return charts
    .filter((c): c is ChartHandle => !!c)
    .map((c) => {
      const option = c.getOption() as { title?: { text?: string }[] }
      const title = option.title?.[0]?.text ?? ''
      return { title, src: c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['toolbox'] }), size: size(title) }
    })
}

