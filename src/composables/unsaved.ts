import { ElMessageBox } from 'element-plus'

/**
 * Nothing typed is lost without a word: a dialog whose content differs from what it opened with asks
 * before it closes — by its ✕, by Esc, or by its 取消 / 关闭 button. `mark` takes what the dialog opened with (or
 * what was just saved); until it is called the dialog counts as unchanged.
 */
export function useUnsaved(snapshot: () => unknown) {
  let base: string | null = null
  const mark = (): void => {
    base = JSON.stringify(snapshot())
  }
  const dirty = (): boolean => base !== null && JSON.stringify(snapshot()) !== base
  /** Whether the dialog may close: unchanged, or the clerk chose to throw the changes away. */
  async function mayDiscard(): Promise<boolean> {
    if (!dirty()) return true
    return ElMessageBox.confirm('填写的内容还没有保存。关闭后，这些内容将丢失。', '还没有保存', {
      confirmButtonText: '不保存，关闭',
      cancelButtonText: '继续填写',
      type: 'warning',
      distinguishCancelAndClose: true,
    }).then(
      () => true,
      () => false,
    )
  }
  /** for ElDialog's before-close (✕ and Esc) */
  const beforeClose = (done: () => void): void => void mayDiscard().then((ok) => ok && done())
  /** forgets the changes (a save went through, the dialog closes on its own) */
  const forget = (): void => {
    base = null
  }
  return { mark, dirty, mayDiscard, beforeClose, forget }
}
