import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../kernel/index.js';
import { utf8Message } from '../../storage/index.js';
import { readPutLogEventsBody, type PutLogEventsBody } from './put-log-events-body.js';

const T = 1_700_000_000_000;

interface Request {
  logGroupName: string;
  logStreamName: string;
  logEvents: { timestamp: number; message: string }[];
}

function request(messages: readonly string[], extra: Partial<Request> = {}): Request {
  return { logGroupName: '/app/g', logStreamName: 's-1', logEvents: messages.map((message, i) => ({ timestamp: T + i, message })), ...extra };
}

/** What Python's json.dumps writes by default (botocore's encoder): every non-ASCII code unit as `\uXXXX`. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function read(body: string | Buffer): PutLogEventsBody | undefined {
  return readPutLogEventsBody(typeof body === 'string' ? Buffer.from(body) : body);
}

/** The reader's events as the general path would have them. */
function eventsOf(body: PutLogEventsBody): { timestamp: number; message: string }[] {
  const { events } = body;
  return Array.from({ length: events.length }, (_, i) => ({ timestamp: events.timestamps[i] as number, message: utf8Message(events, i) }));
}

function assertReadAs(body: string, expected: Request): void {
  const scanned = read(body);
  assert.ok(scanned !== undefined, `declined: ${body.slice(0, 120)}`);
  assert.equal(scanned.logGroupName, expected.logGroupName);
  assert.equal(scanned.logStreamName, expected.logStreamName);
  assert.deepEqual(eventsOf(scanned), expected.logEvents);
  // The bytes are exactly the messages' UTF-8, which is what the store keeps.
  scanned.events.starts.forEach((start, i) => {
    const bytes = Buffer.from(scanned.events.bytes.subarray(start, scanned.events.ends[i]));
    assert.deepEqual(bytes, Buffer.from(expected.logEvents[i]?.message ?? ''));
  });
}

/** A message of random characters, escapes-to-be and multi-byte ones among them. */
function randomMessage(random: () => number): string {
  const pieces = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\r', '\b', '\f', '\u0000', '\u001f', '\u007f', 'é', 'ß', '€', '中', '😀', '𝄞', '\u2028', '{"k":"v"}', 'ERROR'];
  const length = 1 + Math.floor(random() * 20);
  let text = '';
  for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

describe('readPutLogEventsBody', () => {
  it('reads the bodies the AWS SDKs send: JSON.stringify, and ASCII-only JSON with \\u escapes', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const messages = Array.from({ length: 1 + Math.floor(random() * 30) }, () => randomMessage(random));
      const value = request(messages);
      assertReadAs(JSON.stringify(value), value);
      assertReadAs(asciiJson(value), value);
    }
  });

  it('reads members in any order, with whitespace between tokens', () => {
    const value = request(['one', 'two']);
    const body = ` {\n "logEvents" : [ { "message" : "one" , "timestamp" : ${T} } ,\t{"timestamp":${T + 1},"message":"two"}\r\n] , "logStreamName":"s-1","logGroupName" : "/app/g" } `;
    assertReadAs(body, value);
  });

  it('keeps the body for the general path until nothing can decline', () => {
    // The order check fails on the last event: the escapes of the first must not have been undone in place.
    const body = Buffer.from(JSON.stringify({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 2, message: 'a\\"b' }, { timestamp: 1, message: 'c' }] }));
    const copy = Buffer.from(body);
    assert.equal(readPutLogEventsBody(body), undefined);
    assert.deepEqual(body, copy);
  });

  it('finds every byte that ends a run of plain bytes, wherever it falls in a four-byte word', () => {
    // Runs are read four bytes at a time: a quote, a backslash, a control byte (raw, so the body must be declined)
    // at each position of a word, next to bytes of 0x80 and up, which must never pass for one of them.
    for (let position = 0; position < 9; position++) {
      for (const around of ['abcdefghij', 'ééééé', '€€€€']) {
        const before = around.slice(0, position);
        const after = around.slice(position);
        for (const special of ['"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u0080', 'é']) {
          const value = request([`${before}${special}${after}`, `${special}${after}${before}`]);
          assertReadAs(JSON.stringify(value), value);
        }
        for (const raw of [0x00, 0x0a, 0x1f]) {
          const body = Buffer.from(JSON.stringify(request([`${before}_${after}`])));
          body[body.indexOf('_')] = raw;
          assert.equal(read(body), undefined, `raw 0x${raw.toString(16)} after ${position} bytes of ${around}`);
        }
      }
    }
  });

  it('leaves to the general path everything it does not fully vouch for', () => {
    const ok = (events: string): string => `{"logGroupName":"g","logStreamName":"s","logEvents":${events}}`;
    const declined: Record<string, string | Buffer> = {
      'an empty body': '',
      'a list': '[]',
      'an empty object': '{}',
      'a missing member': '{"logGroupName":"g","logEvents":[{"timestamp":1,"message":"m"}]}',
      'an unmodeled member': '{"logGroupName":"g","logStreamName":"s","sequenceToken":"t","logEvents":[{"timestamp":1,"message":"m"}]}',
      'a member twice': '{"logGroupName":"g","logGroupName":"h","logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}',
      'an escaped member name': '{"logGroupNam\\u0065":"g","logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}',
      'a null member': '{"logGroupName":null,"logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}',
      'a bad group name': '{"logGroupName":"a b","logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}',
      'a bad stream name': '{"logGroupName":"g","logStreamName":"a:b","logEvents":[{"timestamp":1,"message":"m"}]}',
      'a stream name too long': `{"logGroupName":"g","logStreamName":"${'s'.repeat(513)}","logEvents":[{"timestamp":1,"message":"m"}]}`,
      'no events': ok('[]'),
      'a null event': ok('[null]'),
      'an event member twice': ok('[{"timestamp":1,"timestamp":2,"message":"m"}]'),
      'an unmodeled event member': ok('[{"timestamp":1,"message":"m","x":1}]'),
      'an event without a message': ok('[{"timestamp":1}]'),
      'an empty message': ok('[{"timestamp":1,"message":""}]'),
      'a number as message': ok('[{"timestamp":1,"message":5}]'),
      'a string timestamp': ok('[{"timestamp":"1","message":"m"}]'),
      'a negative timestamp': ok('[{"timestamp":-1,"message":"m"}]'),
      'a fractional timestamp': ok('[{"timestamp":1.5,"message":"m"}]'),
      'an exponent': ok('[{"timestamp":1e3,"message":"m"}]'),
      'a leading zero': ok('[{"timestamp":01,"message":"m"}]'),
      'a timestamp past 15 digits': ok('[{"timestamp":1234567890123456,"message":"m"}]'),
      'events out of order': ok('[{"timestamp":2,"message":"m"},{"timestamp":1,"message":"m"}]'),
      'a raw control character': ok('[{"timestamp":1,"message":"a\tb"}]'),
      'an unknown escape': ok('[{"timestamp":1,"message":"a\\xb"}]'),
      'a short \\u escape': ok('[{"timestamp":1,"message":"a\\u12"}]'),
      'a lone high surrogate': ok('[{"timestamp":1,"message":"a\\ud83d b"}]'),
      'a lone low surrogate': ok('[{"timestamp":1,"message":"a\\ude00"}]'),
      'an unterminated message': ok('[{"timestamp":1,"message":"abc'),
      'a missing comma': ok('[{"timestamp":1,"message":"m"}{"timestamp":1,"message":"m"}]'),
      'a trailing comma': ok('[{"timestamp":1,"message":"m"},]'),
      'trailing text': `${ok('[{"timestamp":1,"message":"m"}]')}x`,
      'a byte order mark': `\ufeff${ok('[{"timestamp":1,"message":"m"}]')}`,
      'invalid UTF-8': Buffer.concat([Buffer.from(ok('[{"timestamp":1,"message":"a')), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]),
      'more than 10,000 events': ok(`[${Array.from({ length: 10_001 }, () => '{"timestamp":1,"message":"m"}').join(',')}]`),
      'an event over 1 MB': ok(`[{"timestamp":1,"message":"${'x'.repeat(1_048_551)}"}]`),
      'a batch over 1 MB': ok(`[${Array.from({ length: 2 }, () => `{"timestamp":1,"message":"${'x'.repeat(524_263)}"}`).join(',')}]`),
    };
    for (const [what, body] of Object.entries(declined)) assert.equal(read(body), undefined, what);
  });

  it('reads the largest batch that fits: 1,048,576 bytes counting 26 per event', () => {
    const fits = request(['x'.repeat(1_048_550)]);
    assertReadAs(JSON.stringify(fits), fits);
    const many = request(Array.from({ length: 10_000 }, () => 'm'));
    assertReadAs(JSON.stringify(many), many);
  });
});
