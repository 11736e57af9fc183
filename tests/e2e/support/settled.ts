/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Waits until what a person sees has stopped moving, instead of sleeping a fixed time: no Vue transition is running
 * (dialogs, drawers and notices fading in or out carry *-enter-active / *-leave-active classes while they move), and
 * every chart has its container's size and draws the same picture twice in a row (entry animations and the
 * resize after a window change are over).
 */
export async function settled(page: Page): Promise<void> {
  let last = ''
  await expect
    .poll(async () => {
      // null while something moves; otherwise the charts' pictures, compared with the previous look
      const now = await page.evaluate(() => {
        if (document.querySelector('[class*="-enter-active"], [class*="-leave-active"]')) return null
        const pictures: string[] = []
        for (const root of document.querySelectorAll('[_echarts_instance_]')) {
          const canvas = root.querySelector('canvas')
          if (!canvas || Math.abs(canvas.clientWidth - root.clientWidth) > 1 || Math.abs(canvas.clientHeight - root.clientHeight) > 1) return null
          pictures.push(canvas.toDataURL())
        }
        return pictures.join('|')
      })
      const same = now !== null && now === last
      last = now ?? ''
      return same
    })
    .toBe(true)
}
