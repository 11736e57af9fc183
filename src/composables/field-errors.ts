import type { FieldIssue } from '@shared/result'
import { computed, nextTick, reactive, ref, watch, type Ref, type WatchSource } from 'vue'
import type { z } from 'zod'
import { ApiError } from '../api/client'
import { ClerkError, showError } from '../api/feedback'

/**
 * Messages under the fields they are about. The backend answers a refused save with
 * `issues: [{ field, message }]` (boot/dispatch.ts, members/validate.ts); the same words, and the words of the very
 * zod schemas the backend validates with (electron/shared/contract), are put under each field of the form as the
 * clerk types. A message about no field on the form stays at the top of the form (`general`) until the next try.
 *
 * Fields are named as the contract names them (`title`, `idNumber`, `transferIn.date`, `resolutions.0.text`);
 * an update's `fields.` prefix is dropped. A form with tabs opens the tab holding the first bad field, and each
 * tab's label counts the messages on it.
 */
export interface FieldErrorsOptions {
  /** the fields this form shows (their contract names), or a test for them; a message about another field stays at the top */
  fields: readonly string[] | ((field: string) => boolean)
  /** forms with tabs: the open tab, and the tab each field is on */
  tabs?: { current: Ref<string>; of: (field: string) => string | undefined }
}

/** zod's issues as the backend reports them (guard.ts validationError): the dotted path and the message. */
export function schemaIssues(schema: z.ZodType, value: unknown): FieldIssue[] {
  const r = schema.safeParse(value)
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
}

export function useFieldErrors(options: FieldErrorsOptions) {
  const shown = options.fields
  const known = typeof shown === 'function' ? shown : (f: string) => shown.includes(f)
  /** from the last save the backend refused; a field's message goes as soon as the field changes */
  const server = reactive<Record<string, string>>({})
  /** from checking as the clerk types (only fields the clerk has touched, or all of them after a save attempt) */
  const live = reactive<Record<string, string>>({})
  const general = ref<string[]>([])
  const submitted = ref(false)

  /** the form's own name for an issue's field: `fields.title` → `title`; `resolutions.0.yes` → the closest field shown */
  function fieldOf(path: string): string | null {
    const parts = path.replace(/^fields\./, '').split('.')
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.')
      if (known(candidate)) return candidate
    }
    return null
  }

  const errors = computed<Record<string, string>>(() => {
    const out: Record<string, string> = {}
    for (const f of new Set([...Object.keys(server), ...Object.keys(live)])) {
      const m = server[f] ?? live[f]
      if (m) out[f] = m
    }
    return out
  })

  /** how many messages sit on each tab: the tab's label shows it */
  const perTab = computed<Record<string, number>>(() => {
    const out: Record<string, number> = {}
    if (!options.tabs) return out
    for (const f of Object.keys(errors.value)) {
      const t = options.tabs.of(f)
      if (t) out[t] = (out[t] ?? 0) + 1
    }
    return out
  })

  function openTabOf(fields: string[]): void {
    if (!options.tabs || fields.length === 0) return
    const onThisTab = fields.some((f) => options.tabs!.of(f) === options.tabs!.current.value)
    if (onThisTab) return
    const tab = options.tabs.of(fields[0]!)
    if (tab) options.tabs.current.value = tab
  }

  /** Puts each issue under its field (the first message per field); the others go to the top. Opens the first bad tab. */
  function show(issues: readonly FieldIssue[], into: Record<string, string> = server, openTab = true): void {
    const placed: string[] = []
    const rest: string[] = []
    for (const i of issues) {
      const f = fieldOf(i.field)
      if (f === null) rest.push(i.message)
      else if (!into[f]) {
        into[f] = i.message
        placed.push(f)
      }
    }
    if (into === server) general.value = [...new Set(rest)]
    if (openTab) openTabOf(placed)
  }

  /** the first field with a message is brought into view (a long form: the clerk pressed 保存 at its foot) */
  function reveal(): void {
    void nextTick(() => document.querySelector('.el-dialog .is-error, .is-error, .form-problem')?.scrollIntoView({ block: 'center' }))
  }

  /**
   * A refused save: the backend's issues under their fields and its message at the top when it names no field of
   * this form. Anything else (a network failure, a bug) is shown as any error is.
   */
  function fromError(error: unknown): void {
    clearServer()
    if (error instanceof ApiError && error.error.issues?.length) {
      show(error.error.issues)
      // the sentence as a whole when nothing of it could be placed (e.g. a rule about the record, not a field)
      if (!Object.keys(server).length && !general.value.length) general.value = [error.message]
    } else if (error instanceof ApiError || error instanceof ClerkError) general.value = [error.message]
    else showError(error)
    reveal()
  }

  function clearServer(): void {
    for (const k of Object.keys(server)) delete server[k]
    general.value = []
  }

  /** Forgets every message (a dialog opened afresh). */
  function reset(): void {
    clearServer()
    for (const k of Object.keys(live)) delete live[k]
    submitted.value = false
  }

  /**
   * Checks as the clerk types: `check` gives the issues of the whole form; a field shows its message once the clerk
   * has changed it (or tried to save). A field the clerk changes loses the backend's message about it.
   */
  function watchLive(source: WatchSource<object>, check: () => readonly FieldIssue[]): void {
    const touched = new Set<string>()
    let before: Record<string, string> = {}
    watch(
      source,
      (now) => {
        const flat = flatten(now)
        for (const [k, v] of Object.entries(flat)) {
          if (before[k] !== undefined && before[k] !== v) {
            const f = fieldOf(k)
            if (f) {
              touched.add(f)
              delete server[f]
            }
          }
        }
        before = flat
        recheck(check, touched)
      },
      { deep: true, immediate: true },
    )
    // a form opened afresh starts untouched
    watch(submitted, (s) => {
      if (!s) touched.clear()
    })
  }

  function recheck(check: () => readonly FieldIssue[], touched: Set<string>): void {
    for (const k of Object.keys(live)) delete live[k]
    const found: Record<string, string> = {}
    // typing never switches the tab under the clerk's hands: only a save attempt does
    show(check(), found, false)
    for (const [f, m] of Object.entries(found)) if (submitted.value || touched.has(f)) live[f] = m
  }

  /** Before a save: every message of `check` is shown; answers whether the form may be sent. */
  function validate(check: () => readonly FieldIssue[]): boolean {
    submitted.value = true
    clearServer()
    const found: Record<string, string> = {}
    show(check(), found, false)
    for (const k of Object.keys(live)) delete live[k]
    Object.assign(live, found)
    openTabOf(Object.keys(found))
    reveal()
    return Object.keys(found).length === 0
  }

  return { errors, general, perTab, show, fromError, reset, watchLive, validate }
}

/** `{ a: { b: 1 } }` → `{ 'a.b': '1' }`: which leaf of a form changed */
function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix) out[prefix] = JSON.stringify(value ?? null)
  return out
}
