// Exposes the one contract object, nothing else: never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type WaybillApi } from '../shared/ipc';

const waybill = {
  openFiles: (request) => ipcRenderer.invoke(channels.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  printPdf: (request) => ipcRenderer.invoke(channels.printPdf, request),
} satisfies WaybillApi;

contextBridge.exposeInMainWorld('waybill', waybill);
