export { encodeEventStream } from './encode-event-stream.js';
export type { EncodeEventStreamOptions } from './encode-event-stream.js';
export { errorFrame, eventFrame, exceptionFrame } from './event-frames.js';
