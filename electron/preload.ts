// Exposes the one contract object, nothing else: never ipcRenderer itself. Its methods are the
// contract's channels, one each, so the two cannot drift apart.
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type WaybillApi } from '../shared/ipc';

const waybill = Object.fromEntries(
  Object.entries(channels).map(([method, channel]) => [
    method,
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
) as WaybillApi;

contextBridge.exposeInMainWorld('waybill', waybill);
