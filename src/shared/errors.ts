/**
 * Typed errors thrown by services and mapped once, at the HTTP edge, to `{error, message, code}`.
 * `message` is what the client sees; it must never carry internals.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Optional detail for `message` when `error` must stay a fixed compatibility string. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string) {
    super(400, message);
  }
}
export class Unauthorized extends AppError {
  constructor(message = 'Unauthorized') {
    super(401, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = 'No permission', detail?: string) {
    super(403, message, detail);
  }
}
export class NotFound extends AppError {
  constructor(message = 'Not found') {
    super(404, message);
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super(409, message);
  }
}
export class TooManyRequests extends AppError {
  constructor(message = 'Too many requests, please try again later') {
    super(429, message);
  }
}
export class Upstream extends AppError {
  constructor(message: string) {
    super(502, message);
  }
}
