// openSidePanel picks the browser's API and calls it synchronously inside the click handler
// (Firefox's sidebarAction.open() is refused after any await).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { canOpenSidePanel, openSidePanel } from '../../utils/sidepanel';

const target = fakeBrowser as unknown as { sidePanel?: { open: (o: { windowId: number }) => Promise<void> }; sidebarAction?: { open: () => Promise<void> } };
afterEach(() => {
  delete target.sidePanel;
  delete target.sidebarAction;
  fakeBrowser.reset();
});

describe('openSidePanel', () => {
  it('Firefox: opens the sidebar synchronously, before anything is awaited', () => {
    const open = vi.fn(() => Promise.resolve());
    target.sidebarAction = { open };
    void openSidePanel();
    expect(open).toHaveBeenCalledTimes(1); // no microtask has run yet
    expect(canOpenSidePanel()).toBe(true);
  });

  it('Chromium: opens the side panel of the given window synchronously', () => {
    const open = vi.fn((_o: { windowId: number }) => Promise.resolve());
    target.sidePanel = { open };
    void openSidePanel(42);
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
  });

  it("Chromium without a window id: uses the caller's window", async () => {
    const open = vi.fn((_o: { windowId: number }) => Promise.resolve());
    target.sidePanel = { open };
    const win = await fakeBrowser.windows.create({ focused: true });
    await openSidePanel();
    expect(open).toHaveBeenCalledWith({ windowId: win!.id });
  });

  it('no side panel API (e.g. Chromium before 114): says so', async () => {
    expect(canOpenSidePanel()).toBe(false);
    await expect(openSidePanel(1)).rejects.toThrow(/no side panel/);
  });
});
