import { Chalk, type ChalkInstance } from 'chalk';

/** How human text is styled: the CLI decides colour once (flags, NO_COLOR, FORCE_COLOR, TTY). */
export type TextStyle = { readonly color: boolean; readonly chalk: ChalkInstance };

/** A text style with colour on (ANSI 16 colours) or off. */
export function textStyle(color: boolean): TextStyle {
  return { color, chalk: new Chalk({ level: color ? 1 : 0 }) };
}
