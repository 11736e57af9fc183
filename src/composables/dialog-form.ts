import { ref, watch, type Ref } from 'vue'
import { useFieldErrors, type FieldErrorsOptions } from './field-errors'
import { useUnsaved } from './unsaved'

/**
 * A dialog that edits and saves one thing, the way every form of the app behaves: messages under the
 * fields they are about, a question before changed content is thrown away, closed only by a save that went through.
 *   snapshot  what the dialog edits (compared with what it opened with)
 *   fields    the contract's names of the fields it shows a message under
 * The dialog binds `before-close` to `beforeClose`, its 取消 to `close`, and saves with `submit(() => call(...))`.
 */
export function useDialogForm(open: Ref<boolean>, snapshot: () => unknown, options: FieldErrorsOptions) {
  const fe = useFieldErrors(options)
  const unsaved = useUnsaved(snapshot)
  const busy = ref(false)
  // what the dialog opened with is taken once its watchers have filled it in
  watch(open, (isOpen) => {
    if (!isOpen) return
    fe.reset()
    void Promise.resolve().then(() => unsaved.mark())
  })

  /** Runs the save; closes the dialog and answers the result when it went through, else shows why and answers undefined. */
  async function submit<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    try {
      const result = await work()
      unsaved.forget()
      open.value = false
      return result
    } catch (error) {
      fe.fromError(error)
      return undefined
    } finally {
      busy.value = false
    }
  }
  async function close(): Promise<void> {
    if (await unsaved.mayDiscard()) open.value = false
  }
  const beforeClose = (done: () => void): void => void unsaved.mayDiscard().then((ok) => ok && done())
  return { fe, errors: fe.errors, problems: fe.general, show: fe.show, busy, submit, close, beforeClose, mark: unsaved.mark }
}
