// The extension's own address for a path inside the build. WXT types `runtime.getURL` with the
// list of files it knows at build time; paths computed at run time (fonts, query strings) are not
// in that list, hence the one cast here.
import { browser } from 'wxt/browser';

export const extensionUrl = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);
