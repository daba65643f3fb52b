// Exposes the one contract object, nothing else: never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type WaybillApi } from '../shared/ipc';

const waybill = {
  openFiles: (request) => ipcRenderer.invoke(channels.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  saveBegin: (request) => ipcRenderer.invoke(channels.saveBegin, request),
  saveChunk: (request) => ipcRenderer.invoke(channels.saveChunk, request),
  saveEnd: (request) => ipcRenderer.invoke(channels.saveEnd, request),
  printPdf: (request) => ipcRenderer.invoke(channels.printPdf, request),
} satisfies WaybillApi;

contextBridge.exposeInMainWorld('waybill', waybill);
