// Dexie finds IndexedDB on the global object; fake-indexeddb provides it in Node.
import 'fake-indexeddb/auto';

// Web Locks (the corpus install lock): browsers have them in every extension context, Node does not.
import { TestLockManager } from './support/web-locks';
if (!('locks' in navigator)) Object.defineProperty(navigator, 'locks', { value: new TestLockManager(), configurable: true });

// navigator.storage.estimate (the import checks the free quota first): a roomy disk unless a test says otherwise.
if (!('storage' in navigator))
  Object.defineProperty(navigator, 'storage', { value: { estimate: async () => ({ quota: 10 * 1024 ** 3, usage: 0 }) }, configurable: true });
