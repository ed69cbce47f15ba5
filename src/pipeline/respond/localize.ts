/** Picks the text for a language, falling back to the business's default language. */
export function pick(texts: Record<string, string> | undefined, language: string, fallback: string): string | undefined {
  if (!texts) return undefined;
  return texts[language] ?? texts[fallback] ?? Object.values(texts)[0];
}
