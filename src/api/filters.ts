import { watch, type WatchSource } from 'vue'

/**
 * A filtered, paged list: a change of any filter reloads page 1 after a short pause (typing a name does not
 * fire one query per keystroke); turning the page reloads at once.
 */
export function watchFilters(source: WatchSource<unknown>, filters: { page: number }, load: () => Promise<void>): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    source,
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        filters.page = 1
        void load()
      }, 200)
    },
    { deep: true },
  )
  watch(() => filters.page, load)
}
