import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built from roles only: the default menu's Help items open web pages, which
 * this offline app never does. The developer tools are there only in a development build (run from
 * the source, not packaged): in the shipped app they would show a case's contents to anyone at the
 * keyboard, locked or not.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  developer: boolean,
): MenuItemConstructorOptions[] {
  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }],
  };
  return [
    ...(platform === 'darwin' ? [macAppMenu] : []),
    { label: 'File', submenu: [{ role: platform === 'darwin' ? 'close' : 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(developer ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
