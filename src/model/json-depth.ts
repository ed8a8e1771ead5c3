// How deep a JSON text nests, counted on the text before parsing: a map with a 100,000-deep unknown
// field parses, but every later JSON.stringify or recursive walk of it overflows the stack. Map files
// and imports share this one limit, so `validate` and `import` agree.
export const MAX_JSON_DEPTH = 200;

/** The problem message for JSON nested deeper than MAX_JSON_DEPTH, or null. Strings are skipped. */
export function jsonDepthProblem(text: string, limit = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b /* [ { */) {
      if (++depth > limit) return `line ${line}: nested deeper than ${limit} levels (the limit for any JSON value)`;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) line++;
  }
  return null;
}
