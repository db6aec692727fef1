/**
 * A pattern that AWS would reject. The message reads like AWS's InvalidParameterException text and says what to
 * change; `position` is the 0-based character offset of the problem in the pattern as given (for editor squiggles).
 * The logs service maps it to InvalidParameterException once, at its edge.
 */
export class FilterPatternError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'FilterPatternError';
    this.position = position;
  }
}
