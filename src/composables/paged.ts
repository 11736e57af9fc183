import { computed, ref, watch, type Ref } from 'vue'

/**
 * A long list shown a page at a time. Element Plus tables render every row they are given, and a few thousand
 * rows — a 10,000-row import preview, 党员总数 opened as names — held the window for seconds. The page goes
 * back to the first whenever the list itself changes (another file, another filter).
 */
export function usePaged<T>(list: Ref<readonly T[]>, size = 50) {
  const page = ref(1)
  const offset = computed(() => (page.value - 1) * size)
  const rows = computed(() => list.value.slice(offset.value, offset.value + size))
  watch(list, () => (page.value = 1))
  return { page, rows, size, offset }
}
