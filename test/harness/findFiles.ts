import * as fs from 'fs';
import * as path from 'path';

/** Files under `dir` (and its folders) whose names end with `suffix`, in a stable order; none when `dir` is absent. */
export function findFiles(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  }).sort();
}
