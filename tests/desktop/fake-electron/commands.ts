/** What a test can ask the faked Electron to do inside the main-process child (one reply each). */
export type Sender = 'window' | 'other-window' | 'subframe' | 'elsewhere' | 'no-frame'

export type Command =
  | { op: 'invoke'; channel: string; args: unknown[]; as?: Sender }
  | { op: 'handlers' }
  | { op: 'permission'; permission: string }
  | { op: 'permission-check'; permission: string }
  | { op: 'request'; url: string }
  | { op: 'headers'; url: string }
  | { op: 'navigate'; url: string; event?: 'will-navigate' | 'will-redirect' }
  | { op: 'window-open'; url: string }
  | { op: 'attach-webview' }
  | { op: 'protocol'; url: string }
  | { op: 'close-window' }
  | { op: 'quit' }
  | { op: 'second-instance' }
  | { op: 'release' }
  | { op: 'answers'; answers: { messageBoxResponse?: number; saveDialogPath?: string | null } }
  | { op: 'preload'; file: string }
  | { op: 'preload-call'; fn: string; args: unknown[] }
