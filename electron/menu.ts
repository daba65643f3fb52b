import { app, Menu } from 'electron';
import { menuTemplate } from './menuTemplate';

export const applicationMenu = (): Menu =>
  Menu.buildFromTemplate(menuTemplate(process.platform, app.name, !app.isPackaged));
