/**
 * The 驾驶舱 / 支部画像 charts on A4 landscape sheets (every chart prints). The pictures come from
 * ECharts in the renderer; which chart goes on which page is decided here.
 */

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
