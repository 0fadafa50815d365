// The Web Locks API for unit tests: Node has no navigator.locks. Exclusive locks only (all the
// extension takes), granted in request order, `ifAvailable` answered with null, and query().
type Callback = (lock: { name: string; mode: 'exclusive' } | null) => unknown;

interface Waiting {
  name: string;
  grant: () => void;
}

export class TestLockManager {
  private held = new Set<string>();
  private waiting: Waiting[] = [];

  request(name: string, optionsOrCallback: { ifAvailable?: boolean } | Callback, maybeCallback?: Callback): Promise<unknown> {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback)!;
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const free = !this.held.has(name) && !this.waiting.some((w) => w.name === name);
    if (options.ifAvailable && !free) return Promise.resolve().then(() => callback(null));
    // Held from the moment it is granted (synchronously), so no other request slips in between.
    return new Promise<void>((resolve) => {
      const grant = () => {
        this.held.add(name);
        resolve();
      };
      if (free) grant();
      else this.waiting.push({ name, grant });
    }).then(async () => {
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        this.held.delete(name);
        const next = this.waiting.findIndex((w) => w.name === name);
        if (next >= 0) this.waiting.splice(next, 1)[0].grant();
      }
    });
  }

  async query() {
    return { held: [...this.held].map((name) => ({ name, mode: 'exclusive' })), pending: this.waiting.map((w) => ({ name: w.name, mode: 'exclusive' })) };
  }
}
