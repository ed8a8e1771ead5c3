// Runs a model mutation from a form control; a refused change becomes a message, never an exception.
import { ModelError } from '../../model/mutations.ts';

export function attempt(change: () => void): string | null {
  try {
    change();
    return null;
  } catch (error) {
    if (error instanceof ModelError) return error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    throw error;
  }
}
