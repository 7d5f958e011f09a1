import { NotFound, ValidationError } from '../../shared/errors.js';
import { isId } from '../../shared/ids.js';

/** An id from the path: one that is not 24-hex cannot exist, so it is a 404 like an unknown one. */
export function pathId(value: string, notFound: string): string {
  if (!isId(value)) throw new NotFound(notFound);
  return value;
}

/**
 * Deletes take the id from the path (the docs) and also accept it in the body (the reference's
 * code); both present and different is a client bug worth a 400.
 */
export function pathOrBodyId(pathValue: string, bodyValue: unknown, notFound: string): string {
  if (bodyValue !== undefined && bodyValue !== null && bodyValue !== '' && bodyValue !== pathValue) {
    throw new ValidationError('The id in the body does not match the id in the path');
  }
  return pathId(pathValue, notFound);
}

/** Every id the client named must be one the team has; unknown and foreign ids fail alike. */
export function requireAll(wanted: readonly string[], found: Iterable<string>, message: string): void {
  const have = new Set(found);
  for (const id of wanted) if (!have.has(id)) throw new ValidationError(message);
}

export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}
