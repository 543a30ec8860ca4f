// Service worker: the single writer of the archive for pages without their own store access
// (content scripts), plus the browser-level entry points: context menu, commands, badge.
import { installBackgroundRouter } from './router';
import { installMenusAndCommands } from './menus';
import { runPhotoQueue } from './photos';
import { watchSettingsForBackground } from './settings-watch';

installBackgroundRouter();
installMenusAndCommands();
watchSettingsForBackground();
// Nothing is warmed at start (issue 17): related, counts and tags read the persisted index in
// bounded work, so a worker woken for one message loads no more than that message needs.
// Photos left pending (network down at save time) are retried when the worker starts: that
// reads the photo jobs only.
runPhotoQueue().catch(() => {});
