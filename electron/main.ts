import path from 'node:path';
import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import { appSchemePrivileges, registerAppProtocol } from './appProtocol';
import { registerIpcHandlers } from './ipc';
import { applicationMenu } from './menu';
import { APP_ORIGIN, hardenSession, hardenWebContents, secureWebPreferences } from './security';

// The bundle lives in dist/electron/; the renderer build beside it in dist/renderer/.
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Must happen before `ready`: a standard, secure scheme gets its own origin, so IndexedDB is stable.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 800,
    minHeight: 560,
    title: 'Waybill',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(preloadPath, !app.isPackaged),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (one writer per database) and exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    registerAppProtocol(protocol, rendererRoot);
    registerIpcHandlers();
    Menu.setApplicationMenu(applicationMenu());
    createMainWindow();
  });
}
