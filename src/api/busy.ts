import { ref } from 'vue'
import { showError } from './feedback'

/**
 * A button's busy state around one backend action: errors are shown to the clerk as worded by the backend,
 * and `run` resolves to undefined instead of throwing, so callers only handle success.
 */
export function useBusy() {
  const busy = ref(false)
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    try {
      return await work()
    } catch (error) {
      showError(error)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
