// LIKE patterns outside expressions (SHOW TABLES LIKE 'x%').
import { likeMatch } from './eval';

export function globLike(text: string, pattern: string): boolean {
  return likeMatch(text, pattern, '\\');
}
