/** Two BCP-47 codes name the same language when their primary subtags match ("es" serves "es-MX"). */
export function primaryLanguage(code: string): string {
  return code.toLowerCase().split('-')[0];
}

/** True when the two lists share a language (by primary subtag). */
export function languagesOverlap(a: readonly string[], b: readonly string[]): boolean {
  const primaries = new Set(a.map(primaryLanguage));
  return b.some((code) => primaries.has(primaryLanguage(code)));
}
