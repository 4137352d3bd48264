/** The one chalk instance factory for human output: chalk's terminal detection, plus NO_COLOR. */
import { Chalk, supportsColor, supportsColorStderr, type ChalkInstance } from 'chalk';

/**
 * chalk detects terminals and FORCE_COLOR but not NO_COLOR (https://no-color.org), so that is
 * added here. `stream` picks whose terminal decides: results go to stdout, progress to stderr.
 */
export function colours(env: NodeJS.ProcessEnv = process.env, stream: 'stdout' | 'stderr' = 'stdout'): ChalkInstance {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  const support = stream === 'stderr' ? supportsColorStderr : supportsColor;
  return new Chalk({ level: support ? support.level : 0 });
}
