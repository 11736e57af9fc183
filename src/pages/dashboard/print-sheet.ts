import { shallowRef } from 'vue'

/** One chart as a picture for the A4 sheet; `full` charts (long lists of branches) get a page of their own. */
export interface ChartImage {
  title: string
  src: string
  full: boolean
}

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
export function chartImages(charts: readonly (ChartHandle | null | undefined)[], full: (title: string) => boolean = () => false): ChartImage[] {
  return charts
    .filter((c): c is ChartHandle => !!c)
    .map((c) => {
      const option = c.getOption() as { title?: { text?: string }[] }
      const title = option.title?.[0]?.text ?? ''
      return { title, src: c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['toolbox'] }), full: full(title) }
    })
}

/** Fours on a page (2 × 2), full-page charts alone, in the dashboard's order. */
export function pagesOf(images: readonly ChartImage[]): ChartImage[][] {
  const pages: ChartImage[][] = []
  let current: ChartImage[] = []
  for (const img of images) {
    if (img.full) {
      if (current.length) pages.push(current)
      pages.push([img])
      current = []
    } else {
      current.push(img)
      if (current.length === 4) {
        pages.push(current)
        current = []
      }
    }
  }
  if (current.length) pages.push(current)
  return pages
}
