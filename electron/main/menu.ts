import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { NAVIGATE_CHANNEL } from '../shared/desktop'

/** The Chinese application menu. Navigation items tell the renderer which page to open. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const go = (path: string) => () => getWindow()?.webContents.send(NAVIGATE_CHANNEL, path)
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => getWindow()?.webContents.print({ silent: false }) },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '党组织', click: go('/organizations') },
        { type: 'separator' },
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于党办通', role: 'about' }],
    },
  ]
  return Menu.buildFromTemplate(template)
}
