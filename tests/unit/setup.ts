// Dexie finds IndexedDB on the global object; fake-indexeddb provides it in Node.
import 'fake-indexeddb/auto';
