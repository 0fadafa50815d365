import { browser } from 'wxt/browser';
import { dispatch } from '@/utils/messaging/dispatch';
import { handlers } from '@/utils/background/handlers';
import { ensureSeeded } from '@/utils/background/corpus-state';

export default defineBackground(() => {
  // Seed on install/update and on every start (a no-op when the corpus version is unchanged).
  browser.runtime.onInstalled.addListener(() => void ensureSeeded().catch(() => {}));
  void ensureSeeded().catch(() => {});

  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender, handlers, browser.runtime.id));
});
