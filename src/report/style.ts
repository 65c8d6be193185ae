import { Chalk, type ChalkInstance } from 'chalk';

/**
 * How human text is styled: the CLI decides colour once (flags, NO_COLOR, FORCE_COLOR, TTY),
 * the width text reports fit (COLUMNS, the terminal's width, else 100) and whether tables are
 * drawn in ASCII (a locale that is not UTF-8, TERM=dumb).
 */
export type TextStyle = {
  readonly color: boolean;
  readonly chalk: ChalkInstance;
  /** Columns every line of a text report fits. */
  readonly width: number;
  /** Tables with + - | instead of box-drawing characters. */
  readonly ascii: boolean;
};

/** The width of text reports when neither COLUMNS nor a terminal says otherwise. */
export const DEFAULT_WIDTH = 100;

/** A text style with colour on (ANSI 16 colours) or off, `width` columns wide (default 100). */
export function textStyle(color: boolean, options: { width?: number; ascii?: boolean } = {}): TextStyle {
  return {
    color,
    chalk: new Chalk({ level: color ? 1 : 0 }),
    width: options.width ?? DEFAULT_WIDTH,
    ascii: options.ascii ?? false,
  };
}
