// Settings writes, in one place and one at a time: several tabs, the options page and an import
// may change settings at once, and each write is a read-modify-write of one storage item, so
// they are queued here (the only writer) instead of racing in each context.
import type { Handlers } from '@/utils/messaging/dispatch';
import { updateSettings } from '@/utils/settings';

export const settingsHandlers: Pick<Handlers, 'setPanelCollapsed' | 'updateSettings'> = {
  setPanelCollapsed: async ({ collapsed }) => {
    await updateSettings({ panelCollapsed: collapsed });
    return { collapsed };
  },
  updateSettings: async ({ patch }) => ({ settings: await updateSettings(patch) }),
};
