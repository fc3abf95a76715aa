/** Text as HTML, in an element or an attribute's double quotes: a translation may hold `<`, `&` or `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
