import { isUtf8 } from 'node:buffer';
import { logsShapes } from '../../models/logs/index.js';
import type { Utf8LogEvents } from '../../storage/index.js';
import { checkShape } from '../common/index.js';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES } from './event-size.js';
import { BACKSLASH, DECLINED, QUOTE, SIMPLE_ESCAPES, endsPlainRun, escapeWidth, unicodeEscape, writeUtf8 } from './json-string-bytes.js';

/** A PutLogEvents request read straight from its body: valid in every respect the whole call can fail on. */
export class PutLogEventsBody {
  constructor(
    readonly logGroupName: string,
    readonly logStreamName: string,
    readonly events: Utf8LogEvents,
  ) {}
}

const MAX_EVENTS = 10_000;
/** `{"timestamp":0,"message":"x"}`: no event takes fewer bytes, which bounds how many a body can hold. */
const SMALLEST_EVENT_BYTES = 29;
/** Longer timestamps could exceed Number.MAX_SAFE_INTEGER (16 digits); they are left to JSON.parse. */
const MAX_TIMESTAMP_DIGITS = 15;

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;
const NINE = 0x39;

const memberNames = (...names: string[]): readonly Uint8Array[] => names.map((name) => Buffer.from(name));
const REQUEST_MEMBERS = memberNames('logGroupName', 'logStreamName', 'logEvents');
const [GROUP_NAME, STREAM_NAME, LOG_EVENTS] = [0, 1, 2];
const EVENT_MEMBERS = memberNames('timestamp', 'message');
const [TIMESTAMP, MESSAGE] = [0, 1];


/**
 * Reads a PutLogEvents body without JSON.parse: the messages stay UTF-8 bytes in the body, their escapes undone in
 * place (the body is not read again once decoded), so no message becomes a string. Parsing the 1 MB body into
 * 4,500 strings, validating their objects and encoding each message back to UTF-8 were about a third of ingest's
 * main-thread profile; the main thread's CPU per event fell by a quarter.
 *
 * It answers only for a well-formed batch that the general path (JSON.parse, shape validation, PutLogEvents' batch
 * checks) would accept as a whole: exactly the three modeled members once each, events of exactly `timestamp` (a
 * plain non-negative integer) and a non-empty `message`, 1 to 10,000 events in chronological order within the size
 * limits, names valid for their shapes, valid UTF-8 throughout. For anything else, including every request AWS
 * rejects, it answers undefined and the body takes the general path, which gives AWS's exact error.
 */
export function readPutLogEventsBody(body: Buffer): PutLogEventsBody | undefined {
  if (body.length === 0 || !isUtf8(body)) return undefined;
  const reader = new BodyReader(body);
  try {
    return reader.read();
  } catch (error) {
    reader.restore();
    if (error === DECLINED) return undefined;
    throw error;
  }
}

/**
 * The body as it came, copied before the first escape is undone in place, so that a body declined later goes to
 * JSON.parse unchanged. One for the process: a read runs start to end without yielding.
 */
let original = Buffer.alloc(0);

class BodyReader {
  private at = 0;
  private count = 0;
  private readonly timestamps: Float64Array;
  private readonly starts: Int32Array;
  /** Where each message's UTF-8 bytes end once its escapes are undone. */
  private readonly ends: Int32Array;
  private rewritten = false;

  private readonly bytes: Uint8Array;
  /** The same bytes, for the hot loops' reads and moves of four at a time. */
  private readonly words: DataView;

  constructor(private readonly body: Buffer) {
    // A plain Uint8Array view: element reads on it stay monomorphic in the hot loops.
    this.bytes = new Uint8Array(body.buffer, body.byteOffset, body.length);
    this.words = new DataView(body.buffer, body.byteOffset, body.length);
    const capacity = Math.min(MAX_EVENTS, Math.floor(body.length / SMALLEST_EVENT_BYTES) + 1);
    this.timestamps = new Float64Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  read(): PutLogEventsBody {
    let logGroupName: string | undefined;
    let logStreamName: string | undefined;
    let sawEvents = false;
    this.open(OPEN_BRACE);
    do {
      const key = this.key(REQUEST_MEMBERS);
      if (key === GROUP_NAME && logGroupName === undefined) logGroupName = this.name('LogGroupName');
      else if (key === STREAM_NAME && logStreamName === undefined) logStreamName = this.name('LogStreamName');
      else if (key === LOG_EVENTS && !sawEvents) {
        this.events();
        sawEvents = true;
      } else throw DECLINED;
    } while (this.next(CLOSE_BRACE));
    this.skipWhitespace();
    if (this.at !== this.bytes.length || logGroupName === undefined || logStreamName === undefined || !sawEvents) throw DECLINED;
    this.checkSizes();
    const count = this.count;
    return new PutLogEventsBody(logGroupName, logStreamName, {
      kind: 'utf8',
      length: count,
      timestamps: this.timestamps.subarray(0, count),
      bytes: this.body,
      starts: this.starts.subarray(0, count),
      ends: this.ends.subarray(0, count),
    });
  }

  private events(): void {
    this.open(OPEN_BRACKET);
    do this.event();
    while (this.next(CLOSE_BRACKET));
  }

  private event(): void {
    const index = this.count;
    if (index === this.timestamps.length) throw DECLINED;
    let sawTimestamp = false;
    let sawMessage = false;
    this.open(OPEN_BRACE);
    do {
      const key = this.key(EVENT_MEMBERS);
      if (key === TIMESTAMP && !sawTimestamp) {
        this.timestamp(index);
        sawTimestamp = true;
      } else if (key === MESSAGE && !sawMessage) {
        this.message(index);
        sawMessage = true;
      } else throw DECLINED;
    } while (this.next(CLOSE_BRACE));
    if (!sawTimestamp || !sawMessage) throw DECLINED;
    if (index > 0 && (this.timestamps[index] as number) < (this.timestamps[index - 1] as number)) throw DECLINED;
    this.count = index + 1;
  }

  private timestamp(index: number): void {
    const { bytes } = this;
    const first = this.at;
    const end = Math.min(bytes.length, first + MAX_TIMESTAMP_DIGITS + 1);
    let value = 0;
    let at = first;
    for (; at < end; at++) {
      const digit = bytes[at] as number;
      if (digit < ZERO || digit > NINE) break;
      value = value * 10 + (digit - ZERO);
    }
    const digits = at - first;
    if (digits === 0 || digits > MAX_TIMESTAMP_DIGITS || (digits > 1 && bytes[first] === ZERO)) throw DECLINED;
    const after = bytes[at];
    if (after === 0x2e || after === 0x65 || after === 0x45) throw DECLINED; // a fraction or an exponent
    this.timestamps[index] = value;
    this.at = at;
  }

  /** Finds the message's end; escapes are undone in place, so its UTF-8 bytes start where its text does. */
  private message(index: number): void {
    const { bytes } = this;
    const size = bytes.length;
    if (bytes[this.at] !== QUOTE) throw DECLINED;
    const start = this.at + 1;
    let at = start;
    // The hot loop of ingest: four bytes at a time while none of them ends the run, then byte by byte.
    const { words } = this;
    const lastWord = size - 4;
    while (at <= lastWord && !endsPlainRun(words.getInt32(at, true))) at += 4;
    let byte = 0;
    while (at < size) {
      byte = bytes[at] as number;
      if (byte < 0x20 || byte === QUOTE || byte === BACKSLASH) break;
      at++;
    }
    if (at >= size || byte < 0x20) throw DECLINED;
    let end = at;
    if (byte === QUOTE) this.at = at + 1;
    else end = this.unescape(at);
    if (end === start) throw DECLINED;
    this.starts[index] = start;
    this.ends[index] = end;
  }

  /**
   * The rest of a message from its first escape at `from`: each byte moves left over the space the escapes saved.
   * Returns where the message's bytes end, and leaves `at` past its closing quote.
   */
  private unescape(from: number): number {
    this.keepOriginal();
    const { bytes } = this;
    const size = bytes.length;
    const { words } = this;
    const lastWord = size - 4;
    let at = from;
    let to = from;
    for (;;) {
      // Runs move four bytes at a time; the write never passes what was read, since `to` trails `at`.
      for (let word = 0; at <= lastWord && !endsPlainRun((word = words.getInt32(at, true))); at += 4, to += 4) words.setInt32(to, word, true);
      if (at >= size) throw DECLINED;
      const byte = bytes[at] as number;
      if (byte === QUOTE) break;
      if (byte < 0x20) throw DECLINED;
      if (byte !== BACKSLASH) {
        bytes[to++] = byte;
        at++;
        continue;
      }
      const simple = SIMPLE_ESCAPES[bytes[at + 1] ?? 0] as number;
      if (simple !== 0) {
        bytes[to++] = simple;
        at += 2;
        continue;
      }
      const codePoint = unicodeEscape(bytes, at);
      at += escapeWidth(codePoint);
      to = writeUtf8(bytes, to, codePoint);
    }
    this.at = at + 1;
    return to;
  }

  private keepOriginal(): void {
    if (this.rewritten) return;
    if (original.length < this.bytes.length) original = Buffer.allocUnsafe(this.bytes.length);
    original.set(this.bytes);
    this.rewritten = true;
  }

  /** Puts back what unescaping rewrote, for the general path. */
  restore(): void {
    if (this.rewritten) this.bytes.set(original.subarray(0, this.bytes.length));
  }

  private checkSizes(): void {
    let total = 0;
    for (let index = 0; index < this.count; index++) {
      const size = (this.ends[index] as number) - (this.starts[index] as number) + EVENT_OVERHEAD_BYTES;
      if (size > MAX_BATCH_BYTES) throw DECLINED;
      total += size;
    }
    if (total > MAX_BATCH_BYTES) throw DECLINED;
  }

  /** A member name and its colon: which of `names` it is (they are plain ASCII, so no escape is taken). */
  private key(names: readonly Uint8Array[]): number {
    this.skipWhitespace();
    const { bytes } = this;
    if (bytes[this.at] !== QUOTE) throw DECLINED;
    const first = this.at + 1;
    let which = 0;
    while (which < names.length && !spells(bytes, first, names[which] as Uint8Array)) which++;
    if (which === names.length) throw DECLINED;
    this.at = first + (names[which] as Uint8Array).length + 1;
    this.skipWhitespace();
    if (bytes[this.at] !== COLON) throw DECLINED;
    this.at++;
    this.skipWhitespace();
    return which;
  }

  /** A log group or stream name, valid for its shape (else the general path reports it). */
  private name(shape: 'LogGroupName' | 'LogStreamName'): string {
    const end = this.plainStringEnd();
    const name = this.body.toString('utf8', this.at + 1, end);
    this.at = end + 1;
    if (checkShape(logsShapes, shape, name).violations.length > 0) throw DECLINED;
    return name;
  }

  /** Where the string starting at the current quote ends, for strings that need no unescaping. */
  private plainStringEnd(): number {
    const { bytes } = this;
    if (bytes[this.at] !== QUOTE) throw DECLINED;
    for (let at = this.at + 1; ; at++) {
      const byte = bytes[at];
      if (byte === undefined || byte < 0x20 || byte === BACKSLASH) throw DECLINED;
      if (byte === QUOTE) return at;
    }
  }

  /** `{` or `[` and the whitespace after it; an empty object or list is left to the general path. */
  private open(bracket: number): void {
    this.skipWhitespace();
    if (this.bytes[this.at] !== bracket) throw DECLINED;
    this.at++;
    this.skipWhitespace();
    if (this.bytes[this.at] === bracket + 2) throw DECLINED; // `}` and `]` follow their openers by 2
  }

  /** After a value: true at a comma (another member follows), false past the closing bracket. */
  private next(close: number): boolean {
    this.skipWhitespace();
    const byte = this.bytes[this.at];
    this.at++;
    if (byte === COMMA) return true;
    if (byte === close) return false;
    throw DECLINED;
  }

  private skipWhitespace(): void {
    const { bytes } = this;
    let at = this.at;
    while (at < bytes.length) {
      const byte = bytes[at] as number;
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      at++;
    }
    this.at = at;
  }
}

/** Whether the string at `first` (past its opening quote) is exactly `name`. */
function spells(bytes: Uint8Array, first: number, name: Uint8Array): boolean {
  for (let i = 0; i < name.length; i++) if (bytes[first + i] !== name[i]) return false;
  return bytes[first + name.length] === QUOTE;
}

/** The Logs operations that read their own body (the awsJson codec's `bodyReaders`). */
export const logsBodyReaders = { PutLogEvents: readPutLogEventsBody } as const;
