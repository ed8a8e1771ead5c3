// Runs a model mutation from a form control; a refused change becomes a message, never an exception.
import { ModelError } from '../../model/mutations.ts';

/**
 * One committed edit (a field's Enter or blur, a choice, a chip): its own undo step, however soon it
 * follows the last act or the next one follows it — Undo takes back one field at a time.
 */
export function attempt(undo: { stopCapturing(): void }, change: () => void): string | null {
  try {
    undo.stopCapturing();
    change();
    undo.stopCapturing();
    return null;
  } catch (error) {
    if (error instanceof ModelError) return error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    throw error;
  }
}
