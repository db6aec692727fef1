export { checkShape } from './shape-validator.js';
export type { CheckedInput, ConstraintViolation } from './shape-validator.js';
export { validateInput, validationMessage } from './validation-message.js';
export type { ValidateInputOptions } from './validation-message.js';
export { encodePageToken, decodePageToken } from './page-token.js';
export type { PageTokenState } from './page-token.js';
export { fnv1a64 } from './checksum.js';
export { javaValueText } from './java-value-text.js';
export { allConstraintsOf, constraintText, matchesModelPattern } from './constraint-text.js';
