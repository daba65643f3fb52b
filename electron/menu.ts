import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Built from roles only: the default menu's Help items open web pages, which this offline app
 * never does.
 */
export function applicationMenu(): Menu {
  const macAppMenu: MenuItemConstructorOptions = {
    label: app.name,
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [macAppMenu] : []),
    { label: 'File', submenu: [{ role: process.platform === 'darwin' ? 'close' : 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
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
  return Menu.buildFromTemplate(template);
}
