// Dexie finds IndexedDB on the global object; fake-indexeddb provides it in Node.
import 'fake-indexeddb/auto';

// Web Locks (the corpus install lock): browsers have them in every extension context, Node does not.
import { TestLockManager } from './support/web-locks';
if (!('locks' in navigator)) Object.defineProperty(navigator, 'locks', { value: new TestLockManager(), configurable: true });
