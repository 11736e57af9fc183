import { shallowRef } from 'vue'

/**
 * How much of an A4 landscape sheet a chart takes: a quarter (2 × 2 on a page), a half-page row (wide
 * charts such as the trends), or the whole page (long lists of branches).
 */
export type ChartSize = 'cell' | 'row' | 'page'

export interface ChartImage {
  title: string
  src: string
  size: ChartSize
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
export function chartImages(charts: readonly (ChartHandle | null | undefined)[], size: (title: string) => ChartSize = () => 'cell'): ChartImage[] {
  return charts
    .filter((c): c is ChartHandle => !!c)
    .map((c) => {
      const option = c.getOption() as { title?: { text?: string }[] }
      const title = option.title?.[0]?.text ?? ''
      return { title, src: c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff', excludeComponents: ['toolbox'] }), size: size(title) }
    })
}

/** Four quarters to a page, a row taking a whole half, whole-page charts alone; the dashboard's order is kept. */
export function pagesOf(images: readonly ChartImage[]): ChartImage[][] {
  const pages: ChartImage[][] = []
  let current: ChartImage[] = []
  let used = 0
  const close = () => {
    if (current.length) pages.push(current)
    current = []
    used = 0
  }
  for (const img of images) {
    if (img.size === 'page') {
      close()
      pages.push([img])
      continue
    }
    const slots = img.size === 'row' ? 2 : 1
    // a row starts on a fresh half: beside a lone quarter stays a blank quarter (the grid places it so)
    if (slots === 2 && used % 2 === 1) used += 1
    if (used + slots > 4) close()
    current.push(img)
    used += slots
  }
  close()
  return pages
}
