/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  /** present in the desktop app (preload); absent in browser mode, where the loopback bridge is used */
  api?: import('@shared/desktop').DesktopApi
}
