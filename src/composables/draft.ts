import { onBeforeUnmount, watch, type WatchSource } from 'vue'
import { useSessionStore } from '../stores/session'

/**
 * A long record that is not saved yet survives the window closing (a 会议记录 is typed for an hour).
 * Drafts live in the renderer's localStorage — in the desktop app that is Electron's profile folder beside the
 * database (Local Storage under the user-data folder), on this PC, for this Windows/Linux account only; in browser
 * mode the browser profile of the address printed by `npm run web`. Each is kept per signed-in account and per
 * record (`dangban:draft:<user id>:<what>`), written a moment after each change and when the page goes away, and
 * removed when the record is saved or the clerk throws the changes away. Nothing in a draft reaches the database
 * until the clerk saves.
 */
export interface Draft<T> {
  savedAt: string
  data: T
}

const PREFIX = 'dangban:draft:'

export function useDraft<T>(what: () => string | null, snapshot: WatchSource<T>, changed: () => boolean) {
  const session = useSessionStore()
  let active = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const keyOf = (): string | null => {
    const w = what()
    return w && session.user ? `${PREFIX}${session.user.id}:${w}` : null
  }
  let current: T | undefined

  function write(): void {
    clearTimeout(timer)
    const key = keyOf()
    if (!active || !key || current === undefined) return
    try {
      if (changed()) localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), data: current } satisfies Draft<T>))
      else localStorage.removeItem(key)
    } catch {
      // a full or unavailable storage: the dialog still asks before anything is thrown away
    }
  }

  watch(
    snapshot,
    (v) => {
      current = v
      clearTimeout(timer)
      if (active) timer = setTimeout(write, 400)
    },
    { deep: true },
  )
  const flush = (): void => write()
  window.addEventListener('pagehide', flush)
  onBeforeUnmount(() => {
    flush()
    window.removeEventListener('pagehide', flush)
  })

  return {
    /** the draft kept for this record, if any */
    read(): Draft<T> | null {
      const key = keyOf()
      if (!key) return null
      try {
        const raw = localStorage.getItem(key)
        return raw ? (JSON.parse(raw) as Draft<T>) : null
      } catch {
        return null
      }
    },
    /** starts keeping drafts (after the dialog has loaded what it shows) */
    start(): void {
      active = true
    },
    /** stops keeping drafts and removes this record's (saved, or thrown away on purpose) */
    discard(): void {
      active = false
      clearTimeout(timer)
      const key = keyOf()
      if (key) localStorage.removeItem(key)
    },
    /** stops keeping drafts, keeping the one written so far (the dialog closes for a moment: printing) */
    pause(): void {
      write()
      active = false
    },
  }
}
