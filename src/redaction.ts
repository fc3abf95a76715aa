// Removes credentials from text before it is logged or shown. Two nets: known secret values
// (registered as they are learned) and patterns that look like credentials in URLs, headers and JSON.

const PATTERNS: RegExp[] = [
  /(\b(?:access_token|refresh_token|code|code_verifier|client_secret|state)=)[^&\s"']+/gi,
  /("(?:access_token|refresh_token|code|code_verifier|client_secret)"\s*:\s*")[^"]*(")/gi,
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/g,
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a secret value so every later message hides it, wherever it appears. */
  add(secret: string | undefined): void {
    // Very short values would redact ordinary words; real tokens are long.
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    for (const pattern of PATTERNS) {
      out = out.replace(pattern, (_m, head: string, tail?: string) => `${head}***${typeof tail === 'string' ? tail : ''}`);
    }
    return out;
  }
}
