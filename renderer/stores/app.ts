// App-wide state: host info, language, connection to the host, and toasts.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useApi } from '../api/client';
import { i18n } from '../i18n';
import { errorText } from '../i18n/words';
import type { AppInfo, Locale } from '../../shared/ipc/app.contract';
import type { ConnectionState } from '../api/transport';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** A reason Heat wrote, shown after the text: worded where its form is fixed, Heat's detail marked English. */
  heatReason?: string;
}

export const useAppStore = defineStore('app', () => {
  const api = useApi();
  const info = ref<AppInfo | null>(null);
  const locale = ref<Locale>(i18n.global.locale.value as Locale);
  const connection = ref<ConnectionState>('connected');
  const toasts = ref<Toast[]>([]);
  let nextToast = 1;

  async function init(): Promise<void> {
    api.onConnection((state) => (connection.value = state));
    info.value = await api.invoke('app.info', {});
    const prefs = await api.invoke('app.getPreferences', {});
    if (prefs.locale) applyLocale(prefs.locale);
  }

  function applyLocale(next: Locale): void {
    locale.value = next;
    i18n.global.locale.value = next;
    document.documentElement.lang = next;
  }

  async function setLocale(next: Locale): Promise<void> {
    applyLocale(next);
    await api.invoke('app.setPreferences', { locale: next });
  }

  function toast(kind: Toast['kind'], text: string, heatReason?: string): void {
    const id = nextToast++;
    toasts.value.push({ id, kind, text, ...(heatReason ? { heatReason } : {}) });
    setTimeout(() => dismiss(id), kind === 'error' ? 10_000 : 4_000);
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  /** Shows an error from the main process: its message names what and where. */
  function reportError(err: unknown): void {
    toast('error', errorText(err, locale.value));
  }

  return { info, locale, connection, toasts, init, setLocale, toast, dismiss, reportError };
});
