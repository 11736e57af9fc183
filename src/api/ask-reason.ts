import { ElMessageBox } from 'element-plus'

interface ReasonOptions {
  /** the confirming button's words (作废, 退回, 确定更正 …) */
  confirm?: string
  /** what the box says while the reason is empty */
  empty?: string
  placeholder?: string
}

/**
 * Asks for the reason a step is recorded with (作废, 退回, 更正, 免于考核, 重新打开): nothing that matters is
 * removed or undone without a reason the audit log keeps (docs/rules.md §3 "Nobody is deleted"). The reason is
 * required and trimmed, and the box stays open saying `empty` while it is blank; cancelling or closing the box
 * answers null, and the caller then does nothing.
 */
export async function askReason(message: string, title: string, options: ReasonOptions = {}): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(message, title, {
      confirmButtonText: options.confirm ?? '确定',
      cancelButtonText: '取消',
      inputPlaceholder: options.placeholder,
      inputValidator: (v) => !!v?.trim() || (options.empty ?? '请填写原因'),
    })
    return value.trim()
  } catch {
    return null
  }
}
