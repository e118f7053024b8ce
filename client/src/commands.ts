// The commands the extension contributes (package.json `contributes.commands`; a test checks they agree).

import { SHOW_TRACE_COMMAND } from '@yieldlens/shared';

export const COMMANDS = {
  /** Also the code lens's command: `[uri, generator qualname]` focuses that generator's lanes. */
  showTrace: SHOW_TRACE_COMMAND,
  rerunTraces: 'yieldlens.rerunTraces',
  restartServer: 'yieldlens.restartServer',
  showLog: 'yieldlens.showLog',
} as const;
