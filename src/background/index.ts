// Service worker: the single writer of the archive for pages without their own store access
// (content scripts), plus the browser-level entry points: context menu, commands, badge.
import { installBackgroundRouter } from './router';
import { installMenusAndCommands } from './menus';
import { warmUp } from './archive';
import { runPhotoQueue } from './photos';
import { watchSettingsForBackground } from './settings-watch';

installBackgroundRouter();
installMenusAndCommands();
watchSettingsForBackground();
warmUp();
// Photos left pending (network down at save time) are retried when the worker starts.
runPhotoQueue().catch(() => {});
