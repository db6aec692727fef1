import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyChunkSignatures } from './chunk-signatures.js';

// The worked example of AWS's "Signature Calculations for the Authorization Header: Transferring Payload in Multiple
// Chunks" page: 65 KiB of 'a' sent as a 64 KiB chunk, a 1 KiB chunk and the final empty chunk.
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const scope = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', date: '20130524', region: 'us-east-1', service: 's3' };
const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const SIGNATURES = [
  'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
  '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
  'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
];

function body(signatures: readonly string[]): Buffer {
  const chunk = (size: number, signature: string): Buffer =>
    Buffer.concat([Buffer.from(`${size.toString(16)};chunk-signature=${signature}\r\n`), Buffer.alloc(size, 'a'), Buffer.from('\r\n')]);
  return Buffer.concat([chunk(65536, signatures[0] as string), chunk(1024, signatures[1] as string), chunk(0, signatures[2] as string)]);
}

const inputs = (b: Buffer) => ({ body: b, seedSignature: SEED, secretAccessKey: SECRET, scope, amzDate: '20130524T000000Z' });

test('AWS’s documented chunk signatures verify', () => {
  assert.doesNotThrow(() => verifyChunkSignatures(inputs(body(SIGNATURES))));
});

test('a tampered chunk, a wrong signature or a missing final chunk is SignatureDoesNotMatch-worthy', () => {
  const tampered = body(SIGNATURES);
  tampered[200] = 'b'.charCodeAt(0);
  assert.throws(() => verifyChunkSignatures(inputs(tampered)), { code: 'InvalidSignatureException' });
  const wrong = [SIGNATURES[0], SIGNATURES[0], SIGNATURES[2]] as string[];
  assert.throws(() => verifyChunkSignatures(inputs(body(wrong))), { code: 'InvalidSignatureException' });
  const truncated = body(SIGNATURES).subarray(0, 65536 + 200);
  assert.throws(() => verifyChunkSignatures(inputs(truncated)), { code: 'InvalidSignatureException' });
});
