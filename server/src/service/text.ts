/** The text with its first letter upper-cased, for a message that starts with a name. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
